/**
 * The console's admin page and its small JSON API, mounted when
 * `WEB_ADMIN_TOKEN` is set. It has its own secret and session cookie: the
 * staff token is shared by every clerk and staff names are self-declared, so
 * neither can make someone an admin. Status and reindex go through
 * `admin` (audited, one reindex at a time across Slack, Teams and here) as
 * the identity `web:admin`; uploads go into ARCHIVE_DIR for the next sync.
 *
 * Routes: `GET /admin`, `POST /admin/login`, `POST /admin/logout`,
 * `GET /admin/api/status`, `POST /admin/api/reindex` (start), `GET /admin/api/progress`,
 * `POST /admin/upload?name=…` (raw body), `GET /admin/feedback.csv|.json`.
 */
import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import { exportFeedback } from '../../assistant/export-feedback.js';
import { AccessDeniedError } from '../../errors.js';
import { SUPPORTED_EXTENSIONS } from '../../../ingest/extract/extract-file.js';
import { ADMIN_TEXT, USER_MESSAGES_PL, WEB_TEXT } from '../../messages.js';
import { readBody, type HttpRoute } from '../../server.js';
import type { ChannelDeps } from '../channel-adapter.js';
import { renderAdminLoginPage, renderAdminPage } from './admin-page.js';
import { ADMIN_SESSION_COOKIE, createConsoleAccess, type ConsoleAccess } from './check-access.js';
import { contentSecurityPolicy } from './console-page.js';
import { saveUpload, UploadRefusedError, type UploadRefusal } from './save-upload.js';
import { BASE_HEADERS, sendJson } from './send-response.js';
import type { LoginThrottle } from './throttle-logins.js';
import { clientAddress } from './web-payloads.js';

/** Who the admin page acts as in the audit log: the secret names no person. */
export const WEB_ADMIN_USER = 'web:admin';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

/** The reindex the page started last, as the progress endpoint reports it. */
interface ReindexJob {
  state: 'idle' | 'running' | 'done' | 'failed';
  done: number;
  total: number;
  summary: string | null;
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}

function sendHtml(res: http.ServerResponse, status: number, n: string, html: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': contentSecurityPolicy(n),
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

function redirect(res: http.ServerResponse, cookie: string): void {
  res.writeHead(303, { ...BASE_HEADERS, location: '/admin', 'set-cookie': cookie });
  res.end();
}

/**
 * Reads the raw upload, at most `maxBytes`: a larger body is read to its end
 * (so the client gets the answer, not a reset connection) but not kept.
 * @returns the bytes, or null when the body was too large.
 */
async function readUpload(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes ? null : Buffer.concat(chunks);
}

/** One Polish sentence per refusal, naming the limit where there is one. */
export function uploadRefusalText(reason: UploadRefusal, maxMb: number): string {
  const r = ADMIN_TEXT.uploadRefused;
  if (reason === 'bad_type') return r.bad_type(SUPPORTED_EXTENSIONS.join(', '));
  if (reason === 'too_large') return r.too_large(maxMb);
  return r[reason];
}

const UPLOAD_STATUS: Readonly<Record<UploadRefusal, number>> = {
  no_archive: 503,
  bad_name: 400,
  bad_type: 415,
  bad_content: 415,
  too_large: 413,
  empty: 400,
  exists: 409,
};

export interface AdminRoutesOptions {
  readonly loginThrottle: LoginThrottle;
}

/**
 * Builds the admin routes.
 * @throws {Error} when `config.WEB_ADMIN_TOKEN` is not set.
 */
export function createAdminRoutes(
  { config, admin, store, logger }: Pick<ChannelDeps, 'config' | 'admin' | 'store' | 'logger'>,
  { loginThrottle }: AdminRoutesOptions,
): HttpRoute[] {
  const token = config.WEB_ADMIN_TOKEN;
  if (!token) throw new Error('createAdminRoutes needs WEB_ADMIN_TOKEN');
  const access: ConsoleAccess = createConsoleAccess(token, {
    cookieName: ADMIN_SESSION_COOKIE,
    purpose: 'kancelaria web admin session v1',
  });
  const maxBytes = config.INGEST_MAX_FILE_MB * 1024 * 1024;
  let job: ReindexJob = { state: 'idle', done: 0, total: 0, summary: null };

  const guard =
    (handler: Handler, { isPage = false } = {}): Handler =>
    (req, res) => {
      try {
        access.authorize(req);
      } catch (error) {
        if (!(error instanceof AccessDeniedError)) throw error;
        logger.warn({ path: req.url, reason: error.message }, 'web admin: unauthorized request');
        if (isPage) {
          const n = nonce();
          return sendHtml(res, 401, n, renderAdminLoginPage({ nonce: n, failedText: '' }));
        }
        res.setHeader('www-authenticate', 'Bearer realm="kancelaria-admin"');
        return sendJson(res, 401, { error: 'unauthorized', message: USER_MESSAGES_PL[error.code] });
      }
      return handler(req, res);
    };

  /** Runs an admin command as the web admin; `detail` goes to the audit log. */
  const run = (command: string, detail: string | null = null) =>
    admin.run({ channel: 'web', userId: WEB_ADMIN_USER, isAdmin: true, command, detail });

  const readStatus = async () => {
    const result = run('status');
    if (result.kind !== 'status') throw new Error(`admin status answered ${result.kind}`);
    return result.read();
  };

  return [
    {
      method: 'GET',
      path: '/admin',
      handle: guard(
        async (_req, res) => {
          const n = nonce();
          const html = renderAdminPage({
            nonce: n,
            status: await readStatus(),
            lastSync: store.lastSync(),
            feedback: store.listFeedback().reverse(),
          });
          sendHtml(res, 200, n, html);
        },
        { isPage: true },
      ),
    },
    {
      method: 'POST',
      path: '/admin/login',
      async handle(req, res) {
        const address = clientAddress(req);
        const wait = loginThrottle.retryAfterMs(address);
        const failed = (status: number) => {
          const n = nonce();
          sendHtml(
            res,
            status,
            n,
            renderAdminLoginPage({ nonce: n, isFailed: true, failedText: WEB_TEXT.loginFailed }),
          );
        };
        if (wait > 0) {
          logger.warn({ remote: address }, 'web admin: login throttled');
          res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
          return failed(429);
        }
        const form = new URLSearchParams(await readBody(req, 10_000));
        if (access.isToken(form.get('token') ?? '')) {
          loginThrottle.recordSuccess(address);
          store.audit({
            channel: 'web',
            userId: WEB_ADMIN_USER,
            action: 'login',
            allowed: true,
            detail: address,
          });
          return redirect(res, access.sessionCookie(req));
        }
        loginThrottle.recordFailure(address);
        store.audit({
          channel: 'web',
          userId: WEB_ADMIN_USER,
          action: 'login',
          allowed: false,
          detail: address,
        });
        logger.warn({ remote: address }, 'web admin: failed login');
        return failed(401);
      },
    },
    {
      method: 'POST',
      path: '/admin/logout',
      handle: (req, res) => redirect(res, access.clearedCookie(req)),
    },
    {
      method: 'GET',
      path: '/admin/api/status',
      handle: guard(async (_req, res) => {
        sendJson(res, 200, { status: await readStatus(), lastSync: store.lastSync() });
      }),
    },
    {
      method: 'POST',
      path: '/admin/api/reindex',
      handle: guard((_req, res) => {
        const result = run('reindex');
        if (result.kind === 'reindex_busy')
          return sendJson(res, 409, { state: 'running', message: ADMIN_TEXT.reindexRunning });
        if (result.kind !== 'reindex_started')
          throw new Error(`admin reindex answered ${result.kind}`);
        const current: ReindexJob = { state: 'running', done: 0, total: 0, summary: null };
        job = current;
        result
          .start((line) => {
            // app.reindex reports `done/total` every 100 files and at the end.
            const match = /^(\d+)\/(\d+)$/.exec(line);
            if (match) {
              current.done = Number(match[1]);
              current.total = Number(match[2]);
            }
          })
          .then(
            (summary) => {
              current.state = 'done';
              current.summary = summary;
            },
            (error: unknown) => {
              current.state = 'failed';
              logger.error({ err: error }, 'web admin: reindex failed');
            },
          );
        sendJson(res, 202, { state: 'running' });
      }),
    },
    {
      method: 'GET',
      // Its own path: the server routes by path first, so GET and POST cannot share one.
      path: '/admin/api/progress',
      handle: guard((_req, res) => sendJson(res, 200, job)),
    },
    {
      method: 'POST',
      path: '/admin/upload',
      handle: guard(async (req, res) => {
        const name = new URL(req.url ?? '/', 'http://localhost').searchParams.get('name') ?? '';
        const bytes = await readUpload(req, maxBytes);
        try {
          if (!bytes) throw new UploadRefusedError('too_large');
          const stored = await saveUpload({ archiveDir: config.archiveDir, maxBytes, name, bytes });
          store.audit({
            channel: 'web',
            userId: WEB_ADMIN_USER,
            action: 'upload',
            allowed: true,
            detail: stored,
          });
          sendJson(res, 201, { file: stored, message: ADMIN_TEXT.uploaded(stored) });
        } catch (error) {
          if (!(error instanceof UploadRefusedError)) throw error;
          store.audit({
            channel: 'web',
            userId: WEB_ADMIN_USER,
            action: 'upload',
            allowed: false,
            detail: `${error.reason}: ${name.slice(0, 200)}`,
          });
          sendJson(res, UPLOAD_STATUS[error.reason], {
            error: error.reason,
            message: uploadRefusalText(error.reason, config.INGEST_MAX_FILE_MB),
          });
        }
      }),
    },
    ...(['csv', 'json'] as const).map((format): HttpRoute => ({
      method: 'GET',
      path: `/admin/feedback.${format}`,
      handle: guard((_req, res) => {
        res.writeHead(200, {
          ...BASE_HEADERS,
          'content-type':
            format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="kancelaria-oceny.${format}"`,
        });
        res.end(exportFeedback(store, format));
      }),
    })),
  ];
}
