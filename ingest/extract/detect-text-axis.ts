/**
 * Tells upright (or upside-down) pages from sideways ones without OCR.
 * Horizontal text lines make the ink-per-row profile jump between full lines
 * and empty gaps, while every column crosses many lines and sums smoothly;
 * on a page scanned sideways it is the other way round. Costs one pass over
 * the pixels (milliseconds), so only the 0° vs 180° question is left to OCR
 * confidence.
 */
import type { GreyImage } from './render-pdf-page.js';

/** Below this grey level a pixel is ink. */
const INK_THRESHOLD = 128;
/** Profiles are taken on every STEP-th pixel: ~75 dpi from 300 dpi is plenty. */
const STEP = 4;
/** The winning axis must be this much more "striped" than the other to count. */
const MIN_RATIO = 1.5;

export type TextAxis = 'horizontal' | 'vertical' | 'unknown';

/**
 * Whether the page's text lines run horizontally or vertically.
 * @returns `unknown` for blank pages or when neither profile clearly wins.
 */
export function detectTextAxis({ width, height, pixels }: GreyImage): TextAxis {
  const rows = new Float64Array(Math.ceil(height / STEP));
  const columns = new Float64Array(Math.ceil(width / STEP));
  let ink = 0;
  for (let y = 0; y < height; y += STEP) {
    const offset = y * width;
    for (let x = 0; x < width; x += STEP) {
      if ((pixels[offset + x] as number) < INK_THRESHOLD) {
        rows[y / STEP] = (rows[y / STEP] as number) + 1;
        columns[x / STEP] = (columns[x / STEP] as number) + 1;
        ink += 1;
      }
    }
  }
  if (ink < 50) return 'unknown';
  const rowScore = stripedness(rows);
  const columnScore = stripedness(columns);
  if (rowScore > columnScore * MIN_RATIO) return 'horizontal';
  if (columnScore > rowScore * MIN_RATIO) return 'vertical';
  return 'unknown';
}

/** Sum of squared steps between neighbouring bins: high for line/gap alternation. */
function stripedness(profile: Float64Array): number {
  let sum = 0;
  for (let i = 1; i < profile.length; i += 1) {
    const step = (profile[i] as number) - (profile[i - 1] as number);
    sum += step * step;
  }
  return sum;
}
