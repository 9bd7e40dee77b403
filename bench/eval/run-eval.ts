/**
 * Runs a question set against the index and scores retrieval (recall@k, MRR,
 * nDCG over distinct letters) and answers (refusals, required facts, citation
 * validity), exactly as DESIGN.md §3 defines them.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ArchiveIndex } from '../../src/archive/types.js';
import { collectAnswer } from '../../src/assistant/create-assistant.js';
import type { Assistant } from '../../src/assistant/types.js';
import type { Answer } from '../../src/answer/types.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { searchQueryWithoutLlm } from '../../src/retrieval/bridge-english.js';
import { answerToJson, type AskJson } from '../../src/cli/format-answer.js';
import { boilerplateKinds, quotedSentences } from './detect-boilerplate.js';
import { containsAll, meanOrNull, ndcgAt, normalizeWhitespace, round } from './metrics.js';
import type { EvalQuestion } from './questions.js';

export interface QuestionResult {
  readonly id: string;
  readonly question: string;
  readonly answerable: boolean;
  /** Base names of the first k distinct letters retrieved. */
  readonly ranked: readonly string[];
  readonly rank: number | null;
  /** Per ranked letter: is it relevant? */
  readonly relevantFlags: readonly boolean[];
  readonly relevantCount: number;
  readonly refused: boolean;
  readonly mustContainOk: boolean | null;
  readonly citations: number;
  readonly validCitations: number;
  readonly retrievalMs: number;
  readonly answer: string;
  /** How the answer was made (`extractive` with a notice = LLM fallback). */
  readonly kind: Answer['kind'];
  readonly isFallback: boolean;
  /** LLM-judged share of supported claims (`--judge`), else null. */
  readonly groundedness: number | null;
  /** Boilerplate kinds quoted in the answer (`detect-boilerplate.ts`), empty when none. */
  readonly boilerplate: readonly string[];
  /** True when a sentence is quoted twice in the answer. */
  readonly repeatsQuote: boolean;
  /** The answer as `ask --json` prints it, for `--dump`. */
  readonly json: AskJson;
}

export interface EvalSummary {
  questions: number;
  recall_at_1: number | null;
  recall_at_5: number | null;
  recall_at_10: number | null;
  mrr_at_10: number | null;
  ndcg_at_10: number | null;
  answered: number;
  refused: number;
  refusal_accuracy: number | null;
  false_refusal_rate: number | null;
  must_contain_rate: number | null;
  citation_validity: number | null;
  retrieval_p50_ms: number | null;
  retrieval_p95_ms: number | null;
  /** Share of answered questions whose answer quotes boilerplate (letterhead, greeting, signature…). */
  boilerplate_rate: number | null;
  /** Share of answered questions with a sentence quoted twice. */
  repeated_quote_rate: number | null;
  /** `llm` when an LLM wrote the answers, else `extractive`. */
  answer_mode: 'llm' | 'extractive';
  /** Answers that fell back to extractive because the LLM failed. */
  llm_fallbacks: number;
  /** Mean LLM-judged groundedness of non-refused answers (`--judge`), else null. */
  groundedness: number | null;
}

/**
 * Valid: the cited letter was among the passages shown, and every quoted
 * fragment appears verbatim (whitespace aside) in a shown passage of that letter.
 */
export function countValidCitations(answer: Answer): number {
  return answer.citations.filter((c) => {
    const shown = answer.passages
      .filter((h) => h.letter.id === c.letterId)
      .map((h) => normalizeWhitespace(h.passage.text));
    const fragments = c.quote.split(' … ').map(normalizeWhitespace);
    return shown.length > 0 && fragments.every((f) => shown.some((text) => text.includes(f)));
  }).length;
}

/** A relevant file name matches a letter whose file has that base name (or the same name with another extension). */
function matchesRelevant(file: string, relevant: readonly string[]): boolean {
  const base = path.basename(file);
  const stem = base.replace(/\.[^.]+$/, '');
  return relevant.some((r) => r === base || r.replace(/\.[^.]+$/, '') === stem);
}

export async function evaluateQuestion(
  q: EvalQuestion,
  {
    index,
    assistant,
    k,
    judge,
  }: {
    index: ArchiveIndex;
    assistant: Assistant;
    k: number;
    judge?: (answer: Answer) => Promise<number | null>;
  },
): Promise<QuestionResult> {
  const t0 = performance.now();
  // Ranked as the assistant searches: an English question by its Polish bridge.
  const hits = await retrievePassages({
    index,
    question: searchQueryWithoutLlm(q.question),
    k: Math.max(k, 10),
    perLetter: 1,
  });
  const retrievalMs = performance.now() - t0;
  const ranked = hits.map((h) => h.letter.file);
  const relevantFlags = ranked.map((f) => matchesRelevant(f, q.relevant));
  const rankIdx = relevantFlags.indexOf(true);
  const answer = await collectAnswer(assistant, { question: q.question, user: { id: 'eval' } });
  return {
    id: q.id,
    question: q.question,
    answerable: q.answerable,
    ranked: ranked.map((f) => path.basename(f)),
    rank: rankIdx === -1 ? null : rankIdx + 1,
    relevantFlags,
    relevantCount: q.relevant.length,
    refused: answer.kind === 'refusal',
    mustContainOk: q.must_contain
      ? answer.kind !== 'refusal' && containsAll(answer.text, q.must_contain)
      : null,
    citations: answer.citations.length,
    validCitations: countValidCitations(answer),
    retrievalMs,
    answer: answer.text,
    kind: answer.kind,
    isFallback: answer.kind === 'extractive' && answer.notice !== null,
    groundedness: judge ? await judge(answer) : null,
    json: answerToJson(answer),
    ...quoteChecks(answer),
  };
}

function quoteChecks(answer: Answer): { boilerplate: string[]; repeatsQuote: boolean } {
  if (answer.kind === 'refusal') return { boilerplate: [], repeatsQuote: false };
  // The direct line („W skrócie: „…” [1]”) repeats a span of a quote by design; only the quotes count.
  const quotes = quotedSentences(answer.text).filter(
    (q, i, all) => !all.some((o, j) => j !== i && o.length > q.length && o.includes(q)),
  );
  const normalized = quotes.map((q) => normalizeWhitespace(q));
  return {
    boilerplate: [...new Set(quotes.flatMap(boilerplateKinds))],
    repeatsQuote: new Set(normalized).size < normalized.length,
  };
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Aggregates per-question results into the summary DESIGN.md specifies. */
export function summarize(
  results: readonly QuestionResult[],
  answerMode: 'llm' | 'extractive' = 'extractive',
): EvalSummary {
  const answerable = results.filter((r) => r.answerable);
  const unanswerable = results.filter((r) => !r.answerable);
  const recallAt = (k: number) =>
    meanOrNull(answerable.map((r) => (r.rank !== null && r.rank <= k ? 1 : 0)));
  const withFacts = results.filter((r) => r.mustContainOk !== null);
  const totalCitations = results.reduce((a, r) => a + r.citations, 0);
  const times = results.map((r) => r.retrievalMs);
  return {
    questions: results.length,
    recall_at_1: round(recallAt(1)),
    recall_at_5: round(recallAt(5)),
    recall_at_10: round(recallAt(10)),
    mrr_at_10: round(
      meanOrNull(answerable.map((r) => (r.rank !== null && r.rank <= 10 ? 1 / r.rank : 0))),
    ),
    ndcg_at_10: round(
      meanOrNull(answerable.map((r) => ndcgAt(10, r.relevantFlags, r.relevantCount))),
    ),
    answered: results.filter((r) => !r.refused).length,
    refused: results.filter((r) => r.refused).length,
    refusal_accuracy: round(meanOrNull(unanswerable.map((r) => (r.refused ? 1 : 0)))),
    false_refusal_rate: round(meanOrNull(answerable.map((r) => (r.refused ? 1 : 0)))),
    must_contain_rate: round(meanOrNull(withFacts.map((r) => (r.mustContainOk ? 1 : 0)))),
    citation_validity:
      totalCitations === 0
        ? null
        : round(results.reduce((a, r) => a + r.validCitations, 0) / totalCitations),
    retrieval_p50_ms: round(percentile(times, 50), 2),
    retrieval_p95_ms: round(percentile(times, 95), 2),
    boilerplate_rate: round(
      meanOrNull(results.filter((r) => !r.refused).map((r) => (r.boilerplate.length > 0 ? 1 : 0))),
    ),
    repeated_quote_rate: round(
      meanOrNull(results.filter((r) => !r.refused).map((r) => (r.repeatsQuote ? 1 : 0))),
    ),
    answer_mode: answerMode,
    llm_fallbacks: results.filter((r) => r.isFallback).length,
    groundedness: round(
      meanOrNull(results.flatMap((r) => (r.groundedness === null ? [] : [r.groundedness]))),
    ),
  };
}

/** One `--dump` line (DESIGN.md §3): the answer as `ask --json` gives it, plus the top letters with their ranks. */
export function dumpLine(r: QuestionResult): string {
  const { answer, refused, citations, missing } = r.json;
  return JSON.stringify({
    id: r.id,
    question: r.question,
    answerable: r.answerable,
    refused,
    ...(missing ? { missing } : {}),
    answer,
    citations,
    letters: r.ranked.map((file, i) => ({
      rank: i + 1,
      file,
      relevant: r.relevantFlags[i] ?? false,
    })),
    must_contain_ok: r.mustContainOk,
    boilerplate: r.boilerplate,
  });
}
