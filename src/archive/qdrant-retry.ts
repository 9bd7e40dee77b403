/**
 * Retries for Qdrant calls. A busy or restarting cluster answers 429 or 5xx,
 * or a request times out; an ingest of thousands of letters must ride through
 * that instead of failing half way. Client errors (4xx other than 429) are
 * bugs or bad input and fail at once.
 */
import {
  QdrantClientResourceExhaustedError,
  QdrantClientTimeoutError,
} from '@qdrant/js-client-rest';
import { IndexUnavailableError } from '../errors.js';

export interface RetryOptions {
  /** Attempts after the first one. */
  readonly retries?: number;
  /** First back-off delay; doubles each attempt, with jitter. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Injected so tests do not wait for real time. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Injected so tests get deterministic delays. */
  readonly random?: () => number;
  /** Called before each retry, e.g. to log it. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** True for failures worth another attempt: rate limits, server errors, timeouts, dropped connections. */
export function isRetryableQdrantError(error: unknown): boolean {
  if (
    error instanceof QdrantClientResourceExhaustedError ||
    error instanceof QdrantClientTimeoutError
  )
    return true;
  const status = statusOf(error);
  if (status !== undefined) return status === 429 || status === 408 || status >= 500;
  // fetch reports refused or reset connections as a TypeError ("fetch failed") with a system-error cause.
  // Matched by shape, not class: undici's TypeError comes from Node's own realm, which is not the caller's under a VM (Jest).
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return (
    name === 'TypeError' &&
    typeof message === 'string' &&
    /fetch failed|network|socket/i.test(message)
  );
}

/**
 * Runs `operation`, retrying retryable failures with exponential back-off.
 * A `Retry-After` hint from a 429 is honoured when it is longer than the back-off.
 * @throws {IndexUnavailableError} once retries of a retryable failure (outage, 5xx, timeout) are used up, with the last error as `cause`.
 * @throws the first non-retryable error as it is (a 4xx is a bug or bad input, not an outage).
 */
export async function withRetry<T>(
  operation: () => Promise<T>,
  {
    retries = 5,
    baseDelayMs = 200,
    maxDelayMs = 10_000,
    sleep = defaultSleep,
    random = Math.random,
    onRetry,
  }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isRetryableQdrantError(error)) throw error;
      if (attempt > retries) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new IndexUnavailableError(`index unreachable after ${attempt} attempts: ${reason}`, {
          cause: error,
        });
      }
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
      const hinted =
        error instanceof QdrantClientResourceExhaustedError ? error.retry_after * 1000 : 0;
      const delayMs = Math.min(maxDelayMs, Math.max(backoff, hinted));
      onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** Maps `items` through `worker` with at most `concurrency` in flight; results keep input order. */
export async function mapBounded<T, R>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from(
    { length: Math.max(1, Math.min(concurrency, items.length)) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await worker(items[i] as T);
      }
    },
  );
  await Promise.all(lanes);
  return results;
}
