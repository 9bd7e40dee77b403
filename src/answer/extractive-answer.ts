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
import { analyze, foldText } from '../archive/analyzer.js';
import type { TermWeights } from './term-weights.js';
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
  /** Question terms the sentence contains (exactly or by prefix). */
  readonly covered: ReadonlySet<string>;
  /** Rank and echo adjustments. */
  readonly factor: number;
  readonly order: number;
}

/** Weight kept by a sentence that echoes the question (ends in `?`, or a subject line). */
const ECHO_FACTOR = 0.3;
/** A further sentence qualifies by its own coverage (this share of the first's)… */
const MIN_OWN_SHARE = 0.5;
/** …or by the new weight it adds (this share of what the first one added). */
const MIN_NEXT_GAIN = 0.25;
/** Balance between a sentence's own coverage and what it adds to earlier picks. */
const MMR_LAMBDA = 0.5;
/** Letters compared by the loose (truncation) match, as in `assessAnswerability`. */
const PREFIX = 6;

function isEcho(sentence: string): boolean {
  return /\?\s*["”»)]?\s*$/.test(sentence) || /^\s*(temat|dotyczy|dot\.|w sprawie)\b/i.test(sentence);
}

/** Question terms present in the text: the analyzer's term, or a word sharing its first {@link PREFIX} letters. */
function coveredTerms(text: string, weights: TermWeights): Set<string> {
  const present = new Set(analyze(text));
  const prefixes = new Set((foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length >= PREFIX).map((t) => t.slice(0, PREFIX)));
  const out = new Set<string>();
  for (const term of weights.keys()) {
    if (present.has(term) || (term.length >= PREFIX && prefixes.has(term.slice(0, PREFIX)))) out.add(term);
  }
  return out;
}

function coverageOf(c: Candidate, weights: TermWeights, total: number): number {
  let found = 0;
  for (const term of c.covered) found += weights.get(term) ?? 0;
  return (found / Math.max(total, 1e-9)) * c.factor;
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
      // A footnote mark split off at the sentence end (`2002 r.[`) is dropped; the rest stays verbatim.
      const text = sentence.text.replace(/\s*[[(]$/, '');
      if (text.length < 25) continue;
      const covered = coveredTerms(text, weights);
      if (covered.size === 0) continue;
      // Prefer sentences from higher-ranked passages when coverage ties; a
      // question echoed back by the reply (or its subject line) restates the
      // question rather than answering it.
      const factor = (1 - rank * 0.05) * (isEcho(text) ? ECHO_FACTOR : 1);
      candidates.push({ hit, text, covered, factor, order: candidates.length });
    }
  });
  if (candidates.length === 0) return null;
  let total = 0;
  for (const w of weights.values()) total += w;
  // Sentences are picked one by one, each scored half on its own coverage and
  // half on the weight it adds that earlier picks did not cover (MMR-style), so a
  // two-part question ("how many … and since when") gets both parts answered.
  const remaining = new Map(weights);
  const own = (c: Candidate) => coverageOf(c, weights, total);
  const added = (c: Candidate) => {
    let g = 0;
    for (const term of c.covered) g += remaining.get(term) ?? 0;
    return (g / Math.max(total, 1e-9)) * c.factor;
  };
  const chosen: Candidate[] = [];
  let bestOwn = 0;
  let firstAdded = 0;
  while (chosen.length < maxSentences) {
    let best: Candidate | null = null;
    let bestScore = -1;
    for (const c of candidates) {
      if (chosen.includes(c)) continue;
      const isEligible =
        chosen.length === 0 || own(c) >= bestOwn * MIN_OWN_SHARE || added(c) >= firstAdded * MIN_NEXT_GAIN;
      if (!isEligible) continue;
      const score = MMR_LAMBDA * own(c) + (1 - MMR_LAMBDA) * added(c);
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) break;
    if (chosen.length === 0) {
      bestOwn = own(best);
      firstAdded = added(best);
    }
    chosen.push(best);
    for (const term of best.covered) remaining.set(term, 0);
  }

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
