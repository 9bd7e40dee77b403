/**
 * Bolt, the Web API client and the Socket Mode client each log through
 * `@slack/logger`'s interface; this routes them into our pino logger so all
 * Slack lines land in one structured log (and pino's redaction applies).
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../logger.js';

const LEVELS: Record<string, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

/** Joins Bolt's variadic log arguments into one message (errors keep their message). */
function join(parts: readonly unknown[]): string {
  return parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');
}

/** Adapts a pino logger to Bolt's logger interface, under a `slack` child. */
export function toBoltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: 'slack' });
  return {
    debug: (...msg: unknown[]) => child.debug(join(msg)),
    info: (...msg: unknown[]) => child.info(join(msg)),
    warn: (...msg: unknown[]) => child.warn(join(msg)),
    error: (...msg: unknown[]) => child.error(join(msg)),
    // Our level is set once by LOG_LEVEL; Bolt's own setLevel calls are ignored on purpose.
    setLevel: () => undefined,
    getLevel: () => LEVELS[logger.level] ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
