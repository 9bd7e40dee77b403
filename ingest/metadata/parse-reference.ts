/**
 * Znak sprawy (case reference) recognition. Polish offices number letters by
 * the JRWA scheme: unit letters, a file-class number, a case number, the year,
 * and often the clerk's initials — `WEN.9823.2020.RFZ`, `DLF.050.53.2026.DP`,
 * `BM-WRP.054.43.2026`. OCR and typists vary the separators, so we normalise to
 * dots without spaces, which is also how users type them into a search.
 */

// A reference announced by a label. "Wasz znak" is the *addressee's* reference,
// so it is deliberately absent.
const LABELLED =
  /^(?:nasz\s+znak|znak\s+sprawy|znak\s+pisma|znak|sygn(?:atura)?\.?|nr\s+sprawy|l\.\s*dz\.?)\s*:?\s*(.+)$/iu;

// Words that head numbers which look like references but are not.
const NOT_A_UNIT = new Set(['NIP', 'REGON', 'KRS', 'PESEL', 'TEL', 'FAX', 'NR', 'DZ', 'POZ', 'ART', 'UL', 'KOD', 'IBAN']);

const TOKEN = /^[\p{L}\d]+(?:[-/][\p{L}\d]+)*$/u;
const UNIT_TOKEN = /^\p{Lu}[\p{Lu}\d]*(?:-[\p{Lu}\d]+)*$/u;
const YEAR = /^(?:19|20)\d\d$/u;

export interface NormalizeReferenceOptions {
  /**
   * Accept lowercase segments (`RRE.zwa.058.2.2026`). Only safe when a label
   * such as `Znak sprawy:` vouches for the string.
   */
  readonly isLabelled?: boolean;
}

/**
 * Normalises a JRWA-like reference, e.g. `WEN. 9823 2020. RFZ` → `WEN.9823.2020.RFZ`.
 *
 * The string must start with an organisational unit in capitals, contain a
 * number and a year (19xx/20xx) after it, and nothing but reference tokens, so
 * dates, phone numbers, NIP and `Dz. U. z 2024 r. poz. 123` are rejected.
 *
 * @returns the normalised reference, or `null` when the string is not one.
 */
export function normalizeReference(raw: string, { isLabelled = false }: NormalizeReferenceOptions = {}): string | null {
  const tokens = raw.trim().replace(/[.,;]+$/u, '').split(/[\s.]+/u).filter((t) => t !== '');
  const [unit, ...rest] = tokens;
  if (unit === undefined || rest.length < 2) return null;
  if (!UNIT_TOKEN.test(unit) || NOT_A_UNIT.has(unit.toUpperCase())) return null;
  if (!tokens.every((t) => TOKEN.test(t))) return null;
  // Unlabelled, a lowercase word ("z", "r.", "poz.") means prose; the clerk's
  // suffixes with digits ("2026/In-59-26/SW") are still reference parts.
  if (!isLabelled && !rest.every((t) => t === t.toUpperCase() || /\d/u.test(t))) return null;
  // The unit must contain letters, and the year must come after a case number,
  // which is what separates "WEN.9823.2020" from a stray "ABC 2020".
  if (!/\p{L}{2}/u.test(unit)) return null;
  const yearAt = rest.findIndex((t) => t.split('/').some((part) => YEAR.test(part)));
  if (yearAt < 1 || !rest.slice(0, yearAt).some((t) => /\d/u.test(t))) return null;
  return tokens.join('.');
}

/**
 * Finds the letter's own reference in its header lines: first a labelled one
 * (`Znak: …`, `Nasz znak: …`, `Znak sprawy: …`, `Sygn. …`), then a line that is
 * nothing but a reference (how letterheads print it).
 *
 * Only the header is searched because the body and footnotes cite *other*
 * letters' references ("Pismem o sygn. DSP.INT.4510.15.2025 …").
 */
export function findReference(headerLines: readonly string[]): string | null {
  for (const line of headerLines) {
    const labelled = LABELLED.exec(line)?.[1];
    if (labelled === undefined) continue;
    // A label vouches for what follows it, but the line may go on ("… z dnia …"),
    // so the longest run of words that still forms a reference wins.
    const words = labelled.trim().split(/\s+/u);
    for (let n = words.length; n > 0; n--) {
      const ref = normalizeReference(words.slice(0, n).join(' '), { isLabelled: true });
      if (ref !== null) return ref;
    }
  }
  for (const line of headerLines) {
    const ref = normalizeReference(line);
    if (ref !== null) return ref;
  }
  return null;
}
