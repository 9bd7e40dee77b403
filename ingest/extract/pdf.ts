/**
 * Text extraction from PDFs with pdf.js (legacy build: runs on Node 20 and
 * under Jest without a DOM): the text layer where a page has a usable one,
 * OCR (`ocr-pdf-page.ts`) where it has only a scanned image.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IngestError } from '../../src/errors.js';
import { loadPdfjs } from './load-pdfjs.js';
import { ocrPdfPage } from './ocr-pdf-page.js';
import type { PageRecognizer } from './ocr-pool.js';
import {
  groupLines,
  rejoinPageBreaks,
  renderLines,
  type PdfLine,
  type PdfTextItem,
} from './pdf-layout.js';
import { hasRasterImage } from './render-pdf-page.js';
import { stripRepeatedLines } from './strip-repeated-lines.js';
import type { ExtractedPage, Extractor, ExtractOptions } from './types.js';

// Predefined CMaps and standard font metrics ship with pdfjs-dist; without
// them text in CJK/Type1 fonts can decode wrongly (and pdf.js warns).
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_URL = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONTS_URL = join(PDFJS_DIR, 'standard_fonts') + '/';

/**
 * A page whose text layer has fewer letters than this is treated as a scan
 * (scanners often add a page number or a stamp as text over the image).
 */
const MIN_TEXT_LAYER_LETTERS = 40;

/** A valid PDF has its header in the first KiB and `%%EOF` in the last KiB (ISO 32000 §7.5). */
const MARKER_WINDOW = 1024;

/**
 * Extracts a PDF's text, page by page, in reading order, with running
 * headers/footers removed (kept in `noise`). Pages without a usable text
 * layer that show an image are OCR'd when `options.ocr` is given.
 * @throws IngestError `encrypted` (needs a password), `corrupt` (not a PDF,
 *   truncated or unreadable), `too_many_pages`, `no_text` (no page has text,
 *   even after OCR), `timeout` (the signal fired).
 */
export const extractPdf: Extractor = async (bytes, options) => {
  checkAborted(options.signal);
  checkMarkers(bytes);
  const pdf = await openPdf(bytes, options);
  try {
    if (pdf.numPages > options.maxPages) {
      throw new IngestError(
        'too_many_pages',
        `PDF has ${pdf.numPages} pages, the limit is ${options.maxPages}`,
      );
    }
    const lines: PdfLine[][] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      checkAborted(options.signal);
      lines.push(await readPageLines(pdf, number));
    }
    const scanned = await findScannedPages(pdf, lines);
    const ocr = new Map<number, number>();
    if (scanned.length > 0 && options.ocr) {
      const results = await ocrPages(pdf, scanned, options.ocr, options.signal);
      for (const [number, result] of results) {
        lines[number - 1] = result.lines;
        ocr.set(number, result.confidence);
      }
    }
    const { pages, removed } = stripRepeatedLines(lines);
    const texts = rejoinPageBreaks(pages.map(renderLines));
    const extracted: ExtractedPage[] = texts.map((text, i) => {
      const confidence = ocr.get(i + 1);
      return confidence === undefined
        ? { page: i + 1, text, ocr: false }
        : { page: i + 1, text, ocr: true, ocrConfidence: Math.round(confidence * 10) / 10 };
    });
    if (extracted.every((page) => page.text === '')) {
      const why =
        scanned.length === 0
          ? 'no page has text or a scanned image to OCR'
          : options.ocr
            ? 'OCR found no text'
            : 'OCR is needed but switched off (OCR_ENABLED)';
      throw new IngestError(
        'no_text',
        `PDF has no text on any of its ${pdf.numPages} pages: ${why}`,
      );
    }
    const isAllOcr = extracted.every((page) => page.ocr || page.text === '');
    return {
      pages: extracted,
      source: isAllOcr ? 'ocr' : 'text-layer',
      ...(removed.length > 0 ? { noise: removed } : {}),
    };
  } finally {
    await pdf.destroy();
  }
};

/** Numbers of pages whose text layer is (nearly) empty but which paint an image. */
async function findScannedPages(
  pdf: PDFDocumentProxy,
  lines: readonly PdfLine[][],
): Promise<number[]> {
  const scanned: number[] = [];
  for (const [i, pageLines] of lines.entries()) {
    const letters = pageLines.reduce(
      (sum, line) => sum + (line.text.match(/\p{L}/gu)?.length ?? 0),
      0,
    );
    if (letters >= MIN_TEXT_LAYER_LETTERS) continue;
    const page = await pdf.getPage(i + 1);
    if (await hasRasterImage(page)) scanned.push(i + 1);
  }
  return scanned;
}

/**
 * OCRs pages with at most `concurrency + 1` in flight: one renders while the
 * workers recognise, and a 500-page scan never holds 500 bitmaps.
 */
async function ocrPages(
  pdf: PDFDocumentProxy,
  numbers: readonly number[],
  recognizer: PageRecognizer,
  signal: AbortSignal | undefined,
): Promise<Map<number, { lines: PdfLine[]; confidence: number }>> {
  const results = new Map<number, { lines: PdfLine[]; confidence: number }>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < numbers.length) {
      const number = numbers[next] as number;
      next += 1;
      checkAborted(signal);
      const page = await pdf.getPage(number);
      const { lines, confidence } = await ocrPdfPage(page, {
        recognizer,
        ...(signal ? { signal } : {}),
      });
      page.cleanup();
      results.set(number, { lines, confidence });
    }
  };
  const lanes = Math.min(numbers.length, Math.max(1, recognizer.concurrency) + 1);
  await Promise.all(Array.from({ length: lanes }, lane));
  checkAborted(signal);
  return results;
}

async function openPdf(bytes: Uint8Array, { signal }: ExtractOptions): Promise<PDFDocumentProxy> {
  const { getDocument } = await loadPdfjs();
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
    throw new IngestError('corrupt', `PDF cannot be parsed: ${errorMessage(error)}`, {
      cause: error,
    });
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
      items.push({
        str: item.str,
        x,
        y,
        width: item.width,
        size: Math.hypot(c, d) || item.height || 1,
      });
    }
    return groupLines(items);
  } catch (error) {
    throw new IngestError('corrupt', `PDF page ${number} cannot be read: ${errorMessage(error)}`, {
      cause: error,
    });
  }
}

/**
 * pdf.js repairs damaged files quietly, so a truncated PDF may open and yield
 * part of its text. Indexing half a letter is worse than reporting it, so the
 * end-of-file marker is required.
 */
function checkMarkers(bytes: Uint8Array): void {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, MARKER_WINDOW),
  ).toString('latin1');
  if (!head.includes('%PDF-')) throw new IngestError('corrupt', 'Not a PDF: no %PDF- header');
  let end = bytes.length;
  // Trailing whitespace and NUL padding after %%EOF are common and harmless.
  while (end > 0 && [0x00, 0x09, 0x0a, 0x0d, 0x20].includes(bytes[end - 1] as number)) end -= 1;
  const tailStart = Math.max(0, end - MARKER_WINDOW);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, end - tailStart).toString(
    'latin1',
  );
  if (!tail.includes('%%EOF'))
    throw new IngestError('corrupt', 'PDF is truncated: no %%EOF marker at the end');
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw new IngestError('timeout', 'PDF extraction was aborted', { cause: signal.reason });
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
