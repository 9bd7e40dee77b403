/**
 * The tuned in-process peer of issue 16: MiniSearch over the same passages,
 * terms folded (lower case, no diacritics) and our stop words left out, and a
 * match in the letter's title counting twice. No stemming: what a careful
 * engineer gets from a popular JS search library in an afternoon.
 */
import MiniSearch from 'minisearch';
import { STOP_WORDS } from '../../src/archive/analyzer.js';
import { foldText } from '../../src/archive/fold-text.js';

interface PeerPassage {
  readonly id: number;
  readonly file: string;
  readonly title: string;
  readonly text: string;
}

export interface MiniSearchHit {
  readonly file: string;
  readonly score: number;
}

/** Folded term, or null for a stop word (MiniSearch then drops it, in documents and questions alike). */
function processTerm(term: string): string | null {
  const folded = foldText(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

export class MiniSearchPeer {
  readonly #search = new MiniSearch<PeerPassage>({
    fields: ['title', 'text'],
    storeFields: ['file'],
    processTerm,
    searchOptions: { boost: { title: 2 }, processTerm },
  });
  #next = 0;

  /** Adds the passages of one file under its title. */
  add(file: string, title: string, texts: readonly string[]): void {
    this.#search.addAll(texts.map((text) => ({ id: this.#next++, file, title, text })));
  }

  /** Distinct files ranked by their best passage (OR of the question's terms, BM25+). */
  search(question: string, k = 10): MiniSearchHit[] {
    const seen = new Set<string>();
    const hits: MiniSearchHit[] = [];
    for (const r of this.#search.search(question)) {
      const file = r['file'] as string;
      if (seen.has(file)) continue;
      seen.add(file);
      hits.push({ file, score: r.score });
      if (hits.length >= k) break;
    }
    return hits;
  }
}
