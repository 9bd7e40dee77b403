/**
 * When an MCP call's records are written: after its HTTP reply (see
 * `ReadRequestBase.afterReply`).
 */
import type http from 'node:http';
import type { Logger } from '../../logger.js';

/**
 * Holds a call's records (the reader's log line and audit row) until the
 * response is out: `close` comes once the reply has gone to the socket, or
 * when the client went away first, and a record that arrives after that runs
 * at once. So the reply does not wait for the audit's commit (an fsync, about
 * 0.3 ms per call), and a call is still recorded when its client disconnects.
 */
export function recordAfterReply(
  res: http.ServerResponse,
  logger: Logger,
): (record: () => void) => void {
  const pending: (() => void)[] = [];
  let closed = false;
  // The reply is gone: a failing record (a full disk) can only be logged, and must not take the server down.
  const run = (record: () => void) => {
    try {
      record();
    } catch (error) {
      logger.error({ err: error }, 'mcp call not recorded');
    }
  };
  res.once('close', () => {
    closed = true;
    for (const record of pending.splice(0)) run(record);
  });
  return (record) => {
    if (closed) run(record);
    else pending.push(record);
  };
}
