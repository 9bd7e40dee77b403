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

export interface StripRepeatedLinesResult {
  readonly pages: PdfLine[][];
  /** Distinct removed lines, first occurrence, in page order. */
  readonly removed: string[];
}

/**
 * Drops header/footer lines that repeat across pages. Digits are normalised
 * before comparing, so `Strona 1 z 3` and `Strona 2 z 3` count as the same
 * line. Only lines touching the edge are removed (stripping stops at the
 * first non-repeated line), so a body line that happens to recur is kept.
 */
export function stripRepeatedLines(pages: readonly (readonly PdfLine[])[]): StripRepeatedLinesResult {
  const pagesWithText = pages.filter((lines) => lines.length > 0).length;
  if (pagesWithText < 2) return { pages: pages.map((lines) => [...lines]), removed: [] };
  const threshold = Math.max(2, Math.ceil(pagesWithText * MIN_SHARE));
  const top = countEdgeKeys(pages, (lines) => lines.slice(0, EDGE_DEPTH));
  const bottom = countEdgeKeys(pages, (lines) => lines.slice(-EDGE_DEPTH));
  const isRunning = (counts: Map<string, number>, line: PdfLine): boolean => (counts.get(lineKey(line)) ?? 0) >= threshold;

  const removed = new Map<string, string>();
  const stripped = pages.map((lines) => {
    let start = 0;
    while (start < Math.min(EDGE_DEPTH, lines.length) && isRunning(top, lines[start] as PdfLine)) start += 1;
    let end = lines.length;
    while (end > Math.max(start, lines.length - EDGE_DEPTH) && isRunning(bottom, lines[end - 1] as PdfLine)) end -= 1;
    for (const line of [...lines.slice(0, start), ...lines.slice(end)]) {
      if (!removed.has(lineKey(line))) removed.set(lineKey(line), line.text);
    }
    return lines.slice(start, end);
  });
  return { pages: stripped, removed: [...removed.values()] };
}

/** Counts, per normalised line, the pages whose edge zone contains it (once per page). */
function countEdgeKeys(
  pages: readonly (readonly PdfLine[])[],
  edge: (lines: readonly PdfLine[]) => readonly PdfLine[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edge(lines).map(lineKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function lineKey(line: PdfLine): string {
  return line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
