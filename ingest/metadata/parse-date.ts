/**
 * Low-level date recognition for Polish letters: every spelling a date takes
 * in the archive (month names, Roman months, numeric and ISO forms), turned
 * into validated ISO `YYYY-MM-DD` strings. Choosing *which* date is the
 * letter's own is `find-letter-date.ts`'s job, not this module's.
 */

/** A date found in a text, with its character span so callers can reason about context. */
export interface DateMatch {
  /** ISO `YYYY-MM-DD`, already validated (no 31 February). */
  readonly iso: string;
  /** Offset of the first character of the date in the searched text. */
  readonly start: number;
  /** Offset just past the last character of the date. */
  readonly end: number;
}

// Keyed by the first three letters without diacritics, so genitive
// ("marca"), nominative ("marzec") and OCR-stripped ("wrzesnia") forms agree.
const MONTH_BY_STEM: Readonly<Record<string, number>> = {
  sty: 1,
  lut: 2,
  mar: 3,
  kwi: 4,
  maj: 5,
  cze: 6,
  lip: 7,
  sie: 8,
  wrz: 9,
  paz: 10,
  lis: 11,
  gru: 12,
};

const MONTH_NAME =
  'stycz(?:nia|e[ńn])|lut(?:ego|y)|mar(?:ca|zec)|kwie(?:tnia|ci[eę][ńn])|maj(?:a)?|czerw(?:ca|iec)' +
  '|lip(?:ca|iec)|sierp(?:nia|i[eę][ńn])|wrze(?:[śs]nia|[śs]i[eę][ńn])|pa[źz]dziernik(?:a)?|listopad(?:a)?|grud(?:nia|zie[ńn])';

const ROMAN_MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

interface DatePattern {
  readonly regex: RegExp;
  readonly toParts: (m: RegExpExecArray) => [year: number, month: number, day: number] | null;
}

const PATTERNS: readonly DatePattern[] = [
  {
    // 2020-03-02
    regex: /(?<![\d.\-/])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d\-/])/gu,
    toParts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 24-06-2026, 5.03.2021, 02/07/2026, and registry stamps "04 -03- 2020":
    // spaces are allowed around the separator, but both separators must agree.
    regex: /(?<![\d.\-/])(\d{1,2})[ \t]*([.\-/])[ \t]*(\d{1,2})[ \t]*\2[ \t]*(\d{4})(?![\d\-/])/gu,
    toParts: (m) => [Number(m[4]), Number(m[3]), Number(m[1])],
  },
  {
    // 2 marca 2020r., 02 lipca 2026, 14 październik 2025
    regex: new RegExp(
      `(?<![\\d\\p{L}])(\\d{1,2})\\.?[ \\t]+(${MONTH_NAME})(?!\\p{L})[ \\t]*,?[ \\t]*(\\d{4})(?!\\d)`,
      'giu',
    ),
    toParts: (m) => {
      const month = monthFromName(m[2] ?? '');
      return month === null ? null : [Number(m[3]), month, Number(m[1])];
    },
  },
  {
    // 12 III 2020, 12.III.2020 — case-sensitive, so the Roman "I" is not a word.
    regex:
      /(?<![\d\p{L}])(\d{1,2})(?:[ \t]+|[ \t]*\.[ \t]*)(XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?:[ \t]+|[ \t]*\.[ \t]*)(\d{4})(?!\d)/gu,
    toParts: (m) => [Number(m[3]), ROMAN_MONTHS.indexOf(m[2] ?? '') + 1, Number(m[1])],
  },
];

/** Maps a Polish month name in any case, genitive or nominative, with or without diacritics. */
function monthFromName(name: string): number | null {
  const stem = name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').slice(0, 3);
  return MONTH_BY_STEM[stem] ?? null;
}

/**
 * Builds an ISO date after checking that it exists in the calendar, so
 * OCR noise like `31.02.2020` never becomes a plausible-looking date.
 *
 * @returns `YYYY-MM-DD`, or `null` when the parts do not form a real date
 *   between 1900 and 2100.
 */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Finds every valid date in `text`, in order of appearance.
 * Invalid calendar dates are skipped rather than reported, because the
 * callers only ever want dates they can trust.
 */
export function findDates(text: string): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { regex, toParts } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
      const parts = toParts(m);
      const iso = parts === null ? null : toIsoDate(...parts);
      if (iso !== null) found.push({ iso, start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  // Patterns are disjoint in practice, but never report overlapping spans twice.
  return found.filter((d, i) => i === 0 || d.start >= (found[i - 1]?.end ?? 0));
}

/**
 * Parses the first date in a string, e.g. `Warszawa, dnia 5.03.2021 r.` → `2021-03-05`.
 *
 * @returns the ISO date, or `null` when the string holds no valid date.
 */
export function parseDate(text: string): string | null {
  return findDates(text)[0]?.iso ?? null;
}
