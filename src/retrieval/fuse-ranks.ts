/**
 * Reciprocal rank fusion (Cormack, Clarke & Büttcher 2009): each list
 * contributes `weight / (k + rank)` to an item, so lists with incomparable
 * scores (BM25, cosine, a filtered search) merge on rank alone. The standard
 * `k = 60` keeps one list's top item from swamping agreement between lists.
 */
import type { SearchHit } from '../archive/types.js';

export interface RankedList {
  readonly hits: readonly SearchHit[];
  /** How much this list counts (1 = an ordinary list). */
  readonly weight?: number;
}

export interface FuseRanksOptions {
  readonly lists: readonly RankedList[];
  /** RRF damping constant. */
  readonly k?: number;
  /** Length of the fused list. */
  readonly limit?: number;
}

/** Fuses ranked passage lists into one, best first; a hit's score becomes its fused score. */
export function fuseRanks({ lists, k = 60, limit = Infinity }: FuseRanksOptions): SearchHit[] {
  const fused = new Map<string, { hit: SearchHit; score: number; best: number }>();
  for (const { hits, weight = 1 } of lists) {
    hits.forEach((hit, i) => {
      const entry = fused.get(hit.passage.id) ?? { hit, score: 0, best: Infinity };
      entry.score += weight / (k + i + 1);
      entry.best = Math.min(entry.best, i);
      fused.set(hit.passage.id, entry);
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.best - b.best)
    .slice(0, limit)
    .map(({ hit, score }) => ({ ...hit, score }));
}
