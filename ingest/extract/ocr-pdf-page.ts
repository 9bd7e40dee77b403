/**
 * OCR of one PDF page: render at 300 dpi, find the text direction, recognise,
 * and return lines in the same shape (PDF points, y up) as the text layer
 * gives, so headers/footers, paragraphs and hyphenation are handled by the
 * same code for scans and born-digital pages.
 *
 * Orientation: the ink profile decides sideways vs upright for free
 * (`detectTextAxis`); the remaining 0°/180° (or 90°/270°) choice is made by
 * recognising once and trying the flipped image only when confidence is low,
 * so an upright scan costs one recognition and a rotated one at most two.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OcrResult, OcrWord, PageRecognizer } from './ocr-pool.js';
import type { PdfLine } from './pdf-layout.js';
import { detectTextAxis } from './detect-text-axis.js';
import { encodePgm, renderPdfPage, rotateGrey, type GreyImage } from './render-pdf-page.js';

/** Mean word confidence above which the first orientation tried is accepted. */
const GOOD_CONFIDENCE = 70;

type Rotation = 0 | 90 | 180 | 270;

export interface OcrPdfPageOptions {
  readonly recognizer: PageRecognizer;
  readonly signal?: AbortSignal;
  readonly dpi?: number;
}

export interface OcrPdfPageResult {
  readonly lines: PdfLine[];
  /** Mean word confidence 0–100 of the accepted recognition. */
  readonly confidence: number;
  /** Clockwise rotation applied to the rendered page before recognition. */
  readonly rotation: Rotation;
  /** Recognitions run (1 for an upright page). */
  readonly attempts: number;
  /**
   * Every recognised word in reading order, its box as fractions (0–1) of the
   * page as displayed (its `/Rotate` applied, y down), whatever rotation OCR
   * needed: the letter viewer draws highlights over the page image with them.
   */
  readonly words: readonly OcrWord[];
}

/**
 * Recognises a page without a usable text layer.
 * @throws IngestError `timeout` when the signal fires, `corrupt` when OCR fails.
 */
export async function ocrPdfPage(
  page: PDFPageProxy,
  { recognizer, signal, dpi }: OcrPdfPageOptions,
): Promise<OcrPdfPageResult> {
  const { image, scale } = await renderPdfPage(page, dpi === undefined ? {} : { dpi });
  const axis = detectTextAxis(image);
  const order: Rotation[] =
    axis === 'vertical'
      ? await probeSideways(image, recognizer, signal)
      : axis === 'horizontal'
        ? [0, 180]
        : [0, 90, 180, 270];
  let best: { result: OcrResult; rotation: Rotation; rotated: GreyImage } | null = null;
  let attempts = 0;
  for (const rotation of order) {
    const rotated = rotateGrey(image, rotation);
    const result = await recognizer.recognize(encodePgm(rotated), signal ? { signal } : {});
    attempts += 1;
    if (!best || result.confidence > best.result.confidence) best = { result, rotation, rotated };
    if (result.confidence >= GOOD_CONFIDENCE) break;
  }
  if (!best) throw new Error('unreachable: no orientation tried');
  const { result, rotation, rotated } = best;
  return {
    lines: toPdfLines(result, rotated.height, scale),
    confidence: result.confidence,
    rotation,
    attempts,
    words: toPageWords(result, rotation, image.width, image.height),
  };
}

/**
 * Word boxes of the recognition of an image rotated clockwise by `rotation`,
 * mapped back onto the unrotated `width`×`height` page and scaled to 0–1.
 */
function toPageWords(
  result: OcrResult,
  rotation: Rotation,
  width: number,
  height: number,
): OcrWord[] {
  // Inverse of rotateGrey: a point of the rotated image → the same point on the page.
  const back = (x: number, y: number): [number, number] => {
    switch (rotation) {
      case 0:
        return [x, y];
      case 90:
        return [y, height - x];
      case 180:
        return [width - x, height - y];
      case 270:
        return [width - y, x];
      default: {
        const never: never = rotation;
        throw new Error(`unknown rotation ${String(never)}`);
      }
    }
  };
  return result.lines.flatMap((line) =>
    (line.words ?? []).map((word) => {
      const [ax, ay] = back(word.x0, word.y0);
      const [bx, by] = back(word.x1, word.y1);
      return {
        text: word.text,
        x0: Math.min(ax, bx) / width,
        y0: Math.min(ay, by) / height,
        x1: Math.max(ax, bx) / width,
        y1: Math.max(ay, by) / height,
      };
    }),
  );
}

/**
 * A sideways page reads at 90° or 270°, with no prior for either (scanners are
 * fed both ways). Recognising a band across the middle of each is ~1/5 of a
 * page each, cheaper than a wrong full recognition.
 */
async function probeSideways(
  image: GreyImage,
  recognizer: PageRecognizer,
  signal: AbortSignal | undefined,
): Promise<Rotation[]> {
  const scores = await Promise.all(
    ([90, 270] as const).map(async (rotation) => {
      const band = cropRows(rotateGrey(image, rotation), 0.3, 0.5);
      const { confidence, lines } = await recognizer.recognize(
        encodePgm(band),
        signal ? { signal } : {},
      );
      return { rotation, score: lines.length === 0 ? 0 : confidence };
    }),
  );
  const [a, b] = scores as [
    { rotation: Rotation; score: number },
    { rotation: Rotation; score: number },
  ];
  return a.score >= b.score ? [a.rotation, b.rotation] : [b.rotation, a.rotation];
}

function cropRows(image: GreyImage, from: number, to: number): GreyImage {
  const start = Math.floor(image.height * from);
  const end = Math.max(start + 1, Math.floor(image.height * to));
  return {
    width: image.width,
    height: end - start,
    pixels: image.pixels.subarray(start * image.width, end * image.width),
  };
}

/** Pixel lines (y down) → PdfLines in points (y up), ordered top to bottom. */
function toPdfLines(result: OcrResult, imageHeight: number, scale: number): PdfLine[] {
  return result.lines
    .map((line) => ({
      text: line.text,
      y: (imageHeight - line.baseline) / scale,
      size: Math.max(1, line.height / scale),
    }))
    .sort((a, b) => b.y - a.y);
}
