/**
 * The staff web console: a thin adapter over the assistant core, like the
 * Slack and Teams channels, mounted on the one HTTP server when
 * `WEB_CONSOLE_TOKEN` is set. Clerks ask the archive (answer streamed with
 * `[n]` and sources) and draft official replies they download as DOCX.
 *
 * Routes: `GET /` (page, or the login form with 401), `POST /login`,
 * `POST /logout`, `POST /api/ask` (event stream), `POST /api/draft` (JSON),
 * `POST /api/draft.docx` (Word file), `GET /favicon.ico`. Everything but login/logout/favicon needs the
 * token as a bearer header or the session cookie. With `WEB_ADMIN_TOKEN` also the admin page
 * under `/admin` (`admin-routes.ts`), behind its own secret.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { AccessDeniedError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { USER_MESSAGES_PL } from '../../messages.js';
import { readBody, type HttpRoute } from '../../server.js';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.js';
import { createConsoleAccess, type ConsoleAccess } from './check-access.js';
import { contentSecurityPolicy, renderConsolePage, renderLoginPage } from './console-page.js';
import { createAdminRoutes } from './admin-routes.js';
import { createDraftHandlers } from './draft-routes.js';
import { BASE_HEADERS, sendBadPayload, sendJson } from './send-response.js';
import { streamAnswer } from './stream-answer.js';
import { FAVICON_ROUTE } from './serve-favicon.js';
import { createFeedback } from '../../assistant/feedback.js';
import { createLoginThrottle, type LoginThrottle } from './throttle-logins.js';
import { clientAddress, feedbackPayload, readJsonPayload, staffIdentity } from './web-payloads.js';

/** Tuning of the console beyond `ChannelDeps`; every field has a production default. */
export interface WebConsoleOptions {
  readonly now?: () => Date;
  /** Wrong tokens per client address (default: 5 per 15 minutes, then HTTP 429). */
  readonly loginThrottle?: LoginThrottle;
}

/** The console's `ChannelAdapter`: only routes on the one server. */
export type WebConsole = ChannelAdapter;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

function sendHtml(res: http.ServerResponse, status: number, nonce: string, html: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(nonce),
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

function redirectHome(res: http.ServerResponse, cookie: string): void {
  res.writeHead(303, { ...BASE_HEADERS, location: '/', 'set-cookie': cookie });
  res.end();
}

/**
 * API routes answer a missing or wrong token (`AccessDeniedError`) with 401
 * JSON carrying the code's Polish sentence; the page with the login form.
 */
function requireAccess(
  access: ConsoleAccess,
  logger: Logger,
  handler: Handler,
  { isPage = false } = {},
): Handler {
  return (req, res) => {
    try {
      access.authorize(req);
    } catch (error) {
      if (!(error instanceof AccessDeniedError)) throw error;
      logger.warn(
        {
          path: req.url,
          reason: error.message,
          hasAuthorization: Boolean(req.headers.authorization),
        },
        'web console: unauthorized request',
      );
      if (isPage) {
        const n = nonce();
        return sendHtml(res, 401, n, renderLoginPage({ nonce: n }));
      }
      res.setHeader('www-authenticate', 'Bearer realm="kancelaria"');
      return sendJson(res, 401, { error: 'unauthorized', message: USER_MESSAGES_PL[error.code] });
    }
    return handler(req, res);
  };
}

/** A fresh CSP nonce per HTML response. */
function nonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Builds the console's routes.
 * @throws {Error} when `config.WEB_CONSOLE_TOKEN` is not set (`serve` mounts the console only when it is).
 */
export function createWebConsole(
  { config, assistant, logger, store, admin }: ChannelDeps,
  { now, loginThrottle = createLoginThrottle() }: WebConsoleOptions = {},
): WebConsole {
  const token = config.WEB_CONSOLE_TOKEN;
  if (!token) throw new Error('createWebConsole needs WEB_CONSOLE_TOKEN');
  const access = createConsoleAccess(token);
  const drafts = createDraftHandlers({ config, assistant, store, logger, ...(now ? { now } : {}) });
  const feedback = createFeedback({ store, logger });
  const guard = (handler: Handler, options?: { isPage?: boolean }) =>
    requireAccess(access, logger, handler, options);

  const routes: HttpRoute[] = [
    {
      method: 'GET',
      path: '/',
      handle: guard(
        (_req, res) => {
          const n = nonce();
          sendHtml(res, 200, n, renderConsolePage({ nonce: n }));
        },
        { isPage: true },
      ),
    },
    {
      method: 'POST',
      path: '/login',
      async handle(req, res) {
        const address = clientAddress(req);
        const wait = loginThrottle.retryAfterMs(address);
        if (wait > 0) {
          logger.warn({ remote: address }, 'web console: login throttled');
          res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
          const n = nonce();
          sendHtml(res, 429, n, renderLoginPage({ nonce: n, isFailed: true }));
          return;
        }
        const form = new URLSearchParams(await readBody(req, 10_000));
        if (access.isToken(form.get('token') ?? '')) {
          loginThrottle.recordSuccess(address);
          logger.info('web console: login');
          redirectHome(res, access.sessionCookie(req));
          return;
        }
        loginThrottle.recordFailure(address);
        logger.warn({ remote: address }, 'web console: failed login');
        const n = nonce();
        sendHtml(res, 401, n, renderLoginPage({ nonce: n, isFailed: true }));
      },
    },
    {
      method: 'POST',
      path: '/logout',
      handle: (req, res) => redirectHome(res, access.clearedCookie(req)),
    },
    {
      method: 'POST',
      path: '/api/ask',
      handle: guard((req, res) => streamAnswer({ config, assistant, logger, feedback }, req, res)),
    },
    {
      method: 'POST',
      path: '/api/feedback',
      handle: guard(async (req, res) => {
        let payload;
        try {
          payload = await readJsonPayload(req, feedbackPayload);
        } catch (error) {
          sendBadPayload(res, error, logger);
          return;
        }
        const user = staffIdentity(config, payload.staff, clientAddress(req));
        const outcome = feedback.record({
          channel: 'web',
          userId: user.id,
          answerKey: payload.answerKey,
          conversationId: user.id,
          messageId: payload.answerKey,
          rating: payload.rating,
          comment: payload.comment ?? null,
          // A bare thumb without its question says nothing (as in Slack): dropped, and the page says so.
          isKeptWithoutAnswer: Boolean(payload.comment),
        });
        sendJson(res, outcome === 'dropped' ? 404 : 200, { outcome });
      }),
    },
    { method: 'POST', path: '/api/draft', handle: guard(drafts.draftJson) },
    { method: 'POST', path: '/api/draft.docx', handle: guard(drafts.draftDocx) },
    FAVICON_ROUTE,
    // One throttle for both secrets: guesses at either count against the same address.
    ...(config.WEB_ADMIN_TOKEN
      ? createAdminRoutes({ config, admin, store, logger }, { loginThrottle })
      : []),
  ];
  return {
    name: 'web',
    routes,
    describe: () => (config.WEB_ADMIN_TOKEN ? 'on, admin page on' : 'on'),
    // Requests arrive through the server; a stream still open ends when the server closes its connections.
    start: async () => undefined,
    stop: async () => undefined,
  };
}
