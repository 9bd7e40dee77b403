/**
 * Signed, expiring links to the letter viewer (`/letters/:id?page=…&q=…`).
 * A link names the letter, the cited page, the quote, the user it was made
 * for and its expiry; an HMAC-SHA256 over all of them (the quote as its
 * SHA-256) makes each one tamper-evident, so the viewer can trust the page
 * and the user it is told about, and a forwarded or edited link opens
 * nothing it was not made for. Signed in one place (`withViewerLinks`), checked in one
 * (`verify`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** What a link asserts. */
export interface LetterLinkClaims {
  readonly letterId: string;
  /** The passage's page, or null where the format has none. */
  readonly page: number | null;
  readonly quote: string;
  /** Channel-qualified user id the link was made for (`slack:U123`, `web:anna`). */
  readonly userId: string;
  /** Expiry, Unix seconds. */
  readonly expiresAt: number;
}

/** The query parameters a link carries (everything but the letter id, which is in the path). */
export interface LetterLinkQuery {
  readonly page?: string | null;
  readonly q?: string | null;
  readonly u?: string | null;
  readonly exp?: string | null;
  readonly sig?: string | null;
}

export type VerifyLinkResult =
  | { readonly status: 'ok'; readonly claims: LetterLinkClaims }
  /** Missing or wrong signature, or a field edited after signing. */
  | { readonly status: 'tampered' }
  /** Signature right, expiry past. */
  | { readonly status: 'expired'; readonly claims: LetterLinkClaims };

export interface LetterLinks {
  /** Path and query of the viewer for one citation (`/letters/…?page=…&sig=…`), valid for the TTL. */
  signPath(claims: Omit<LetterLinkClaims, 'expiresAt'>): string;
  /** The absolute link (`PUBLIC_BASE_URL` + `signPath`). */
  signUrl(claims: Omit<LetterLinkClaims, 'expiresAt'>): string;
  /** Checks a link's signature first, then its expiry. */
  verify(letterId: string, query: LetterLinkQuery): VerifyLinkResult;
}

export interface LetterLinksOptions {
  /** `LINK_SIGNING_KEY`. */
  readonly key: string;
  /** `PUBLIC_BASE_URL`; a trailing slash is ignored. */
  readonly baseUrl: string;
  /** `LINK_TTL_S`. */
  readonly ttlSeconds: number;
  readonly now?: () => Date;
}

/** Version prefix of the signed text, so a later format cannot be confused with this one. */
const SIGNED_VERSION = 'kancelaria-letter-link-v1';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** Builds the signer and checker over one key. */
export function createLetterLinks({
  key,
  baseUrl,
  ttlSeconds,
  now = () => new Date(),
}: LetterLinksOptions): LetterLinks {
  const base = baseUrl.replace(/\/+$/, '');
  // Newline-separated: no field can contain one (ids are hashes, user ids have no controls, the quote is hashed).
  const sign = (c: LetterLinkClaims): string =>
    createHmac('sha256', key)
      .update(
        [
          SIGNED_VERSION,
          c.letterId,
          c.page ?? '',
          sha256(c.quote),
          c.userId,
          String(c.expiresAt),
        ].join('\n'),
      )
      .digest('base64url');
  const signPath = (claims: Omit<LetterLinkClaims, 'expiresAt'>): string => {
    const full = { ...claims, expiresAt: Math.floor(now().getTime() / 1000) + ttlSeconds };
    const query = new URLSearchParams({
      ...(full.page !== null ? { page: String(full.page) } : {}),
      q: full.quote,
      u: full.userId,
      exp: String(full.expiresAt),
      sig: sign(full),
    });
    return `/letters/${encodeURIComponent(full.letterId)}?${query.toString()}`;
  };
  return {
    signPath,
    signUrl: (claims) => `${base}${signPath(claims)}`,
    verify(letterId, { page, q, u, exp, sig }) {
      if (!q || !u || !exp || !sig || !/^\d{1,12}$/.test(exp)) return { status: 'tampered' };
      if (page != null && page !== '' && !/^[1-9]\d{0,5}$/.test(page))
        return { status: 'tampered' };
      const claims: LetterLinkClaims = {
        letterId,
        page: page ? Number(page) : null,
        quote: q,
        userId: u,
        expiresAt: Number(exp),
      };
      const expected = Buffer.from(sign(claims));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { status: 'tampered' };
      if (claims.expiresAt * 1000 <= now().getTime()) return { status: 'expired', claims };
      return { status: 'ok', claims };
    },
  };
}
