/**
 * Login throttling for the web console, per client address: the shared
 * token must not be guessable by trying. After `maxFailures` wrong tokens
 * within `windowMs`, that address is refused (HTTP 429 with `Retry-After`)
 * until its oldest failure leaves the window. Kept in memory, bounded.
 */

export interface LoginThrottleOptions {
  readonly maxFailures?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
  /** Addresses remembered at most (the oldest are forgotten first). */
  readonly maxAddresses?: number;
}

export interface LoginThrottle {
  /** Milliseconds until `address` may try again; 0 when it may now. */
  retryAfterMs(address: string): number;
  /** Records a wrong token from `address`. */
  recordFailure(address: string): void;
  /** A right token clears the address's failures. */
  recordSuccess(address: string): void;
}

/** Creates the throttle (5 failures per 15 minutes by default). */
export function createLoginThrottle({
  maxFailures = 5,
  windowMs = 15 * 60_000,
  now = Date.now,
  maxAddresses = 10_000,
}: LoginThrottleOptions = {}): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (address: string): number[] => {
    const t = now();
    const times = (failures.get(address) ?? []).filter((at) => t - at < windowMs);
    if (times.length === 0) failures.delete(address);
    else failures.set(address, times);
    return times;
  };
  return {
    retryAfterMs(address) {
      const times = recent(address);
      if (times.length < maxFailures) return 0;
      return Math.max(1, times[times.length - maxFailures]! + windowMs - now());
    },
    recordFailure(address) {
      const times = recent(address);
      failures.delete(address);
      failures.set(address, [...times, now()]);
      if (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
    recordSuccess(address) {
      failures.delete(address);
    },
  };
}
