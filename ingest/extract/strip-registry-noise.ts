/**
 * Removes what the registry office and the scanner added to a letter, not its
 * author: the incoming-mail stamp (`Data wpływu`, `wpłynęło dnia`, `Nr KRM`,
 * `Skierowano`) and page counters (`1. 3/1`, `Strona 1 z 2`). Left in, they
 * turn into passages ("Data wpływu ..... 04 -03- 2020") that match date and
 * number questions, and their date competes with the letter's own.
 *
 * The facts in them are kept: the stamp date becomes `receivedDate`, and every
 * removed line is listed in `noise` (so a KRM number is still on record).
 * Works on text, so it serves every format (PDF, OCR, TXT exports of scans).
 */
import { findLetterDates } from '../metadata/find-letter-date.js';
import { findDates } from '../metadata/parse-date.js';
import type { ExtractedDocument, ExtractedPage } from './types.js';

// A stamp line: the keyword and what a clerk fills in (dots, a date, a short number).
const STAMP_LINE = [
  /^data\s+wp[łl]ywu\b[\s\S]{0,60}$/iu,
  /^(?:nr|numer)\.?\s*(?:krm|kancelarii|dziennika|rejestru)\b[\s\S]{0,40}$/iu,
  /^skierowano[\s.:…_]*(?:do[\s.:…_]*)?[\p{L}\d.\s…_-]{0,30}$/iu,
  /^w?p[łl]yn[ęe][łl]o(?:\s+dnia)?[\s\d.:…_\-/]*$/iu,
];
// Lines that continue a stamp: `dnia` alone, or the stamp's date alone (`04 -03- 2020`).
const STAMP_CONTINUATION =
  /^(?:dnia|dn\.)?[\s.:…_]*(?:\d{1,2}\s*[-./]\s*(?:\d{1,2}|[IVX]{1,4})\s*[-./]\s*\d{2,4})?[\s.…_]*(?:r\.?)?$/iu;
// Page counters at a page's edge: `1. 3/1`, `3/1`, `Strona 1 z 2`, `str. 2`, `- 2 -`.
const PAGE_COUNTER = [
  /^\d{1,3}\.\s*\d{1,3}\s*\/\s*\d{1,3}$/u,
  /^\d{1,3}\s*\/\s*\d{1,3}$/u,
  /^(?:strona|str\.)\s*\d{1,4}(?:\s*(?:z|\/|of)\s*\d{1,4})?$/iu,
  /^[-–]\s*\d{1,4}\s*[-–]$/u,
];
/** How many lines from each edge of a page are checked for counters. */
const EDGE_LINES = 2;

export interface StripRegistryNoiseResult {
  readonly pages: ExtractedPage[];
  /** Removed lines, in order. */
  readonly noise: string[];
  /** The registry stamp's date, ISO, when a stamp had one. */
  readonly receivedDate: string | null;
}

/** Strips stamps and page counters from each page's text (blank-line paragraph breaks kept). */
export function stripRegistryNoise(pages: readonly ExtractedPage[]): StripRegistryNoiseResult {
  const noise: string[] = [];
  const stamps: string[] = [];
  const stripped = pages.map((page) => {
    const lines = page.text.split('\n');
    const isRemoved = lines.map(() => false);
    let continuation = 0;
    lines.forEach((raw, i) => {
      const line = raw.trim();
      if (line === '') return;
      if (STAMP_LINE.some((re) => re.test(line))) {
        isRemoved[i] = true;
        stamps.push(line);
        continuation = 2;
      } else if (continuation > 0 && STAMP_CONTINUATION.test(line)) {
        isRemoved[i] = true;
        stamps.push(line);
        continuation -= 1;
      } else {
        continuation = 0;
      }
    });
    markEdgeCounters(lines, isRemoved);
    lines.forEach((line, i) => {
      if (isRemoved[i]) noise.push(line.trim());
    });
    const text = lines
      .filter((_, i) => !isRemoved[i])
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    return text === page.text ? page : { ...page, text };
  });
  return { pages: stripped, noise, receivedDate: stampDate(stamps) };
}

/**
 * Applies `stripRegistryNoise` to a document, merging the removed lines into
 * its `noise` and the stamp date into its `metadata.receivedDate` (a date the
 * format itself stated wins).
 */
export function stripDocumentNoise(doc: ExtractedDocument): ExtractedDocument {
  const { pages, noise, receivedDate } = stripRegistryNoise(doc.pages);
  if (noise.length === 0) return doc;
  const metadata =
    receivedDate && !doc.metadata?.receivedDate ? { ...doc.metadata, receivedDate } : doc.metadata;
  return {
    ...doc,
    pages,
    noise: [...(doc.noise ?? []), ...noise],
    ...(metadata ? { metadata } : {}),
  };
}

function markEdgeCounters(lines: readonly string[], isRemoved: boolean[]): void {
  const filled = lines.map((_line, i) => i).filter((i) => lines[i]?.trim() !== '' && !isRemoved[i]);
  const edges = [...filled.slice(0, EDGE_LINES), ...filled.slice(-EDGE_LINES)];
  for (const i of edges) {
    if (PAGE_COUNTER.some((re) => re.test((lines[i] as string).trim()))) isRemoved[i] = true;
  }
}

function stampDate(stamps: readonly string[]): string | null {
  if (stamps.length === 0) return null;
  const joined = stamps.join('\n');
  // The stamp's own keyword-to-date logic; failing that, any date inside the stamp lines.
  return (
    findLetterDates(joined).receivedDate ??
    findDates(joined)[0]?.iso ??
    findDates(joined.replace(/\s*-\s*/g, '-'))[0]?.iso ??
    null
  );
}
