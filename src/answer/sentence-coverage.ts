/**
 * Which of the question's terms a sentence covers, and the factors that
 * lower a sentence's weight: lacking the answer type the question asks for
 * (a date for „kiedy”), or only echoing the question back. The extractive
 * answer picks its quotes by them.
 */
import { analyze, foldText } from '../archive/analyzer.js';
import type { TermWeights } from './term-weights.js';

/** Letters compared by the loose (truncation) match, as in `assessAnswerability`. */
const PREFIX = 6;
/** Weight kept by a sentence that echoes the question (ends in `?`, or a subject line). */
export const ECHO_FACTOR = 0.3;
/** Weight kept by a sentence without the answer type its question part asks for (a date for `kiedy`). */
export const TYPE_MISS_FACTOR = 0.45;

/** A question of the interpellation quoted back, or a subject line: it restates the question rather than answering it. */
export function isEcho(sentence: string): boolean {
  return (
    // Also when the next item's `oraz` is glued to it.
    /\?\s*["”»)]?\s*(?:oraz|i|a także)?\s*$/.test(sentence) ||
    /^\s*(temat|dotyczy|dot\.|w sprawie)\b/i.test(sentence)
  );
}

/** Question terms present in the text: the analyzer's term, or a word sharing its first {@link PREFIX} letters. */
export function coveredTerms(text: string, weights: TermWeights): Set<string> {
  const present = new Set(analyze(text));
  const prefixes = new Set(
    (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((t) => t.length >= PREFIX)
      .map((t) => t.slice(0, PREFIX)),
  );
  const out = new Set<string>();
  for (const term of weights.keys()) {
    if (present.has(term) || (term.length >= PREFIX && prefixes.has(term.slice(0, PREFIX))))
      out.add(term);
  }
  return out;
}
