/**
 * Text-layer extraction from PDFs with pdf.js (legacy build: runs on Node 20
 * and under Jest without a DOM). Pages without a text layer come back empty
 * for the OCR stage to fill.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from '../../src/errors.js';
import { groupLines, rejoinPageBreaks, renderLines, type PdfLine, type PdfTextItem } from './pdf-layout.js';
import { stripRepeatedLines } from './strip-repeated-lines.js';
import type { ExtractedPage, Extractor, ExtractOptions } from './types.js';

// Predefined CMaps and standard font metrics ship with pdfjs-dist; without
// them text in CJK/Type1 fonts can decode wrongly (and pdf.js warns).
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/** A valid PDF has its header in the first KiB and `%%EOF` in the last KiB (ISO 32000 §7.5). */
const MARKER_WINDOW = 1024;

/**
 * Extracts the text layer of a PDF, page by page, in reading order, with
 * running headers/footers removed (kept in `noise`).
 * @throws IngestError `encrypted` (needs a password), `corrupt` (not a PDF,
 *   truncated or unreadable), `too_many_pages`, `no_text` (no page has a text
 *   layer: OCR is needed), `timeout` (the signal fired).
 */
export const extractPdf: Extractor = async (bytes, options) => {
  checkAborted(options.signal);
  checkMarkers(bytes);
  const pdf = await openPdf(bytes, options);
  try {
    if (pdf.numPages > options.maxPages) {
      throw new IngestError('too_many_pages', `PDF has ${pdf.numPages} pages, the limit is ${options.maxPages}`);
    }
    const lines: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      checkAborted(options.signal);
      lines.push(await readPageLines(pdf, number));
    }
    const { pages, removed } = stripRepeatedLines(lines);
    const texts = rejoinPageBreaks(pages.map(renderLines));
    const extracted: ExtractedPage[] = texts.map((text, i) => ({ page: i + 1, text, ocr: false }));
    if (extracted.every((page) => page.text === '')) {
      throw new IngestError('no_text', `PDF has no text layer on any of its ${pdf.numPages} pages; OCR is needed`);
    }
    return { pages: extracted, source: 'text-layer', ...(removed.length > 0 ? { noise: removed } : {}) };
  } finally {
    await pdf.destroy();
  }
};

async function openPdf(bytes: Uint8Array, { signal }: ExtractOptions): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdf.js may transfer (detach) the buffer it is given; the caller still needs its bytes.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONTS_URL,
  });
  const abort = (): void => void task.destroy();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    return await task.promise;
  } catch (error) {
    checkAborted(signal);
    if (errorName(error) === 'PasswordException') {
      throw new IngestError('encrypted', 'PDF is password-protected', { cause: error });
    }
    throw new IngestError('corrupt', `PDF cannot be parsed: ${errorMessage(error)}`, { cause: error });
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}

async function readPageLines(pdf: PDFDocumentProxy, number: number): Promise<PdfLine[]> {
  try {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      // Marked-content entries carry no text.
      if (!('str' in item)) continue;
      const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
      // The vertical scale of the text matrix is the font size as drawn.
      items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(c, d) || item.height || 1 });
    }
    return groupLines(items);
  } catch (error) {
    throw new IngestError('corrupt', `PDF page ${number} cannot be read: ${errorMessage(error)}`, { cause: error });
  }
}

/**
 * pdf.js repairs damaged files quietly, so a truncated PDF may open and yield
 * part of its text. Indexing half a letter is worse than reporting it, so the
 * end-of-file marker is required.
 */
function checkMarkers(bytes: Uint8Array): void {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, MARKER_WINDOW)).toString('latin1');
  if (!head.includes('%PDF-')) throw new IngestError('corrupt', 'Not a PDF: no %PDF- header');
  let end = bytes.length;
  // Trailing whitespace and NUL padding after %%EOF are common and harmless.
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0d, 0x20].includes(bytes[end - 1] as number)) end -= 1;
  const tailStart = Math.max(0, end - MARKER_WINDOW);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, end - tailStart).toString('latin1');
  if (!tail.includes('%%EOF')) throw new IngestError('corrupt', 'PDF is truncated: no %%EOF marker at the end');
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IngestError('timeout', 'PDF extraction was aborted', { cause: signal.reason });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
