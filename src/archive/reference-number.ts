/**
 * The one reference-number (znak sprawy) module. Polish offices number letters
 * by the JRWA scheme: unit letters, a file-class number, a case number, the
 * year, and often the clerk's initials: `WEN.9823.2020.RFZ`,
 * `BM-WPR.0510.131.2026.KK`, `ABC-2.054.12.2026`. Typists, OCR and councillors
 * vary the separators and the case (`WEN. 9823 2020. RFZ`,
 * `dps-wos.0212.45.2024`), and often leave the initials out.
 *
 * Metadata (`ingest/metadata/parse-reference.ts`), the analyzer's reference
 * terms, the query filters and both indexes all go through this module, so a
 * reference matches its letter however it was written.
 *
 * Three spellings come out of a parse:
 * - `canonical`: the display form stored on the letter (parts joined by dots,
 *   case kept: `BM-WPR.0510.131.2026.KK`);
 * - `key`: the matching form (folded, lower case, every separator a dot:
 *   `bm.wpr.0510.131.2026.kk`);
 * - `baseKey`: `key` without the trailing initials (`bm.wpr.0510.131.2026`),
 *   which is what lookups and filters compare, so a reference typed without
 *   the initials still finds the letter.
 */
import { foldText } from './fold-text.js';

/** A parsed reference number in its three spellings. */
export interface ReferenceNumber {
  /** Display form: parts joined by dots, case as written (`WEN.9823.2020.RFZ`). */
  readonly canonical: string;
  /** Matching form: folded, lower case, separators (space . / - _) as dots (`wen.9823.2020.rfz`). */
  readonly key: string;
  /** `key` up to and including the year part: the reference without trailing initials (`wen.9823.2020`). */
  readonly baseKey: string;
}

export interface ParseReferenceOptions {
  /**
   * Accept lowercase parts (`RRE.zwa.058.2.2026`, `dps-wos.0212.45.2024`) and
   * a lowercase unit. Only safe when a label (`Znak sprawy:`) or the
   * question's shape vouches for the string; in running text a lowercase word
   * before numbers is prose.
   */
  readonly isLabelled?: boolean;
}

// Words that head numbers which look like references but are not.
const NOT_A_UNIT = new Set([
  'NIP',
  'REGON',
  'KRS',
  'PESEL',
  'TEL',
  'FAX',
  'NR',
  'DZ',
  'POZ',
  'ART',
  'UL',
  'KOD',
  'IBAN',
  'UST',
  'PKT',
  'LIT',
  'PAR',
  'ROK',
  'LATACH',
  'LATA',
  'DNIA',
  'GODZ',
]);

const TOKEN = /^[\p{L}\d]+(?:[-/_][\p{L}\d]+)*$/u;
const UNIT_TOKEN = /^\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+)*$/u;
const LOWER_UNIT_TOKEN = /^\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*$/u;
const YEAR = /^(?:19|20)\d\d$/u;

/** Folded, lower-case, every separator a dot: the form two spellings of one reference share. */
export function referenceKey(raw: string): string {
  return foldText(raw)
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join('.');
}

/** `key` cut after the last year part that follows a case number (drops trailing initials). */
function baseOf(key: string): string {
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 2; i--) {
    if (YEAR.test(parts[i]!) && parts.slice(1, i).some((p) => /\d/u.test(p)))
      return parts.slice(0, i + 1).join('.');
  }
  return key;
}

/**
 * Parses a reference number in any spelling, e.g. `WEN. 9823 2020. RFZ` →
 * `{ canonical: 'WEN.9823.2020.RFZ', key: 'wen.9823.2020.rfz', baseKey: 'wen.9823.2020' }`.
 *
 * The string must start with an organisational unit (capitals unless
 * `isLabelled`), contain a case number and a year (19xx/20xx) after it, and
 * nothing but reference parts, so dates, phone numbers, NIP and
 * `Dz. U. z 2024 r. poz. 123` are rejected.
 *
 * @returns the parsed reference, or `null` when the string is not one.
 */
export function parseReference(
  raw: string,
  { isLabelled = false }: ParseReferenceOptions = {},
): ReferenceNumber | null {
  const tokens = raw
    .trim()
    // `BK - VII. 0520. 350. 2026`: a hyphen typed with spaces joins the unit's parts as one without.
    .replace(/(?<=[\p{L}\d])\s*[-–]\s*(?=[\p{L}\d])/gu, '-')
    .replace(/[.,;:)]+$/u, '')
    .replace(/^[(]+/u, '')
    .split(/[\s.]+/u)
    .filter((t) => t !== '');
  const [unit, ...rest] = tokens;
  if (unit === undefined || rest.length < 2) return null;
  if (
    !(isLabelled ? LOWER_UNIT_TOKEN : UNIT_TOKEN).test(unit) ||
    NOT_A_UNIT.has(unit.toUpperCase())
  )
    return null;
  if (!tokens.every((t) => TOKEN.test(t))) return null;
  // Unlabelled, a lowercase word ("z", "r.", "poz.") means prose; the clerk's
  // suffixes with digits ("2026/In-59-26/SW") are still reference parts.
  if (!isLabelled && !rest.every((t) => t === t.toUpperCase() || /\d/u.test(t))) return null;
  // Even labelled, a lowercase part is a short unit code (`zwa`, `pp`, `In`), never a word of prose.
  if (
    rest.some((t) => /^(?:\p{Ll}|\p{Ll}{4,})$/u.test(t)) ||
    /^\p{Ll}{6,}$/u.test(unit) ||
    tokens.filter((t) => !/\d/u.test(t)).length > 4
  )
    return null;
  // The unit must contain letters, and the year must come after a case number,
  // which is what separates "WEN.9823.2020" from a stray "ABC 2020".
  if (!/\p{L}{2}/u.test(unit)) return null;
  const yearAt = rest.findIndex((t) => t.split(/[/_]/u).some((part) => YEAR.test(part)));
  if (yearAt < 1 || !rest.slice(0, yearAt).some((t) => /\d/u.test(t))) return null;
  const canonical = tokens.join('.');
  const key = referenceKey(canonical);
  return { canonical, key, baseKey: baseOf(key) };
}

/** A reference found in running text, with its span. */
export interface ReferenceMatch extends ReferenceNumber {
  readonly start: number;
  readonly end: number;
}

/** A year anywhere, as `YEAR` matches a reference's part (`2020`, `2026/In-59-26`). */
const ANY_YEAR = /(?:19|20)\d\d/u;
// Capitals-led: the unit may be spaced from its numbers (`WEN. 9823 2020. RFZ`), its hyphen from its parts (`BK - VII. 0520`).
const SPACED =
  /(?<![\p{L}\d.-])(\p{Lu}[\p{Lu}\d]*(?: ?[-–] ?[\p{Lu}\d]+)*)((?:[.\s/]{1,3}[\p{Lu}]{0,4}\d{1,5}(?:-\d{1,3})*(?:\/[\p{L}\d-]+)*)+)((?:[.\s/]{1,3}[\p{Lu}][\p{L}]{0,4}){0,2})(?![\p{L}\d])/gu;
// Any case, no spaces inside: `dps-wos.0212.45.2024`, `bm-wpr.0510.131.2026.kk`, `DBD.pp.058.13.2026`.
const COMPACT =
  /(?<![\p{L}\d.-])(\p{L}[\p{L}\d]*(?:-[\p{L}\d]+)*(?:[./][\p{L}\d]+(?:-[\p{L}\d]+)*){2,})(?![\p{L}\d]|[./-][\p{L}\d])/gu;

/**
 * Every reference number in a text, in order: capital-led ones in any
 * spacing, and compact ones (no spaces) in any case. Spans never overlap.
 */
export function findReferences(text: string): ReferenceMatch[] {
  // Every reference holds a year (`parseReference`): a text without one (most sentences) skips both scans.
  if (!ANY_YEAR.test(text)) return [];
  const found: ReferenceMatch[] = [];
  const add = (raw: string, start: number, isLabelled: boolean) => {
    const end = start + raw.length;
    if (found.some((f) => start < f.end && end > f.start)) return;
    const parsed = parseReference(raw, { isLabelled });
    if (parsed) found.push({ ...parsed, start, end });
  };
  for (const m of text.matchAll(SPACED)) {
    const raw = m[0].replace(/[\s.]+$/u, '');
    // The longest prefix that parses wins: trailing initials are optional, prose after them is not part of it.
    const words = raw.split(/(?=[\s.])/u);
    for (let n = words.length; n > 0; n--) {
      const candidate = words.slice(0, n).join('');
      if (parseReference(candidate)) {
        add(candidate, m.index, false);
        break;
      }
    }
  }
  for (const m of text.matchAll(COMPACT)) add(m[0], m.index, true);
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Index and query terms for a reference: its base key, plus the full key when
 * it carries initials. A question with or without the initials shares the
 * base term with the letter.
 */
export function referenceTerms(reference: ReferenceNumber): string[] {
  return reference.key === reference.baseKey
    ? [reference.baseKey]
    : [reference.baseKey, reference.key];
}

/** True when two spellings name the same reference (initials optional on either side). */
export function isSameReference(a: string, b: string): boolean {
  const pa = parseReference(a, { isLabelled: true });
  const pb = parseReference(b, { isLabelled: true });
  if (!pa || !pb) return referenceKey(a) === referenceKey(b);
  return pa.baseKey === pb.baseKey;
}
