/**
 * DOCX letters (drafts and replies written in Word) through `mammoth`: the
 * document body as paragraphs, headings kept as their own paragraphs, tables
 * cell by cell. Word files have no fixed pages, so the text is one page
 * (`page: null`).
 */
import mammoth from 'mammoth';
import { IngestError } from '../../src/errors.js';
import { checkZipSize } from './check-zip-size.js';
import type { Extractor } from './types.js';

/** OLE compound file: how Office stores a password-protected DOCX (and old .doc). */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b];

/**
 * Extracts a DOCX's text.
 * @throws IngestError `encrypted` (password-protected: an OLE container, not a zip),
 *   `corrupt` (not a DOCX or damaged), `zip_bomb` (inflates past the caps), `empty` (no text), `timeout`.
 */
export const extractDocx: Extractor = async (bytes, { signal }) => {
  if (signal?.aborted)
    throw new IngestError('timeout', 'DOCX extraction was aborted', { cause: signal.reason });
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    throw new IngestError(
      'encrypted',
      'DOCX is password-protected (or an old binary .doc renamed to .docx)',
    );
  }
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b))
    throw new IngestError('corrupt', 'Not a DOCX: the file is not a zip package');
  // Before mammoth inflates anything: a 1 MiB bomb would otherwise take gigabytes.
  checkZipSize(bytes);
  let raw: string;
  try {
    raw = (
      await mammoth.extractRawText({
        buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      })
    ).value;
  } catch (error) {
    throw new IngestError(
      'corrupt',
      `DOCX cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  // mammoth ends every paragraph (headings included) with a blank line.
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text === '') throw new IngestError('empty', 'DOCX has no text');
  return { pages: [{ page: null, text, ocr: false }], source: 'docx' };
};
