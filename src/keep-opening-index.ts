/**
 * Opens the archive index in the background until it works, with capped
 * exponential back-off, so that `serve` starts (health checks, channels) while
 * Qdrant is still down and picks the index up when Qdrant comes back. The
 * last failure is kept for `/healthz`.
 */
import type { Logger } from './logger.js';

export interface IndexOpener {
  /** Why the index is not open yet, or null once it is. */
  problem(): string | null;
  /** Resolves after the first attempt (succeeded or not). */
  readonly firstAttempt: Promise<void>;
  stop(): void;
}

export interface KeepOpeningIndexOptions {
  readonly open: () => Promise<unknown>;
  readonly logger: Logger;
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
}

export function keepOpeningIndex({
  open,
  logger,
  minDelayMs = 1000,
  maxDelayMs = 30_000,
}: KeepOpeningIndexOptions): IndexOpener {
  let problem: string | null = 'opening';
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const attempt = async (delayMs: number): Promise<void> => {
    try {
      await open();
      problem = null;
      logger.info('archive index open');
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      if (stopped) return;
      logger.warn(
        { err: error, retryInMs: delayMs },
        'the archive index cannot be opened yet; retrying in the background',
      );
      timer = setTimeout(() => void attempt(Math.min(maxDelayMs, delayMs * 2)), delayMs);
      timer.unref();
    }
  };
  const firstAttempt = attempt(minDelayMs);
  return {
    problem: () => problem,
    firstAttempt,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
