/**
 * Weighing the question's terms by how rare they are in the archive (IDF), so
 * that "szpital w Wąbrzeźnie" is judged on "Wąbrzeźno", not on "szpital".
 * Shared by the refusal decision and the extractive sentence picker.
 */
import { analyze, analyzeQuery } from '../archive/analyzer.js';
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

/** Share of the question's total term weight that `text` contains (0–1). */
export function coverage(text: string, weights: TermWeights): number {
  let total = 0;
  for (const w of weights.values()) total += w;
  if (total === 0) return 0;
  const present = new Set(analyze(text));
  let found = 0;
  for (const [term, w] of weights) if (present.has(term)) found += w;
  return found / total;
}
