/**
 * Structured logging (pino). Loggers are passed in; nothing else writes to the
 * console except the CLI's own output.
 */
import { pino, destination, type Logger } from 'pino';

export type { Logger };

/** Creates the process logger; writes JSON lines to stderr so stdout stays clean for `--json` output. */
export function createLogger(level: string = 'info'): Logger {
  return pino(
    { level, redact: ['token', 'password', 'apiKey', 'authorization', '*.authorization'] },
    destination(2),
  );
}

/** A logger that drops everything, for tests and quiet CLI runs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** Strips control characters from user-supplied text before it reaches a log line. */
export function safeLogField(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
