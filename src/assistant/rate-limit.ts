/**
 * Per-user question limit, as a wrapper around any `Assistant`: one councillor
 * pasting a script into Slack must not exhaust the LLM budget for everyone.
 * A sliding one-minute window per user id, kept in memory (limits are per bot
 * instance, which is what protects that instance).
 */
import { USER_MESSAGES_PL } from '../messages.js';
import type { AnswerEvent, AnswerRequest, Assistant } from './types.js';

export interface RateLimitOptions {
  /** Questions per user per minute; 0 turns the limit off. */
  readonly perMinute: number;
  readonly now?: () => number;
}

const WINDOW_MS = 60_000;

/** Wraps `assistant` so each user gets at most `perMinute` answers per minute; the rest get a `rate_limited` error event. */
export function withRateLimit(assistant: Assistant, { perMinute, now = Date.now }: RateLimitOptions): Assistant {
  if (perMinute <= 0) return assistant;
  const recent = new Map<string, number[]>();
  return {
    async *answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
      const user = request.user?.id ?? 'anonymous';
      const t = now();
      const times = (recent.get(user) ?? []).filter((at) => t - at < WINDOW_MS);
      if (times.length >= perMinute) {
        recent.set(user, times);
        yield { type: 'error', code: 'rate_limited', text: USER_MESSAGES_PL.rate_limited };
        return;
      }
      times.push(t);
      recent.set(user, times);
      yield* assistant.answer(request);
    },
  };
}
