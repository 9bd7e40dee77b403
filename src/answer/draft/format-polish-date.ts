/**
 * Dates as a Polish letter writes them: `1 grudnia 2026 r.` (the month in
 * the genitive), and the same form read back from a request's text.
 */

/** Month names in the genitive, January first. */
export const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
] as const;

/** `2026-12-01` or a `Date` (its calendar day in UTC) → `1 grudnia 2026 r.`; null for an unparsable ISO string. */
export function formatPolishDate(date: Date | string): string | null {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  const [year, month, day] =
    typeof date === 'string'
      ? m
        ? [Number(m[1]), Number(m[2]), Number(m[3])]
        : [NaN, NaN, NaN]
      : [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (!Number.isFinite(year) || month < 1 || month > 12) return null;
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year} r.`;
}

/**
 * The date a request names as its own (`z dnia 12 lutego 2020 r.`,
 * `z 12.02.2020`), as `12 lutego 2020 r.`; null when it names none.
 */
export function findRequestDate(request: string): string | null {
  const words = new RegExp(
    `\\bz\\s+(?:dnia\\s+)?(\\d{1,2})\\s+(${MONTHS_GENITIVE.join('|')})\\s+(\\d{4})`,
    'iu',
  ).exec(request);
  if (words) return `${Number(words[1])} ${words[2]!.toLowerCase()} ${words[3]} r.`;
  const digits = /\bz\s+(?:dnia\s+)?(\d{1,2})[./-](\d{1,2})[./-](\d{4})/iu.exec(request);
  if (digits && Number(digits[2]) >= 1 && Number(digits[2]) <= 12)
    return `${Number(digits[1])} ${MONTHS_GENITIVE[Number(digits[2]) - 1]} ${digits[3]} r.`;
  return null;
}
