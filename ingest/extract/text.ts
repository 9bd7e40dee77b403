/**
 * Plain-text and Markdown letters. Archives hold exports from many systems,
 * so the bytes are checked before they are trusted: only UTF-8 is accepted
 * (a Windows-1250 file decoded as UTF-8 would index mojibake), and binary
 * files that merely carry a `.txt` name are rejected.
 */
import { IngestError } from '../../src/errors.js';
import { DEFAULT_MAX_TEXT_CHARS, type ExtractedDocument, type Extractor } from './types.js';
import { tooLong } from './text-length.js';

/** Above this share of control characters a "text" file is really binary. */
const MAX_CONTROL_SHARE = 0.1;
/** Enough of the file to judge the share of control characters. */
const SNIFF_CHARS = 65536;

/**
 * Extracts a UTF-8 plain-text file as one page (`page: null`): BOM stripped,
 * line ends normalised to `\n`, trailing spaces trimmed, runs of blank lines
 * collapsed to one (a blank line separates paragraphs).
 * @throws IngestError `empty`, `not_utf8`, `binary`.
 */
export const extractText: Extractor = async (bytes, options) =>
  toDocument(decodeText(bytes, options.maxChars ?? DEFAULT_MAX_TEXT_CHARS));

/**
 * Like `extractText`, and also strips the Markdown markup that would pollute
 * search: `#` heading markers and `*`/`_` emphasis. Everything else is kept.
 * @throws IngestError `empty`, `not_utf8`, `binary`.
 */
export const extractMarkdown: Extractor = async (bytes, options) =>
  toDocument(stripMarkdown(decodeText(bytes, options.maxChars ?? DEFAULT_MAX_TEXT_CHARS)));

function decodeText(bytes: Uint8Array, maxChars: number): string {
  if (bytes.length === 0) throw new IngestError('empty', 'File is empty');
  // A UTF-8 character takes at most 3 bytes per UTF-16 unit, so more bytes than that is too long
  // for certain: refused before a 50 MB file is decoded into strings several times its size.
  if (bytes.length > 3 * maxChars)
    throw tooLong(`at least ${Math.ceil(bytes.length / 3)}`, maxChars);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestError('not_utf8', 'File is UTF-16; only UTF-8 text is supported');
  }
  // NUL is valid UTF-8 but never appears in a text letter.
  if (bytes.includes(0)) throw new IngestError('binary', 'File contains NUL bytes; it is not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new IngestError(
      'not_utf8',
      'File is not valid UTF-8 (perhaps Windows-1250 or ISO-8859-2); re-save it as UTF-8',
      {
        cause: error,
      },
    );
  }
  if (controlShare(text.slice(0, SNIFF_CHARS)) > MAX_CONTROL_SHARE) {
    throw new IngestError('binary', 'File is mostly control characters; it is not text');
  }
  return normaliseText(text);
}

function controlShare(text: string): number {
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return text.length === 0 ? 0 : controls / text.length;
}

function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripMarkdown(text: string): string {
  return (
    text
      .replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/gm, '')
      // Markers must hug the text and sit outside words, so `snake_case` and `2 * 3` survive.
      .replace(/(?<![\p{L}\d\\*_])(\*{1,3}|_{1,3})(?=\S)([^\n]*?\S)\1(?![\p{L}\d*_])/gu, '$2')
  );
}

function toDocument(raw: string): ExtractedDocument {
  // Stripping Markdown can leave blank edges (a lone `#` line).
  const text = raw.trim();
  if (text === '') throw new IngestError('empty', 'File holds only whitespace');
  return { pages: [{ page: null, text, ocr: false }], source: 'plain' };
}
