/**
 * The OCR word boxes of one scanned page, for the viewer's highlight over the
 * page image: recognised with the same renderer, orientation search and
 * engine as ingest (`ocrPdfPage`), so the words are the ones the quote came
 * from, and cached in DATA_DIR per letter version and page, so only the first
 * view of a page pays for recognition.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { loadPdfjs } from '../../../ingest/extract/load-pdfjs.js';
import { ocrPdfPage } from '../../../ingest/extract/ocr-pdf-page.js';
import type { OcrWord, PageRecognizer } from '../../../ingest/extract/ocr-pool.js';
import type { Letter } from '../../archive/types.js';
import { locateQuote } from './locate-quote.js';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

const cachedWords = z.array(
  z.object({ text: z.string(), x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() }),
);

/** A rectangle as fractions (0–1) of the displayed page, y down. */
export interface PageBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface OcrHighlight {
  /** Boxes to draw, one per (part of a) word the quote covers. */
  readonly boxes: readonly PageBox[];
  /** The characters under the boxes, read back from the OCR words. */
  readonly text: string;
}

export interface ReadOcrWordsOptions {
  readonly letter: Letter;
  readonly file: string;
  readonly page: number;
  readonly recognizer: PageRecognizer;
  /** Folder for the cache (`DATA_DIR/viewer-ocr`). */
  readonly cacheDir: string;
}

/**
 * The page's words, from the cache or by recognising it now.
 * @throws when the file is not a readable PDF or has no such page.
 */
export async function readOcrWords({
  letter,
  file,
  page,
  recognizer,
  cacheDir,
}: ReadOcrWordsOptions): Promise<readonly OcrWord[]> {
  const cacheFile = path.join(
    cacheDir,
    `${letter.id.replace(/[^\w-]/g, '_')}-${letter.contentHash.slice(0, 16).replace(/[^\w-]/g, '_')}-p${page}.json`,
  );
  try {
    return cachedWords.parse(JSON.parse(await fs.readFile(cacheFile, 'utf8')));
  } catch {
    // Not cached yet (or a damaged cache file): recognise below and write it afresh.
  }
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: new Uint8Array(await fs.readFile(file)),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    standardFontDataUrl: path.join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  const pdf = await task.promise;
  try {
    const { words } = await ocrPdfPage(await pdf.getPage(page), { recognizer });
    await fs.mkdir(cacheDir, { recursive: true });
    await fs.writeFile(cacheFile, JSON.stringify(words));
    return words;
  } finally {
    await task.destroy();
  }
}

/**
 * The boxes covering `quote` among the page's words (joined by spaces, as the
 * page reads), each word's box cut in proportion to the characters covered,
 * or null when the quote is not on this page.
 */
export function highlightOcrWords(words: readonly OcrWord[], quote: string): OcrHighlight | null {
  const starts: number[] = [];
  let text = '';
  for (const word of words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += word.text;
  }
  const ranges = locateQuote(text, quote);
  if (!ranges) return null;
  const boxes: PageBox[] = [];
  for (const range of ranges)
    words.forEach((word, i) => {
      const start = starts[i]!;
      const end = start + word.text.length;
      const from = Math.max(start, range.start);
      const to = Math.min(end, range.end);
      if (from >= to) return;
      const width = word.x1 - word.x0;
      const left = word.x0 + (width * (from - start)) / word.text.length;
      const right = word.x0 + (width * (to - start)) / word.text.length;
      boxes.push({ x: left, y: word.y0, w: right - left, h: word.y1 - word.y0 });
    });
  return { boxes, text: ranges.map((r) => text.slice(r.start, r.end)).join(' … ') };
}
