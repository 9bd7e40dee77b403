/**
 * Checking a generated answer against the passages it was given, before a
 * user sees it as final:
 * - every `[n]` must name a passage that was shown; unknown numbers are
 *   removed and counted;
 * - every quotation in „…” must appear verbatim (whitespace aside) in the
 *   passage it cites, else it is listed as unverified;
 * - the citations are renumbered 1, 2, … in order of first use, one number
 *   per letter page (as in extractive answers), so `Źródła` lists only what
 *   the text cites;
 * - a link or web address that no shown letter carries as its `url` is
 *   removed (`dropForeignLinks`): the model may not publish addresses.
 */
import type { SearchHit } from '../archive/types.js';
import { citationFor } from './citations.js';
import { dropForeignLinks } from './link-policy.js';
import type { Citation } from './types.js';

export interface VerifyCitationsOptions {
  /** The answer as generated, with `[n]` referring to `hits[n-1]`. */
  readonly text: string;
  /** The passages shown to the model, in prompt order. */
  readonly hits: readonly SearchHit[];
}

export interface VerifyCitationsResult {
  /** The answer with unknown markers removed and valid ones renumbered. */
  readonly text: string;
  /** Cited sources, numbered as in `text`. */
  readonly citations: Citation[];
  /** Marker numbers removed because no such passage was shown. */
  readonly removedCitations: number;
  /** Quotations not found verbatim in the passage they cite. */
  readonly unverifiedQuotes: string[];
  /** Links and web addresses removed because no shown letter carries them. */
  readonly removedLinks: number;
}

/** `[3]`, `[1, 2]`, `[1; 4]`: one marker group. */
const MARKER = /\s?\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;
/** Polish „…” and English “…” quotations. */
const QUOTE = /[„“]([^”“„]{3,}?)[”“"]/g;
/** Longest quote kept for a citation with no quotation of its own. */
const QUOTE_MAX = 300;

function normalize(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/gu, ' ').trim();
}

/** A prefix of the passage, cut at a word boundary (still verbatim). */
function leadingQuote(text: string): string {
  const clean = text.trim();
  if (clean.length <= QUOTE_MAX) return clean;
  const cut = clean.slice(0, QUOTE_MAX);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trimEnd();
}

/** Verifies and renumbers the citations of a generated answer. */
export function verifyCitations({ text, hits }: VerifyCitationsOptions): VerifyCitationsResult {
  let removedCitations = 0;
  /** Passage index (0-based) per new citation number, via letter page. */
  const numberOfPage = new Map<string, number>();
  const pageOfNumber: SearchHit[] = [];
  const numberOfPassage = (i: number): number => {
    const hit = hits[i]!;
    const key = `${hit.letter.id}:${hit.passage.page ?? ''}`;
    let n = numberOfPage.get(key);
    if (n === undefined) {
      n = pageOfNumber.length + 1;
      numberOfPage.set(key, n);
      pageOfNumber.push(hit);
    }
    return n;
  };

  // Quotes are checked against the original numbering, before any rewrite.
  const quotes: { quote: string; cited: number[] }[] = [];
  for (const match of text.matchAll(QUOTE)) {
    const after = text.slice(match.index + match[0].length);
    const nextQuote = after.search(/[„“]/);
    const nextBreak = after.search(/\n/);
    const end = Math.min(
      nextQuote === -1 ? after.length : nextQuote,
      nextBreak === -1 ? after.length : nextBreak,
    );
    const cited = [...after.slice(0, end).matchAll(MARKER)]
      .slice(0, 1)
      .flatMap((m) => m[1]!.split(/[,;]/).map((s) => Number.parseInt(s.trim(), 10)))
      .filter((n) => n >= 1 && n <= hits.length);
    quotes.push({ quote: match[1]!, cited });
  }
  const unverifiedQuotes: string[] = [];
  const quotesOfPassage = new Map<number, string[]>();
  for (const { quote, cited } of quotes) {
    const wanted = normalize(quote);
    const found = cited.find((n) => normalize(hits[n - 1]!.passage.text).includes(wanted));
    if (found === undefined) unverifiedQuotes.push(quote);
    else quotesOfPassage.set(found, [...(quotesOfPassage.get(found) ?? []), quote.trim()]);
  }

  const rewritten = text.replace(MARKER, (whole, group: string) => {
    const numbers = group.split(/[,;]/).map((s) => Number.parseInt(s.trim(), 10));
    const valid = numbers.filter((n) => n >= 1 && n <= hits.length);
    removedCitations += numbers.length - valid.length;
    if (valid.length === 0) return '';
    const renumbered = [...new Set(valid.map((n) => numberOfPassage(n - 1)))];
    return `${whole.startsWith(' ') ? ' ' : ''}${renumbered.map((n) => `[${n}]`).join('')}`;
  });

  const citations = pageOfNumber.map((hit, i) => {
    const n = i + 1;
    const own = [...quotesOfPassage.entries()]
      .filter(([passageN]) => {
        const h = hits[passageN - 1]!;
        return h.letter.id === hit.letter.id && h.passage.page === hit.passage.page;
      })
      .flatMap(([, q]) => q);
    return citationFor(hit, n, own.length > 0 ? own.join(' … ') : leadingQuote(hit.passage.text));
  });
  const allowedUrls = hits.map((h) => h.letter.url).filter((u): u is string => u !== null);
  const { text: linkless, removedLinks } = dropForeignLinks(rewritten, allowedUrls);
  return {
    text: linkless.replace(/[ \t]+([.,;:!?])/g, '$1').trim(),
    citations,
    removedCitations,
    unverifiedQuotes,
    removedLinks,
  };
}
