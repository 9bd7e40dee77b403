/**
 * Filters read from the question itself: years and months (`w 2013 roku`,
 * `od 2020 r.`, `w marcu 2020`, `w tym roku`) and reference numbers
 * (`WEN.9823.2020.RFZ` in any spelling). They are guesses: a year in a
 * question may date the letter or the events it describes, so
 * `retrievePassages` uses them as a boost by default and never lets them hide
 * the best unfiltered letter (see docs/retrieval.md).
 */
import type { SearchFilter } from '../archive/types.js';
import { foldText } from '../archive/fold-text.js';
import { extractLookup, isLookup, type LookupConstraints } from './lookup-constraints.js';

export interface QueryFilters {
  /**
   * Date range and reference the question names; empty when it names none.
   * A date counts only when it is attached to the letter itself (`pismo z
   * marca 2020`, `odpowiedzi od 2020 r.`, `w tym roku ktoś pisał`): a bare
   * year usually names the events asked about (`finansowanie OSP w latach
   * 2024-2025`), and filtering on it cost title recall (docs/retrieval.md).
   */
  readonly filter: Pick<SearchFilter, 'dateFrom' | 'dateTo' | 'reference'>;
  /** What was recognised, for logs and tests (`year 2013`, `since 2020`…). */
  readonly matched: readonly string[];
  /**
   * Interpellation number, reference, signatory and ministry the question
   * names. When it names a letter this way (`isLookup`), its dates are the
   * letter's and become hard constraints (`retrievePassages`).
   */
  readonly lookup: LookupConstraints;
}

export interface ExtractQueryFiltersOptions {
  /** Clock for relative dates (`w tym roku`); injectable so tests do not depend on today. */
  readonly now?: () => Date;
}

/** Folded month stems: locative (`w marcu`), genitive (`marca`) and nominative forms share them. */
const MONTHS: readonly (readonly [RegExp, number])[] = [
  [/^stycz/, 1],
  [/^lut/, 2],
  [/^mar(c|zec)/, 3],
  [/^kwie/, 4],
  [/^maj/, 5],
  [/^czerw/, 6],
  [/^lip/, 7],
  [/^sierp/, 8],
  [/^wrze/, 9],
  [/^pazdziern/, 10],
  [/^listopad/, 11],
  [/^grud/, 12],
];

const YEAR = '((?:19|20)\\d{2})';

/**
 * A word for the correspondence itself, or a verb of writing/sending, within
 * a few words before the date; or a relative date about the archive (`w tym
 * roku`, `ostatnio`) next to such a verb.
 */
const LETTER_DATE_CUE = new RegExp(
  '\\b(?:pism|list|odpowiedz|odpowiedzi|korespondencj|wiadomosc|mail|notatk|wystapieni|interpelacj|zapytani|wniosk|wnios)[a-z]*(?!\\s+w\\s+sprawie)' +
    '(?:\\s+[a-z.]+){0,3}?\\s+(?:z|ze|od|do|w|we|przed|po|z dnia)\\s+(?:[a-z]+\\s+)?(?:19|20)\\d{2}' +
    '|\\b(?:pisano|pisal|pisala|pisali|wyslal|wyslala|wyslano|wyslane|napisal|napisala|skierowal|skierowala|skierowano|otrzymal|otrzymalismy|wplynel|wplynelo|wplynela|odpowiedzial|odpowiedziala|odpowiedzialo|pytal|pytala|pytali)[a-z]*\\b',
);
/** A letter word, then within a few words a day date (`pismo z 27 lipca 2026`, `odpowiedź z dnia 03.08.2026`). */
const DAY_CUE =
  /\b(?:pism|list|odpowiedz|odpowiedzi|korespondencj|wiadomosc|notatk|wystapieni)[a-z]*(?:\s+[a-z.]+){0,4}?\s+(?:z|ze|od|z dnia|dnia|dn\.)\s+\d{1,2}(?:\.?\s+[a-z]{3,}|\s*[./-]\s*\d{1,2}\s*[./-]\s*(?:19|20)\d{2})/;
const YEAR_WORD = '(?:\\s*(?:r\\.?|roku|rok)(?![a-z]))?';

function monthOf(word: string): number | null {
  return MONTHS.find(([re]) => re.test(word))?.[1] ?? null;
}

function lastDay(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\.?\\s+([a-z]{3,})(?:\\s+${YEAR})?`, 'g');
const NUMERIC_DAY = new RegExp(
  `(?<![\\d.])(\\d{1,2})\\s*([./-])\\s*(\\d{1,2})\\s*\\2\\s*${YEAR}(?![\\d])|(?<![\\d.])${YEAR}-(\\d{2})-(\\d{2})(?!\\d)`,
);
const MONTH_NOMINATIVE = new RegExp(
  `\\b(styczen|luty|marzec|kwiecien|maj|czerwiec|lipiec|sierpien|wrzesien|pazdziernik|listopad|grudzien)\\s+${YEAR}`,
);
const MONTH_NO_YEAR =
  /\b(?:w|we|z)\s+(styczniu|lutym|marcu|kwietniu|maju|czerwcu|lipcu|sierpniu|wrzesniu|pazdzierniku|listopadzie|grudniu|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrzesnia|pazdziernika|listopada|grudnia)\b(?!\s+(?:19|20)\d{2})/;
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A day the text names (`3 sierpnia 2026`, `03.08.2026`, `2026-08-03`, `z 27 lipca`), the year from the clock when left out. */
function findDay(text: string, thisYear: number): string | null {
  const numeric = NUMERIC_DAY.exec(text);
  if (numeric) {
    const [y, m, d] = numeric[4]
      ? [numeric[4], numeric[3], numeric[1]]
      : [numeric[5], numeric[6], numeric[7]];
    if (isRealDate(Number(y), Number(m), Number(d))) return iso(Number(y), Number(m), Number(d));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = monthOf(m[2]!);
    const year = m[3] ? Number(m[3]) : thisYear;
    if (month !== null && isRealDate(year, month, Number(m[1])))
      return iso(year, month, Number(m[1]));
  }
  return null;
}

/** Reads date and reference filters from a question. Never throws; unknown means no filter. */
export function extractQueryFilters(
  question: string,
  { now = () => new Date() }: ExtractQueryFiltersOptions = {},
): QueryFilters {
  const text = foldText(question);
  const matched: string[] = [];
  let dateFrom: string | undefined;
  let dateTo: string | undefined;
  const thisYear = now().getUTCFullYear();
  const lookup = extractLookup(question);
  // Dates after `w sprawie` describe the subject, never the letter.
  const dated = text.split(/\bw sprawie\b/)[0]!;
  const isLetterDated = LETTER_DATE_CUE.test(dated) || isLookup(lookup) || DAY_CUE.test(dated);
  const day = findDay(dated, thisYear);
  const monthNominative = MONTH_NOMINATIVE.exec(dated);
  const monthNoYear = MONTH_NO_YEAR.exec(dated);

  const month = new RegExp(`\\b(?:w|we|z)\\s+([a-z]+)\\s+${YEAR}${YEAR_WORD}`).exec(text);
  const monthNumber = month ? monthOf(month[1]!) : null;
  const range =
    new RegExp(`\\b(?:od|po)\\s+${YEAR}${YEAR_WORD}\\s+(?:do|-)\\s+${YEAR}`).exec(text) ??
    new RegExp(`\\b(?:w latach|latach)\\s+${YEAR}\\s*[-–]\\s*${YEAR}`).exec(text);
  const since = new RegExp(
    `\\b(?:od|po|poczawszy od)\\s+(?:konca\\s+|poczatku\\s+)?${YEAR}${YEAR_WORD}`,
  ).exec(text);
  const until = new RegExp(`\\b(?:do|przed)\\s+${YEAR}${YEAR_WORD}`).exec(text);
  const inYear =
    new RegExp(`\\b(?:w|z|we|na)\\s+${YEAR}${YEAR_WORD}`).exec(text) ??
    new RegExp(`\\b${YEAR}\\s*(?:r\\.|roku)`).exec(text);

  if (!isLetterDated) {
    // No date filter: the year, if any, stays a search term.
  } else if (day) {
    dateFrom = day;
    dateTo = day;
    matched.push(`day ${day}`);
  } else if ((month && monthNumber !== null) || monthNominative) {
    const [year, monthNo] =
      month && monthNumber !== null
        ? [Number(month[2]), monthNumber]
        : [Number(monthNominative![2]), monthOf(monthNominative![1]!)!];
    dateFrom = `${year}-${String(monthNo).padStart(2, '0')}-01`;
    dateTo = lastDay(year, monthNo);
    matched.push(`month ${year}-${monthNo}`);
  } else if (monthNoYear && isLookup(lookup)) {
    // `w lipcu` without a year: the most recent such month (this year's, unless it is still to come).
    const monthNo = monthOf(monthNoYear[1]!)!;
    const year = monthNo > now().getUTCMonth() + 1 ? thisYear - 1 : thisYear;
    dateFrom = `${year}-${String(monthNo).padStart(2, '0')}-01`;
    dateTo = lastDay(year, monthNo);
    matched.push(`month ${year}-${monthNo}`);
  } else if (range) {
    dateFrom = `${range[1]}-01-01`;
    dateTo = `${range[2]}-12-31`;
    matched.push(`years ${range[1]}-${range[2]}`);
  } else if (since) {
    dateFrom = `${since[1]}-01-01`;
    matched.push(`since ${since[1]}`);
  } else if (until) {
    dateTo = /przed/.test(until[0]) ? `${Number(until[1]) - 1}-12-31` : `${until[1]}-12-31`;
    matched.push(`until ${until[1]}`);
  } else if (inYear) {
    dateFrom = `${inYear[1]}-01-01`;
    dateTo = `${inYear[1]}-12-31`;
    matched.push(`year ${inYear[1]}`);
  } else if (/\b(?:w|z) tym roku\b|\bbiezacym roku\b|\btegoroczn/.test(text)) {
    dateFrom = `${thisYear}-01-01`;
    dateTo = `${thisYear}-12-31`;
    matched.push(`this year ${thisYear}`);
  } else if (/\b(?:w|z) (?:zeszlym|ubieglym|poprzednim) roku\b/.test(text)) {
    dateFrom = `${thisYear - 1}-01-01`;
    dateTo = `${thisYear - 1}-12-31`;
    matched.push(`last year ${thisYear - 1}`);
  }

  const filter: { dateFrom?: string; dateTo?: string; reference?: string } = {};
  if (dateFrom) filter.dateFrom = dateFrom;
  if (dateTo) filter.dateTo = dateTo;
  if (lookup.reference) {
    filter.reference = lookup.reference.canonical;
    matched.push(`reference ${filter.reference}`);
  }
  if (lookup.interpellation) matched.push(`interpellation ${lookup.interpellation}`);
  if (lookup.signatory) matched.push(`signatory ${lookup.signatory.join(' ')}`);
  return { filter, matched, lookup };
}

/** True when the filters restrict anything. */
export function hasQueryFilters({ filter }: QueryFilters): boolean {
  return Boolean(filter.dateFrom || filter.dateTo || filter.reference);
}
