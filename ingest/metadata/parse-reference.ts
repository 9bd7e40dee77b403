/**
 * Znak sprawy (case reference) recognition. Polish offices number letters by
 * the JRWA scheme: unit letters, a file-class number, a case number, the year,
 * and often the clerk's initials — `WEN.9823.2020.RFZ`, `DLF.050.53.2026.DP`,
 * `BM-WRP.054.43.2026`. OCR and typists vary the separators, so we normalise to
 * dots without spaces, which is also how users type them into a search.
 */
import { parseReference } from '../../src/archive/reference-number.js';

// A reference announced by a label. "Wasz znak" is the *addressee's* reference,
// so it is deliberately absent.
const LABELLED =
  /^(?:nasz\s+znak|znak\s+sprawy|znak\s+pisma|znak|sygn(?:atura)?\.?|nr\s+sprawy|l\.\s*dz\.?)\s*:?\s*(.+)$/iu;

export interface NormalizeReferenceOptions {
  /**
   * Accept lowercase segments (`RRE.zwa.058.2.2026`). Only safe when a label
   * such as `Znak sprawy:` vouches for the string.
   */
  readonly isLabelled?: boolean;
}

/**
 * Normalises a JRWA-like reference, e.g. `WEN. 9823 2020. RFZ` → `WEN.9823.2020.RFZ`
 * (the display form of `parseReference` in `src/archive/reference-number.ts`,
 * the one parser that metadata, analyzer, query filters and indexes share).
 *
 * @returns the normalised reference, or `null` when the string is not one.
 */
export function normalizeReference(
  raw: string,
  { isLabelled = false }: NormalizeReferenceOptions = {},
): string | null {
  const parsed = parseReference(raw, { isLabelled });
  // A labelled unit still starts with a capital in letters ("RRE.zwa…"); a lowercase one is prose after the label.
  if (parsed === null || !/^\p{Lu}/u.test(parsed.canonical)) return null;
  return parsed.canonical;
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
