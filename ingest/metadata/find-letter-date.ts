/**
 * Picks, among all dates in a letter, the letter's own date and the registry
 * stamp date. Letters carry many dates (statutes cited in the body, meetings,
 * deadlines); only the place+date line says when the letter was written, and
 * only a registry stamp (`Data wpływu`, `wpłynęło dnia`) says when it arrived.
 */
import { findDates, type DateMatch } from './parse-date.js';

/** The two dates a letter's header carries; either may be unknown. */
export interface LetterDates {
  /** The letter's own date (place+date line), ISO. */
  readonly date: string | null;
  /** The registry stamp date, ISO. */
  readonly receivedDate: string | null;
}

// Registry stamp keywords. OCR often drops the leading "w" ("płynęło"), and the
// stamp's fill-in dots and line breaks sit between the keyword and the date.
const STAMP_KEYWORD = /(?:data\s+wp[łl]ywu|w?p[łl]yn[ęe][łl][oa]?|wp[łl]yw(?:u)?)(?!\p{L})/giu;
const STAMP_GAP = /^[\s.:,_…-]*(?:(?:dnia|dn\.)[\s.:,_…-]*)?$/u;
const STAMP_MAX_GAP = 60;

// What may precede the date on a place+date line: a place of one to three
// words, then a comma and/or "dnia" (OCR sometimes swaps them: "Chorzów dnia, 2 marca";
// one ministry prints "Warszawa, data: 2 lipca 2026 r.").
// Requiring the comma or "dnia" keeps body phrases like "Ministrów 19 maja" out.
const PLACE_PREFIX =
  /^\p{Lu}[\p{L}-]*(?:[ \t]+(?:\p{Lu}[\p{L}-]*|nad|n\.|n\/|ad|pod|na|i)){0,3}(?:[ \t]*,[ \t]*(?:(?:dnia|dn\.|data:?)[ \t]*,?[ \t]*)?|[ \t]+(?:dnia|dn\.)[ \t]*,?[ \t]*)$/u;
// Labels that introduce the letter's own date without a place.
const DATE_LABEL = /^(?:data|date|z dnia|dnia)[ \t]*:?[ \t]*$/iu;
// Allowed after a standalone date: "r.", "roku", or an e-signature field marker.
const DATE_SUFFIX = /^[ \t]*(?:r\.?|rok(?:u)?\.?)?[ \t]*(?:\$\S*)?[ \t]*$/iu;

/** Spans of dates that sit inside a registry stamp. */
function findStampDates(text: string, dates: readonly DateMatch[]): DateMatch[] {
  const stamps: DateMatch[] = [];
  STAMP_KEYWORD.lastIndex = 0;
  for (let m = STAMP_KEYWORD.exec(text); m !== null; m = STAMP_KEYWORD.exec(text)) {
    const after = m.index + m[0].length;
    const date = dates.find((d) => d.start >= after && d.start - after <= STAMP_MAX_GAP);
    if (date !== undefined && STAMP_GAP.test(text.slice(after, date.start))) stamps.push(date);
  }
  return stamps;
}

function lineAround(text: string, date: DateMatch): { before: string; after: string } {
  const lineStart = text.lastIndexOf('\n', date.start - 1) + 1;
  const nl = text.indexOf('\n', date.end);
  const lineEnd = nl === -1 ? text.length : nl;
  return { before: text.slice(lineStart, date.start).trim(), after: text.slice(date.end, lineEnd) };
}

/**
 * Finds the letter's own date and its registry stamp date.
 *
 * The own date is the first place+date line (`Chorzów dnia, 2 marca 2020r.`,
 * `Warszawa, 24-06-2026`); failing that, a date standing alone on its line
 * (`2020-03-02`, an e-signature date) or after a `Data:` label. Dates inside a
 * registry stamp never count, and dates in running text are never taken:
 * a wrong date is worse than none.
 */
export function findLetterDates(text: string): LetterDates {
  const dates = findDates(text);
  const stamps = findStampDates(text, dates);
  const candidates = dates.filter((d) => !stamps.includes(d));

  const placeDated = candidates.find((d) => PLACE_PREFIX.test(lineAround(text, d).before));
  const standalone = candidates.find((d) => {
    const { before, after } = lineAround(text, d);
    return (before === '' || DATE_LABEL.test(before)) && DATE_SUFFIX.test(after);
  });

  return {
    date: (placeDated ?? standalone)?.iso ?? null,
    receivedDate: stamps[0]?.iso ?? null,
  };
}
