/**
 * Removes running headers and footers: lines at the top or bottom edge of a
 * page that repeat on (nearly) every page. They are noise for search (every
 * passage of a letter would match the office address) and split paragraphs
 * that continue across a page break.
 */
import type { PdfLine } from './pdf-layout.js';

/** How many lines from each edge may belong to a header or footer. */
const EDGE_DEPTH = 3;
/** Share of pages with text a line must appear on to count as running. */
const MIN_SHARE = 0.6;
/** Running lines sit at a fixed position; body text that recurs drifts. In points. */
const POSITION_TOLERANCE = 3;

export interface StripRepeatedLinesResult {
  readonly pages: PdfLine[][];
  /** Distinct removed lines, first occurrence, in page order. */
  readonly removed: string[];
}

/**
 * Drops header/footer lines that repeat across pages at the same height.
 * Digits are normalised before comparing, so `Strona 1 z 3` and `Strona 2 z 3`
 * count as the same line. Only lines touching the edge are removed (stripping
 * stops at the first non-repeated line), so a body line that recurs is kept.
 */
export function stripRepeatedLines(
  pages: readonly (readonly PdfLine[])[],
): StripRepeatedLinesResult {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  if (pagesWithText < 2) return { pages: pages.map((lines) => [...lines]), removed: [] };
  const threshold = Math.max(2, Math.ceil(pagesWithText * MIN_SHARE));
  const top = collectEdgeLines(pages, (lines) => lines.slice(0, EDGE_DEPTH));
  const bottom = collectEdgeLines(pages, (lines) => lines.slice(-EDGE_DEPTH));
  const isRunning = (edge: Map<string, number[]>, line: PdfLine): boolean => {
    const heights = edge.get(lineKey(line)) ?? [];
    return heights.filter((y) => Math.abs(y - line.y) <= POSITION_TOLERANCE).length >= threshold;
  };

  const removed = new Map<string, string>();
  const stripped = pages.map((lines) => {
    let start = 0;
    while (start < Math.min(EDGE_DEPTH, lines.length) && isRunning(top, lines[start] as PdfLine))
      start += 1;
    let end = lines.length;
    while (
      end > Math.max(start, lines.length - EDGE_DEPTH) &&
      isRunning(bottom, lines[end - 1] as PdfLine)
    )
      end -= 1;
    for (const line of [...lines.slice(0, start), ...lines.slice(end)]) {
      if (!removed.has(lineKey(line))) removed.set(lineKey(line), line.text);
    }
    return lines.slice(start, end);
  });
  return { pages: stripped, removed: [...removed.values()] };
}

/** Per normalised line, its baseline on each page whose edge zone contains it (once per page). */
function collectEdgeLines(
  pages: readonly (readonly PdfLine[])[],
  edge: (lines: readonly PdfLine[]) => readonly PdfLine[],
): Map<string, number[]> {
  const heights = new Map<string, number[]>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const line of edge(lines)) {
      const key = lineKey(line);
      if (seen.has(key)) continue;
      seen.add(key);
      heights.set(key, [...(heights.get(key) ?? []), line.y]);
    }
  }
  return heights;
}

function lineKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
