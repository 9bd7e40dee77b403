/**
 * Follow-up condensation with the LLM: "A co z Yingkou?" after a question on
 * Liaoning becomes "Jak wyglądała współpraca Chorzowa z Yingkou?". Only the
 * user's turns and short assistant turns go in (the last few), so the prompt
 * stays small. On any failure the heuristic (`condenseQuestion`) is used.
 *
 * An English question is always sent (history or not): the archive is Polish,
 * so the model writes the Polish search query (`condense.en`), and the answer
 * is still written in English by the caller. Without the model, the English
 * dictionary bridge writes that query instead.
 */
import type { LlmClient } from '../answer/llm-client.js';
import { loadPrompt, promptMessages } from '../answer/load-prompt.js';
import { neutraliseTags } from '../answer/build-answer-messages.js';
import { neutraliseMarkup } from '../answer/neutralise-markup.js';
import { bridgeEnglish } from '../retrieval/bridge-english.js';
import { condenseQuestion } from './condense-question.js';
import type { ChatTurn } from './types.js';
import { LlmAbortedError } from '../errors.js';

/** Turns of history given to the model at most. */
const MAX_TURNS = 6;
/** Characters kept of each earlier turn (assistant answers can be long). */
const MAX_TURN_CHARS = 500;

export interface CondenseWithLlmOptions {
  readonly question: string;
  readonly history: readonly ChatTurn[];
  readonly language: 'pl' | 'en';
  readonly llm: LlmClient;
  readonly signal?: AbortSignal;
  /** Told when the model failed and the heuristic was used instead. */
  readonly onFallback?: (error: unknown) => void;
}

/** True when `text` has no link, web address, mention or tag (what a rewritten question never needs). */
function isPlainQuestion(text: string): boolean {
  return neutraliseMarkup(text) === text && !/[<>]/.test(text);
}

/**
 * A standalone question for retrieval. For Polish without history the
 * question is returned as is (no LLM call); for English the result is always
 * a Polish search query.
 * @throws {LlmAbortedError} when `signal` aborts; other failures fall back.
 */
export async function condenseWithLlm({
  question,
  history,
  language,
  llm,
  signal,
  onFallback,
}: CondenseWithLlmOptions): Promise<string> {
  if (history.length === 0 && language === 'pl') return question;
  // Without the model's query, an English question is searched with its dictionary bridge.
  const fallback = () => {
    const standalone = history.length > 0 ? condenseQuestion(question, history) : question;
    return language === 'en' ? bridgeEnglish(standalone).query || standalone : standalone;
  };
  const lines = history
    .slice(-MAX_TURNS)
    // History is data: its tag look-alikes cannot close `<historia>`, as letters cannot close `<zrodlo>`.
    .map(
      (turn) =>
        `${turn.role === 'user' ? (language === 'pl' ? 'Użytkownik' : 'User') : language === 'pl' ? 'Asystent' : 'Assistant'}: ${neutraliseTags(turn.text.replace(/\s+/g, ' ').slice(0, MAX_TURN_CHARS))}`,
    );
  const prompt = loadPrompt('condense', language);
  try {
    const reply = await llm.complete(
      promptMessages(prompt, {
        history: lines.join('\n') || (language === 'pl' ? '(brak)' : '(none)'),
        question: neutraliseTags(question),
      }),
      {
        ...(signal ? { signal } : {}),
        temperature: 0,
        maxTokens: 200,
      },
    );
    const standalone =
      reply
        .trim()
        .split('\n')[0]
        ?.replace(/^["„“]|["”]$/g, '')
        .trim() ?? '';
    // A reply that is empty or rambles is not a question we can search with.
    if (standalone.length < 3 || standalone.length > 4 * Math.max(question.length, 80))
      return fallback();
    // A rewrite adds no addresses, mentions or tags; one that does followed something in the history.
    if (!isPlainQuestion(standalone)) {
      onFallback?.(new Error('condensed question carried links, mentions or tags'));
      return fallback();
    }
    return standalone;
  } catch (error) {
    if (error instanceof LlmAbortedError) throw error;
    onFallback?.(error);
    return fallback();
  }
}
