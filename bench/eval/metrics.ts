/**
 * Retrieval and answer metrics for the evaluation harness. Pure functions over
 * ranked letter lists and answers, so they are tested on their own.
 */

/** Binary-relevance nDCG@k: `flags[i]` tells whether the letter at rank i+1 is relevant; `relevantCount` sizes the ideal list. */
export function ndcgAt(k: number, flags: readonly boolean[], relevantCount: number): number {
  let dcg = 0;
  flags.slice(0, k).forEach((isRelevant, i) => {
    if (isRelevant) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevantCount); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Whitespace (including non-breaking spaces) collapsed to single spaces. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/gu, ' ').trim();
}

/** True when the answer contains every required string (after whitespace normalisation). */
export function containsAll(answer: string, required: readonly string[]): boolean {
  const haystack = normalizeWhitespace(answer);
  return required.every((s) => haystack.includes(normalizeWhitespace(s)));
}

/** Mean of the values, or null for an empty list (a metric with no applicable question). */
export function meanOrNull(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds for printing; keeps null. */
export function round(value: number | null, digits = 4): number | null {
  return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
}
