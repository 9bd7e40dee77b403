/**
 * How the CLI prints an answer: as text for people, or as the JSON object
 * that DESIGN.md fixes for scripts (`kancelaria ask --json`).
 */
import { toAnswerView } from '../answer/to-answer-view.js';
import type { Answer } from '../answer/types.js';

/** The `--json` shape of `kancelaria ask` (a public contract: keep field names). */
export interface AskJson {
  readonly answer: string;
  readonly refused: boolean;
  readonly citations: {
    n: number;
    letterId: string;
    file: string;
    page: number | null;
    reference: string | null;
    date: string | null;
    author: string | null;
    quote: string;
  }[];
  readonly passages: {
    letterId: string;
    file: string;
    page: number | null;
    score: number;
    text: string;
  }[];
  /** On a refusal because the archive lacks what the question names (a year, place, figure…): what is missing. */
  readonly missing?: string[];
  /** Present (true) when an LLM is configured but failed, and the answer is the extractive fallback; `notice` says why. */
  readonly llmFallback?: true;
  readonly notice?: string;
}

export function answerToJson(answer: Answer): AskJson {
  return {
    answer: answer.text,
    refused: answer.kind === 'refusal',
    citations: answer.citations.map((c) => ({
      n: c.n,
      letterId: c.letterId,
      file: c.file,
      page: c.page,
      reference: c.reference,
      date: c.date,
      author: c.author,
      quote: c.quote,
    })),
    passages: answer.passages.map((h) => ({
      letterId: h.letter.id,
      file: h.letter.file,
      page: h.passage.page,
      score: h.score,
      text: h.passage.text,
    })),
    ...(answer.kind === 'refusal' && answer.missing?.length
      ? { missing: [...answer.missing] }
      : {}),
    // Scripts must be able to tell a degraded answer from a normal one.
    ...(answer.kind === 'extractive' && answer.notice !== null
      ? { llmFallback: true as const, notice: answer.notice }
      : {}),
  };
}

/** Human-readable answer: notice (if any), text, then the sources list. */
export function answerToText(answer: Answer): string {
  const view = toAnswerView(answer);
  return [view.notice, view.text, view.sourcesText].filter(Boolean).join('\n\n');
}
