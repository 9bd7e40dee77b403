/**
 * A question that restates a letter's subject line (`w sprawie …`) should
 * find that letter first, even when a longer letter on a similar subject
 * collects more BM25 mass from its body. The boost multiplies each hit's score
 * by `1 + strength × J`, where J is the Jaccard overlap of the question's terms
 * and the subject's terms: an exact restatement gets the full boost, a
 * different subject with a few shared words almost none.
 */
import { DEFAULT_ANALYZER, type Analyzer } from '../archive/analyzer.js';
import type { SearchHit } from '../archive/types.js';

export interface BoostSubjectMatchOptions {
  readonly hits: readonly SearchHit[];
  readonly question: string;
  /** 0 turns the boost off. */
  readonly strength?: number;
  readonly analyzer?: Analyzer;
}

/** Jaccard overlap of two term sets (0 when either is empty). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Hits re-scored by subject overlap and re-sorted, best first. */
export function boostSubjectMatch({
  hits,
  question,
  strength = 1,
  analyzer = DEFAULT_ANALYZER,
}: BoostSubjectMatchOptions): SearchHit[] {
  if (strength === 0 || hits.length === 0) return [...hits];
  const asked = new Set(analyzer.analyzeQuery(question));
  const overlap = new Map<string, number>();
  return hits
    .map((hit) => {
      let j = overlap.get(hit.letter.id);
      if (j === undefined) {
        j = hit.letter.title ? jaccard(asked, new Set(analyzer.analyzeQuery(hit.letter.title))) : 0;
        overlap.set(hit.letter.id, j);
      }
      return { ...hit, score: hit.score * (1 + strength * j) };
    })
    .sort((a, b) => b.score - a.score);
}
