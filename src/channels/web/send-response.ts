/**
 * Small response writers shared by the console's routes: JSON, and the one
 * Polish sentence a rejected request gets.
 */
import type http from 'node:http';
import type { Logger } from '../../logger.js';
import { USER_MESSAGES_PL } from '../../messages.js';
import { BadPayloadError } from './web-payloads.js';

/** Headers every console response carries: nothing cached, nothing sniffed, no referrer leaks. */
export const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

/** Writes `body` as JSON. */
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * Answers a rejected body with `{error: 'bad_request', message}` (Polish);
 * the reason goes to the log. Anything that is not a `BadPayloadError` is rethrown.
 * @throws the original error when it is not about the payload.
 */
export function sendBadPayload(res: http.ServerResponse, error: unknown, logger: Logger): void {
  if (!(error instanceof BadPayloadError)) throw error;
  logger.warn({ reason: error.message, status: error.status }, 'web console: bad request');
  sendJson(res, error.status, { error: 'bad_request', message: USER_MESSAGES_PL.bad_request });
}
