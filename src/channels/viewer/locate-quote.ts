/**
 * Where a quote sits in a text, compared on letters and digits only (case
 * folded): a quote is a passage's sentence after extraction joined its
 * hyphenated line ends, collapsed whitespace and dropped line breaks, so the
 * page's own text (text layer, OCR words, extracted text) differs from it in
 * exactly those characters. The browser script (`viewer-script.ts`) runs the
 * same rule over the PDF text layer; keep the two in step.
 */

/** A text's letters and digits, lower-cased, with each one's offset in the text. */
export function compactText(text: string): { compact: string; offsets: number[] } {
  let compact = '';
  const offsets: number[] = [];
  // Code points, so a letter outside the BMP keeps one offset.
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    if (/[\p{L}\p{N}]/u.test(ch)) {
      const lower = ch.toLowerCase();
      for (let k = 0; k < lower.length; k += 1) {
        compact += lower[k];
        offsets.push(i);
      }
    }
    i += ch.length;
  }
  return { compact, offsets };
}

/** A located quote: `[start, end)` in the original text. */
export interface QuoteRange {
  readonly start: number;
  readonly end: number;
}

/** The pieces of a quote: extractive quotes join sentences of one passage with ` … `. */
export function quoteFragments(quote: string): string[] {
  return quote
    .split('…')
    .map((part) => part.trim())
    .filter((part) => compactText(part).compact !== '');
}

/**
 * Where each fragment of `quote` first occurs in `text` (letters and digits
 * compared), in the quote's order, or null when one of them is not there.
 * Fragments are searched independently: an extractive quote orders its
 * sentences by weight, not by their place in the letter. Each range runs
 * from the fragment's first letter to its last.
 */
export function locateQuote(text: string, quote: string): QuoteRange[] | null {
  const fragments = quoteFragments(quote);
  if (fragments.length === 0) return null;
  const hay = compactText(text);
  const ranges: QuoteRange[] = [];
  for (const fragment of fragments) {
    const needle = compactText(fragment).compact;
    const at = hay.compact.indexOf(needle);
    if (at < 0) return null;
    const lastStart = hay.offsets[at + needle.length - 1]!;
    const lastCp = text.codePointAt(lastStart)!;
    ranges.push({ start: hay.offsets[at]!, end: lastStart + String.fromCodePoint(lastCp).length });
  }
  return ranges;
}
