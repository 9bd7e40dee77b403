/**
 * The one consumer of the core's `AnswerEvent` stream that channels share
 * (Slack threads and commands, Teams, the CLI): each event goes to its
 * handler, the stream ends in exactly one `onFinal` or `onError`, and a
 * stream that ends without either is reported as `internal` — so no channel
 * re-writes the dispatch, the exhaustive check or the missing-final case.
 * The web console forwards the raw events instead (its page consumes them).
 */
import type { Answer, Citation } from '../answer/types.js';
import type { BotErrorCode } from '../errors.js';
import { USER_MESSAGES_PL } from '../messages.js';
import type { AnswerEvent } from './types.js';

/** A failed answer: the code and the Polish sentence to show. */
export interface AnswerFailure {
  readonly code: BotErrorCode;
  readonly text: string;
}

export interface AnswerEventHandlers<T> {
  /** A status line (`Szukam w archiwum…`). */
  readonly onStatus?: (
    text: string,
    stage: Extract<AnswerEvent, { type: 'status' }>['stage'],
  ) => Promise<void> | void;
  /** A piece of answer text, in order. */
  readonly onDelta?: (text: string) => Promise<void> | void;
  /** Sources known before the final answer. */
  readonly onCitations?: (citations: readonly Citation[]) => Promise<void> | void;
  /** The verified answer; its result is the consumer's. */
  readonly onFinal: (answer: Answer) => Promise<T> | T;
  /** An `error` event, or a stream that ended without `final` (`internal`). */
  readonly onError: (failure: AnswerFailure) => Promise<T> | T;
}

/**
 * Runs `events` to their end through `handlers` and returns what `onFinal`
 * or `onError` returned. Nothing after `final` or `error` is read.
 * @throws whatever the stream or a handler throws (channels decide how a
 * throw is shown: Slack posts a fresh sentence, Teams closes its stream).
 */
export async function consumeAnswerEvents<T>(
  events: AsyncIterable<AnswerEvent>,
  handlers: AnswerEventHandlers<T>,
): Promise<T> {
  for await (const event of events) {
    switch (event.type) {
      case 'status':
        await handlers.onStatus?.(event.text, event.stage);
        break;
      case 'delta':
        await handlers.onDelta?.(event.text);
        break;
      case 'citations':
        await handlers.onCitations?.(event.citations);
        break;
      // Awaited inside the loop: the stream is closed only after the handler is done, so the
      // producer (and whoever waits on it) never sees the answer finished before it is shown.
      case 'final':
        return await handlers.onFinal(event.answer);
      case 'error':
        return await handlers.onError({ code: event.code, text: event.text });
      default: {
        const unexpected: never = event;
        throw new Error(`unknown answer event: ${JSON.stringify(unexpected)}`);
      }
    }
  }
  // The core always ends with `final` or `error`; if not, say so rather than leave a half message.
  return handlers.onError({ code: 'internal', text: USER_MESSAGES_PL.internal });
}
