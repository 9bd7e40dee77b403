/**
 * Pseudo-relevance feedback (RM3-style, Lavrenko & Croft; Abdul-Jaleel et
 * al. 2004): the top passages of a first search are assumed relevant, and the
 * terms that weigh most in them (term share × rarity × passage score) are
 * added to the question. It reaches letters that say the same thing in other
 * words, which is what paraphrased questions need.
 */
import { DEFAULT_ANALYZER, type Analyzer } from '../../src/archive/analyzer.js';
import type { ArchiveIndex, SearchHit } from '../../src/archive/types.js';

export interface ExpandQueryOptions {
  readonly index: Pick<ArchiveIndex, 'termStats'>;
  readonly question: string;
  /** The first search's hits, best first. */
  readonly hits: readonly SearchHit[];
  /** Feedback passages taken from the top. */
  readonly feedback?: number;
  /** Expansion terms added. */
  readonly terms?: number;
  readonly analyzer?: Analyzer;
}

/** Expansion terms (space-separated analyzed terms) for a question, or `''` when there is no feedback. */
export async function expandQuery({
  index,
  question,
  hits,
  feedback = 5,
  terms = 8,
  analyzer = DEFAULT_ANALYZER,
}: ExpandQueryOptions): Promise<string> {
  const top = hits.slice(0, feedback);
  if (top.length === 0) return '';
  const own = new Set(analyzer.analyzeQuery(question));
  const maxScore = Math.max(...top.map((h) => h.score), 1e-9);
  const weight = new Map<string, number>();
  for (const hit of top) {
    const docTerms = analyzer.analyze(hit.passage.text).filter((t) => !/\d/.test(t) && !own.has(t));
    const share = 1 / Math.max(1, docTerms.length);
    for (const t of docTerms) weight.set(t, (weight.get(t) ?? 0) + share * (hit.score / maxScore));
  }
  const candidates = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, terms * 4);
  const stats = await index.termStats(candidates.map(([t]) => t));
  const idf = (t: string) => Math.log((stats.passages + 1) / ((stats.df.get(t) ?? 0) + 1));
  return candidates
    .map(([t, w]) => [t, w * idf(t)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, terms)
    .map(([t]) => t)
    .join(' ');
}
