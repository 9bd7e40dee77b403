/**
 * Renders a PDF page to a greyscale bitmap for OCR (pdf.js drawing onto an
 * `@napi-rs/canvas`). Tesseract is tuned for ~300 dpi text; a huge page is
 * scaled down so one render never exceeds `maxPixels`.
 */
import { createRequire } from 'node:module';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './load-pdfjs.js';

/**
 * The `@napi-rs/canvas` that pdf.js itself loads (it resolves it from its own
 * folder, and npm may nest a different major version there). pdf.js creates
 * scratch canvases with its copy; drawing them onto a canvas of another native
 * build crashes the process, so the page canvas must come from the same copy.
 */
const pdfjsRequire = createRequire(
  createRequire(import.meta.url).resolve('pdfjs-dist/package.json'),
);
const { createCanvas } = pdfjsRequire('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

/** A greyscale image, one byte per pixel, row by row. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

export interface RenderPdfPageOptions {
  /** Target resolution. */
  readonly dpi?: number;
  /** Upper bound on width × height, to keep memory per page bounded. */
  readonly maxPixels?: number;
}

/** Resolution that suits Tesseract's LSTM models (text x-height of ~20–30 px). */
export const OCR_DPI = 300;
/** A4 at 300 dpi is 8.7 Mpx; allow A3 but not a poster. */
const MAX_PIXELS = 18_000_000;

/**
 * Draws the page (its own `/Rotate` applied) at `dpi` and converts it to grey.
 * @returns the image and the scale used (pixels per PDF point).
 */
export async function renderPdfPage(
  page: PDFPageProxy,
  { dpi = OCR_DPI, maxPixels = MAX_PIXELS }: RenderPdfPageOptions = {},
): Promise<{ image: GreyImage; scale: number }> {
  const base = page.getViewport({ scale: 1 });
  const wanted = dpi / 72;
  const scale = Math.min(wanted, Math.sqrt(maxPixels / (base.width * base.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.floor(viewport.width));
  const height = Math.max(1, Math.floor(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
  const rgba = context.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0, p = 0; p < pixels.length; i += 4, p += 1) {
    // Rec. 601 luma in integer arithmetic.
    pixels[p] =
      ((rgba[i] as number) * 77 + (rgba[i + 1] as number) * 150 + (rgba[i + 2] as number) * 29) >>
      8;
  }
  return { image: { width, height, pixels }, scale };
}

/**
 * True when the page paints at least one raster image: a page with no text
 * layer and no image is blank, and OCR would only waste seconds on it.
 */
export async function hasRasterImage(page: PDFPageProxy): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const { fnArray } = await page.getOperatorList();
  const paints = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
  ]);
  return fnArray.some((fn) => paints.has(fn));
}

/** Encodes a grey image as binary PGM (P5): Leptonica reads it natively and it needs no compression pass. */
export function encodePgm({ width, height, pixels }: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + pixels.length);
  out.set(header, 0);
  out.set(pixels, header.length);
  return out;
}

/** Rotates a grey image clockwise by a multiple of 90°. */
export function rotateGrey(image: GreyImage, degrees: 0 | 90 | 180 | 270): GreyImage {
  if (degrees === 0) return image;
  const { width: w, height: h, pixels } = image;
  const isSwapped = degrees !== 180;
  const outWidth = isSwapped ? h : w;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y += 1) {
    const row = y * w;
    for (let x = 0; x < w; x += 1) {
      const value = pixels[row + x] as number;
      if (degrees === 90) out[x * outWidth + (h - 1 - y)] = value;
      else if (degrees === 180) out[(h - 1 - y) * w + (w - 1 - x)] = value;
      else out[(w - 1 - x) * outWidth + y] = value;
    }
  }
  return { width: outWidth, height: isSwapped ? w : h, pixels: out };
}
