/**
 * Per-user question limit, as a wrapper around any `Assistant`: one councillor
 * pasting a script into Slack must not exhaust the LLM budget for everyone.
 * A sliding one-minute window per user id, kept in memory (limits are per bot
 * instance, which is what protects that instance).
 */
import type { DraftReply } from '../answer/draft-reply.js';
import { RateLimitedError } from '../errors.js';
import { USER_MESSAGES_PL } from '../messages.js';
import type { AnswerEvent, AnswerRequest, Assistant, DraftRequest } from './types.js';

export interface RateLimitOptions {
  /** Questions per user per minute; 0 turns the limit off. */
  readonly perMinute: number;
  readonly now?: () => number;
  /**
   * The budget to count against; by default a new one. The composition root
   * passes one limiter to the answers and to archive reads (`ArchiveReader`),
   * so an MCP client searching in a loop spends the same budget as chat.
   */
  readonly limiter?: RateLimiter;
}

/** One per-user budget of requests per minute, shared by whoever holds it. */
export interface RateLimiter {
  /** Counts one request for `userId`; false when the user is over the limit (nothing is counted then). */
  admit(userId: string | undefined): boolean;
}

const WINDOW_MS = 60_000;

/** A sliding one-minute window per user id; `perMinute` 0 admits everything. */
export function createRateLimiter({
  perMinute,
  now = Date.now,
}: Pick<RateLimitOptions, 'perMinute' | 'now'>): RateLimiter {
  const recent = new Map<string, number[]>();
  return {
    admit(userId) {
      if (perMinute <= 0) return true;
      const user = userId ?? 'anonymous';
      const t = now();
      const times = (recent.get(user) ?? []).filter((at) => t - at < WINDOW_MS);
      const isAdmitted = times.length < perMinute;
      if (isAdmitted) times.push(t);
      recent.set(user, times);
      return isAdmitted;
    },
  };
}

/**
 * Wraps `assistant` so each user gets at most `perMinute` answers and drafts
 * (one budget: both call the LLM) per minute; further answers get a
 * `rate_limited` error event, further drafts a `RateLimitedError`.
 */
export function withRateLimit(
  assistant: Assistant,
  { perMinute, now = Date.now, limiter }: RateLimitOptions,
): Assistant {
  if (perMinute <= 0) return assistant;
  const { admit } = limiter ?? createRateLimiter({ perMinute, now });
  return {
    async *answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
      if (!admit(request.user?.id)) {
        yield { type: 'error', code: 'rate_limited', text: USER_MESSAGES_PL.rate_limited };
        return;
      }
      yield* assistant.answer(request);
    },
    async draft(request: DraftRequest): Promise<DraftReply> {
      if (!admit(request.user?.id))
        throw new RateLimitedError(
          `draft rate limit reached for ${request.user?.id ?? 'anonymous'}`,
        );
      return assistant.draft(request);
    },
  };
}
