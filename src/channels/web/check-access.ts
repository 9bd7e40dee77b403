/**
 * Who may use the staff web console: whoever knows `WEB_CONSOLE_TOKEN`.
 * Scripts send it as `Authorization: Bearer …`; people type it once into the
 * login form and get a session cookie. The cookie holds an HMAC derived from
 * the token, not the token itself, so a copied cookie does not reveal the
 * secret, and rotating the token logs everyone out. Every comparison is
 * constant-time over equal-length digests.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { AccessDeniedError } from '../../errors.js';

/** Name of the session cookie the login form sets. */
export const SESSION_COOKIE = 'kancelaria_console';

/** Cookie lifetime: one working week, then staff type the token again. */
const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/** Checks request credentials against the shared console token. */
export interface ConsoleAccess {
  /**
   * Passes when the request carries the right bearer token or session cookie.
   * @throws {AccessDeniedError} naming what was wrong (for the log; users see the code's sentence).
   */
  authorize(req: http.IncomingMessage): void;
  /** True when `candidate` (typed into the login form) is the token. */
  isToken(candidate: string): boolean;
  /** `Set-Cookie` value that logs the browser in. */
  sessionCookie(req: http.IncomingMessage): string;
  /** `Set-Cookie` value that logs the browser out. */
  clearedCookie(req: http.IncomingMessage): string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Constant-time string equality: both sides are hashed to 32 bytes first, so lengths never leak. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Reads one cookie from the `Cookie` header. */
export function readCookie(req: http.IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** HTTPS directly or behind a proxy that says so: the cookie is then marked `Secure`. */
function isHttps(req: http.IncomingMessage): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return (
    Boolean((req.socket as { encrypted?: boolean }).encrypted) ||
    proto?.split(',')[0]?.trim() === 'https'
  );
}

/** Name of the admin page's session cookie: a staff session never opens the admin page. */
export const ADMIN_SESSION_COOKIE = 'kancelaria_admin';

/**
 * Builds the access check for `token` (the configured `WEB_CONSOLE_TOKEN`, or
 * `WEB_ADMIN_TOKEN` with the admin cookie and purpose, so the two sessions never stand in for each other).
 */
export function createConsoleAccess(
  token: string,
  { cookieName = SESSION_COOKIE, purpose = 'kancelaria web console session v1' } = {},
): ConsoleAccess {
  const session = createHmac('sha256', token).update(purpose).digest('base64url');
  const cookie = (req: http.IncomingMessage, value: string, maxAge: number) =>
    `${cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(req) ? '; Secure' : ''}`;
  return {
    authorize(req) {
      const auth = req.headers.authorization;
      if (auth) {
        const match = /^Bearer\s+(.+)$/i.exec(auth.trim());
        if (!match) throw new AccessDeniedError('web console: authorization is not a bearer token');
        if (!safeEqual(match[1]!, token))
          throw new AccessDeniedError('web console: wrong bearer token');
        return;
      }
      const value = readCookie(req, cookieName);
      if (value === null) throw new AccessDeniedError('web console: no token and no session');
      if (!safeEqual(value, session))
        throw new AccessDeniedError('web console: stale or forged session cookie');
    },
    isToken: (candidate) => safeEqual(candidate.trim(), token),
    sessionCookie: (req) => cookie(req, session, SESSION_MAX_AGE_S),
    clearedCookie: (req) => cookie(req, '', 0),
  };
}
