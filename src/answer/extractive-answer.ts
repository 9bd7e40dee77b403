/**
 * The answer without an LLM: the sentences from the top passages that best
 * cover the question's (rarity-weighted) terms, each quoted verbatim and
 * followed by its `[n]`. Honest by construction: every word comes from a
 * letter, and every sentence names its source.
 */
import type { SearchHit } from '../archive/types.js';
import { ANSWER_TEXT } from '../messages.js';
import { citationFor } from './citations.js';
import { splitSentences } from '../archive/split-sentences.js';
import { coverage, type TermWeights } from './term-weights.js';
import type { Citation, ExtractiveAnswer } from './types.js';

export interface ExtractiveAnswerOptions {
  readonly question: string;
  readonly hits: readonly SearchHit[];
  readonly weights: TermWeights;
  readonly language: 'pl' | 'en';
  /** Sentences in the answer at most. */
  readonly maxSentences?: number;
  /** Passages (in rank order) considered at most. */
  readonly maxPassages?: number;
  readonly notice?: string | null;
}

interface Candidate {
  readonly hit: SearchHit;
  readonly text: string;
  readonly score: number;
  readonly order: number;
}

/** Builds the extractive answer; returns `null` when no sentence touches the question. */
export function composeExtractiveAnswer({
  question,
  hits,
  weights,
  language,
  maxSentences = 3,
  maxPassages = 4,
  notice = null,
}: ExtractiveAnswerOptions): ExtractiveAnswer | null {
  const candidates: Candidate[] = [];
  hits.slice(0, maxPassages).forEach((hit, rank) => {
    for (const sentence of splitSentences(hit.passage.text)) {
      if (sentence.text.length < 25) continue;
      // Prefer sentences from higher-ranked passages when coverage ties.
      const score = coverage(sentence.text, weights) * (1 - rank * 0.05);
      if (score > 0) candidates.push({ hit, text: sentence.text, score, order: candidates.length });
    }
  });
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = candidates[0]!.score;
  const chosen = candidates.filter((c) => c.score >= best * 0.5).slice(0, maxSentences);

  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const lines = chosen.map((c) => {
    // One number per letter page: a reader looks up a page, not a passage.
    const key = `${c.hit.letter.id}:${c.hit.passage.page ?? ''}`;
    let n = numberOf.get(key);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(key, n);
      citations.push(citationFor(c.hit, n, c.text));
    } else {
      const i = n - 1;
      citations[i] = { ...citations[i]!, quote: `${citations[i]!.quote} … ${c.text}` };
    }
    return `„${c.text}” [${n}]`;
  });
  const t = ANSWER_TEXT[language];
  return {
    kind: 'extractive',
    text: `${t.extractiveIntro}\n${lines.join('\n')}`,
    citations,
    passages: hits,
    question,
    language,
    notice,
  };
}
