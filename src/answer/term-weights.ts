/**
 * Weighing the question's terms by how rare they are in the archive (IDF), so
 * that "szpital w Wąbrzeźnie" is judged on "Wąbrzeźno", not on "szpital".
 * Used by the extractive sentence picker (the refusal decision weighs words
 * the same way in `assess-answerability.ts`).
 */
import { analyzeQuery } from '../archive/analyzer.js';
import type { TermStats } from '../archive/types.js';

export type TermWeights = ReadonlyMap<string, number>;

/** IDF weight per distinct question term; unseen terms weigh the most. */
export function weighTerms(question: string, stats: TermStats): TermWeights {
  const n = Math.max(stats.passages, 1);
  const weights = new Map<string, number>();
  for (const term of analyzeQuery(question)) {
    const df = stats.df.get(term) ?? 0;
    weights.set(term, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  }
  return weights;
}
