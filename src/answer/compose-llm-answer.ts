/**
 * The answer written by the LLM: numbered passages in, streamed text out,
 * then the citations verified against the passages. Pieces of text are
 * yielded as they arrive (channels stream them); the return value is the
 * final, verified answer, or a refusal when the model says the passages do
 * not answer.
 */
import type { SearchHit } from '../archive/types.js';
import { ANSWER_TEXT } from '../messages.js';
import { buildAnswerMessages, NO_ANSWER_MARKER } from './build-answer-messages.js';
import type { LlmClient } from './llm-client.js';
import type { LlmAnswer, Refusal } from './types.js';
import { verifyCitations } from './verify-citations.js';

export interface ComposeLlmAnswerOptions {
  readonly question: string;
  readonly hits: readonly SearchHit[];
  readonly language: 'pl' | 'en';
  readonly llm: LlmClient;
  readonly signal?: AbortSignal;
}

/** True while `text` could still turn out to be the no-answer marker. */
function couldBeMarker(text: string): boolean {
  const t = text.trimStart();
  return NO_ANSWER_MARKER.startsWith(t) || t.startsWith(NO_ANSWER_MARKER);
}

/** True when the model replied that the passages do not answer. */
export function isNoAnswer(text: string): boolean {
  return text
    .trim()
    .replace(/[.!"'„”]/g, '')
    .trim()
    .startsWith(NO_ANSWER_MARKER);
}

/**
 * Streams the LLM's answer and returns it verified.
 * @throws {LlmTimeoutError | LlmFailedError | LlmAbortedError} from the client.
 */
export async function* composeLlmAnswer({
  question,
  hits,
  language,
  llm,
  signal,
}: ComposeLlmAnswerOptions): AsyncGenerator<string, LlmAnswer | Refusal> {
  const { messages } = buildAnswerMessages({ question, hits, language });
  let text = '';
  // Held back while the reply might be the no-answer marker, which users must not see.
  let held = '';
  let isDecided = false;
  for await (const piece of llm.stream(messages, {
    ...(signal ? { signal } : {}),
    temperature: 0,
  })) {
    text += piece;
    if (isDecided) {
      yield piece;
      continue;
    }
    held += piece;
    if (couldBeMarker(text)) continue;
    isDecided = true;
    yield held;
    held = '';
  }
  if (isNoAnswer(text)) {
    return {
      kind: 'refusal',
      text: ANSWER_TEXT[language].refusal,
      question,
      passages: hits,
      citations: [],
      language,
    };
  }
  if (held) yield held;
  const verified = verifyCitations({ text, hits });
  const t = ANSWER_TEXT[language];
  const notes: string[] = [];
  if (verified.citations.length === 0) notes.push(t.ungrounded);
  if (verified.unverifiedQuotes.length > 0)
    notes.push(t.unverifiedQuotes(verified.unverifiedQuotes.length));
  return {
    kind: 'llm',
    text: [verified.text, ...notes].join('\n\n'),
    citations: verified.citations,
    passages: hits,
    question,
    language,
    model: llm.model,
    removedCitations: verified.removedCitations,
    unverifiedQuotes: verified.unverifiedQuotes,
  };
}
