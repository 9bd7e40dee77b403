/**
 * What an answer is, independent of how it was made (LLM or extractive) and
 * of the channel that shows it.
 */
import type { SearchHit } from '../archive/types.js';

/** A source the answer cites as `[n]`. `n` is 1-based and refers to `sources[n-1]`. */
export interface Citation {
  readonly n: number;
  readonly letterId: string;
  readonly file: string;
  readonly page: number | null;
  readonly reference: string | null;
  readonly date: string | null;
  readonly author: string | null;
  readonly authorRole: string | null;
  readonly title: string | null;
  readonly url: string | null;
  readonly ocr: boolean;
  /** Verbatim text from the cited passage that supports the claim. */
  readonly quote: string;
  /** Other copies of the same letter in the archive (a scan and its text, a second file), named as „także: …”. */
  readonly also?: readonly string[];
  /** The letter's access group, set only for restricted letters (channels label them, e.g. Teams' sensitivity label). */
  readonly accessGroup?: string;
}

interface AnswerBase {
  /** Answer text with `[n]` markers (no sources list; channels render `citations`). */
  readonly text: string;
  /** Only the sources the text actually cites, in `n` order. */
  readonly citations: readonly Citation[];
  /** Passages that were retrieved and shown to the answerer, in rank order. */
  readonly passages: readonly SearchHit[];
  /** The standalone question actually searched for (after follow-up condensation). */
  readonly question: string;
  /** Language the answer is written in. */
  readonly language: 'pl' | 'en';
}

/** An answer written by the LLM from numbered passages. */
export interface LlmAnswer extends AnswerBase {
  readonly kind: 'llm';
  readonly model: string;
  /** `[n]` markers removed because they named no given passage. */
  readonly removedCitations: number;
  /** Quoted fragments (`„…”`) not found verbatim in the cited passage. */
  readonly unverifiedQuotes: readonly string[];
}

/** An answer assembled from the best sentences of the passages. */
export interface ExtractiveAnswer extends AnswerBase {
  readonly kind: 'extractive';
  /** Why the extractive path was taken, when it was a fallback (e.g. LLM timeout). */
  readonly notice: string | null;
}

/** The archive holds no answer: said plainly, with no source invented. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly text: string;
  readonly question: string;
  readonly passages: readonly SearchHit[];
  readonly citations: readonly [];
  readonly language: 'pl' | 'en';
  /** The question's constraints (year, place, figure…) that no retrieved letter states, when that is why it was refused. */
  readonly missing?: readonly string[];
}

export type Answer = LlmAnswer | ExtractiveAnswer | Refusal;
