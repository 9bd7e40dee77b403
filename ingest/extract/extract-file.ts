/**
 * The one entry point the sync uses to read a file: checks the cheap limits
 * first (type, size) and then hands the bytes to the extractor for its type.
 */
import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { IngestError } from '../../src/errors.js';
import { stripDocumentNoise } from './strip-registry-noise.js';
import { replaceDocumentGlyphs } from './symbol-glyphs.js';
import { checkTextLength } from './text-length.js';
import { extractMarkdown, extractText } from './text.js';
import type { ExtractedDocument, Extractor, ExtractOptions } from './types.js';

/**
 * An extractor whose module is imported on its first call: pdf.js (with the
 * canvas binding), mammoth and mailparser take about 100 MB and a second to
 * load, which a command that reads no such file (`ask`, `serve`, an archive
 * of plain text) should not pay.
 */
function loadOnFirstUse(load: () => Promise<Extractor>): Extractor {
  let loaded: Promise<Extractor> | null = null;
  return async (bytes, options) => (await (loaded ??= load()))(bytes, options);
}

// One row per file type.
const EXTRACTORS = {
  '.pdf': loadOnFirstUse(async () => (await import('./pdf.js')).extractPdf),
  '.docx': loadOnFirstUse(async () => (await import('./docx.js')).extractDocx),
  '.eml': loadOnFirstUse(async () => (await import('./eml.js')).extractEml),
  '.txt': extractText,
  '.md': extractMarkdown,
} as const satisfies Record<string, Extractor>;

/** Types people will try, with the reason they are not read (instead of a bare "unsupported"). */
const UNSUPPORTED_REASONS: Readonly<Record<string, string>> = {
  '.odt':
    'OpenDocument text (.odt) is not supported: there is no maintained ODT text extractor for Node that we trust; save it as DOCX or PDF',
  '.doc': 'Old binary Word (.doc) is not supported; save it as DOCX or PDF',
  '.msg': 'Outlook .msg is not supported; save the message as .eml',
};

/** Lower-case extensions (with the dot) that `extractFile` can read. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTRACTORS);

export interface ExtractFileOptions {
  /** Larger files are rejected before they are read. */
  readonly maxBytes: number;
  /** Passed to the extractor; longer documents are rejected. */
  readonly maxPages: number;
  /** Passed to the extractor; a longer text is rejected (`too_long`). */
  readonly maxChars?: number;
  readonly signal?: AbortSignal;
  /** OCR for scanned PDF pages (see `ExtractOptions.ocr`). */
  readonly ocr?: ExtractOptions['ocr'];
}

/**
 * Picks the extractor for a file name by its lower-cased extension.
 * @throws IngestError `unsupported_type` naming the extension.
 */
export function extractorFor(filePath: string): Extractor {
  const extension = extname(filePath).toLowerCase();
  const extractor: Extractor | undefined = (EXTRACTORS as Record<string, Extractor>)[extension];
  if (!extractor) {
    const reason = UNSUPPORTED_REASONS[extension];
    if (reason) throw new IngestError('unsupported_type', reason);
    const named = extension === '' ? 'no extension' : `"${extension}"`;
    throw new IngestError(
      'unsupported_type',
      `Unsupported file type (${named}); supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  return extractor;
}

/**
 * Reads one archive file and extracts its text.
 * @throws IngestError `unsupported_type`, `empty` (0 bytes), `too_large`
 *   (checked before reading), `timeout` (the signal fired), or whatever the
 *   extractor throws.
 * @throws NodeJS.ErrnoException when the file cannot be opened (e.g. it was
 *   deleted mid-sync); the caller decides whether that is fatal.
 */
export async function extractFile(
  filePath: string,
  { maxBytes, maxPages, maxChars, signal, ocr }: ExtractFileOptions,
): Promise<ExtractedDocument> {
  extractorFor(filePath);
  const bytes = await readLimited(filePath, maxBytes, signal);
  return extractDocument(filePath, bytes, {
    maxPages,
    ...(maxChars ? { maxChars } : {}),
    ...(signal ? { signal } : {}),
    ...(ocr ? { ocr } : {}),
  });
}

/**
 * Extracts bytes already read, by the file name's type, and strips registry
 * stamps and page counters from the result (`stripDocumentNoise`): the one
 * path every format takes, so scans, exports and attachments are cleaned alike.
 * @throws IngestError as `extractorFor` and the extractor do.
 */
export async function extractDocument(
  fileName: string,
  bytes: Uint8Array,
  options: ExtractOptions,
): Promise<ExtractedDocument> {
  const extractor = extractorFor(fileName);
  return stripDocumentNoise(
    replaceDocumentGlyphs(checkTextLength(await extractor(bytes, options), options)),
  );
}

/**
 * Reads a file whole, refusing it before reading when it is empty or over
 * `maxBytes` (and again after, in case it grew): the one size check the sync
 * and `extractFile` share.
 * @throws IngestError `empty`, `too_large`, `timeout` (the signal fired).
 * @throws NodeJS.ErrnoException when the file cannot be opened.
 */
export async function readLimited(
  filePath: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new IngestError('empty', 'File is empty (0 bytes)');
    if (size > maxBytes)
      throw new IngestError(
        'too_large',
        `File is ${size} bytes, the limit is ${maxBytes} (INGEST_MAX_FILE_MB)`,
      );
    const bytes = await handle.readFile(signal ? { signal } : {}).catch((error: unknown) => {
      if (signal?.aborted)
        throw new IngestError('timeout', 'Reading the file was aborted', { cause: error });
      throw error;
    });
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes)
      throw new IngestError(
        'too_large',
        `File is ${bytes.length} bytes, the limit is ${maxBytes} (INGEST_MAX_FILE_MB)`,
      );
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * A SHA-256 fed with the file's bytes, read as a stream with the same checks as `readLimited`:
 * the sync only needs the hash, and holding whole 50 MB files (plus those read ahead) cost memory
 * (the extraction worker reads the file itself).
 */
export async function hashFileLimited(filePath: string, maxBytes: number): Promise<Hash> {
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new IngestError('empty', 'File is empty (0 bytes)');
    if (size > maxBytes)
      throw new IngestError(
        'too_large',
        `File is ${size} bytes, the limit is ${maxBytes} (INGEST_MAX_FILE_MB)`,
      );
    const hash = createHash('sha256');
    let read = 0;
    for await (const chunk of handle.createReadStream({ autoClose: false })) {
      read += (chunk as Buffer).length;
      // The file may have grown between stat and read.
      if (read > maxBytes)
        throw new IngestError('too_large', `File is over ${maxBytes} bytes (INGEST_MAX_FILE_MB)`);
      hash.update(chunk as Buffer);
    }
    return hash;
  } finally {
    await handle.close();
  }
}
