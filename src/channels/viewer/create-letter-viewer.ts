/**
 * The letter viewer: where every `[n]` of Slack, Teams and the web console
 * leads when `PUBLIC_BASE_URL` is set. A small channel of its own, because it
 * must work without the console (a Slack-only office) and answers no
 * question; it only opens what the core cited.
 *
 * Routes: `GET /letters/:id` (the page), `GET /letters/:id/file` (the
 * original, streamed from the archive folder), `GET /letters/:id/highlight`
 * (OCR boxes of the quote on a scanned page), `GET /viewer/pdf*.mjs` (pdf.js
 * from `pdfjs-dist`). Each letter route checks the link's signature and
 * expiry, then the signed user's access groups as configured now (a revoked
 * group closes the link); a link made for a console user (`web:…`) also
 * needs the console's session, so it does not open outside the console.
 * A refusal is one sentence and nothing of the letter.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type http from 'node:http';
import { createOcrPool, type OcrPool } from '../../../ingest/extract/ocr-pool.js';
import type { Config } from '../../config.js';
import { createLetterLinks, type LetterLinkClaims } from '../../assistant/sign-letter-links.js';
import type { LetterRecord } from '../../assistant/read-letter.js';
import { safeLogField } from '../../logger.js';
import { VIEWER_TEXT } from '../../messages.js';
import type { HttpRoute } from '../../server.js';
import type { ChannelAdapter, ChannelDeps } from '../channel-adapter.js';
import { createConsoleAccess } from '../web/check-access.js';
import { BASE_HEADERS, sendJson } from '../web/send-response.js';
import { FAVICON_ROUTE } from '../web/serve-favicon.js';
import { locateQuote } from './locate-quote.js';
import { highlightOcrWords, readOcrWords } from './read-ocr-words.js';
import { renderRefusalPage, renderViewerPage, viewerSecurityPolicy } from './viewer-page.js';

const PDFJS_BUILD = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'build',
);
/** The only files `/viewer/` serves. */
const ASSETS: Readonly<Record<string, string>> = {
  'pdf.min.mjs': path.join(PDFJS_BUILD, 'pdf.min.mjs'),
  'pdf.worker.min.mjs': path.join(PDFJS_BUILD, 'pdf.worker.min.mjs'),
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.eml': 'message/rfc822',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

export interface LetterViewerOptions {
  readonly now?: () => Date;
  /** OCR for scanned pages' highlight boxes; default one lazily started worker. */
  readonly ocr?: OcrPool;
}

type Refusal = keyof typeof VIEWER_TEXT.refused;
const REFUSAL_STATUS: Readonly<Record<Refusal, number>> = {
  tampered: 403,
  otherUser: 403,
  restricted: 403,
  expired: 410,
  notFound: 404,
};

/**
 * The access groups `ACCESS_GROUPS` gives a signed user id now. An id with an
 * `@instance` suffix (unnamed console users) has its base id's groups, as in
 * `identifyUser`; Teams in emulator mode vouches for nobody.
 */
export function signedUserGroups(
  config: Pick<Config, 'ACCESS_GROUPS' | 'TEAMS_EMULATOR'>,
  userId: string,
): readonly string[] {
  if (config.TEAMS_EMULATOR && userId.startsWith('teams:')) return [];
  const direct = config.ACCESS_GROUPS[userId];
  if (direct) return direct;
  const at = userId.lastIndexOf('@');
  return at > userId.indexOf(':') ? (config.ACCESS_GROUPS[userId.slice(0, at)] ?? []) : [];
}

function nonce(): string {
  return randomBytes(16).toString('base64');
}

function sendHtml(res: http.ServerResponse, status: number, n: string, html: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': viewerSecurityPolicy(n),
    'x-frame-options': 'DENY',
  });
  res.end(html);
}

function isPdf(file: string): boolean {
  return /\.pdf$/i.test(file);
}

/**
 * Builds the viewer's routes.
 * @throws {Error} without PUBLIC_BASE_URL and LINK_SIGNING_KEY (the registry mounts it only with both) or without `deps.letters`.
 */
export function createLetterViewer(
  { config, letters, logger }: ChannelDeps,
  { now, ocr: givenOcr }: LetterViewerOptions = {},
): ChannelAdapter {
  const key = config.LINK_SIGNING_KEY;
  const baseUrl = config.PUBLIC_BASE_URL;
  if (!key || !baseUrl)
    throw new Error('createLetterViewer needs PUBLIC_BASE_URL and LINK_SIGNING_KEY');
  if (!letters) throw new Error('createLetterViewer needs the letter reader (deps.letters)');
  const reader = letters;
  const links = createLetterLinks({
    key,
    baseUrl,
    ttlSeconds: config.LINK_TTL_S,
    ...(now ? { now } : {}),
  });
  const consoleAccess = config.WEB_CONSOLE_TOKEN
    ? createConsoleAccess(config.WEB_CONSOLE_TOKEN)
    : null;
  let ocr: OcrPool | null = givenOcr ?? null;
  const recognizer = (): OcrPool => (ocr ??= createOcrPool({ workers: 1 }));
  const cacheDir = path.join(config.dataDir, 'viewer-ocr');

  interface Opened {
    readonly claims: LetterLinkClaims;
    readonly record: LetterRecord;
    /** The signed parameters, re-encoded, for the page's file and highlight links. */
    readonly query: string;
  }
  type Checked = Opened | { readonly refusal: Refusal };

  /** Signature, expiry, the console session for `web:` users, then the letter and its access group. */
  async function check(req: http.IncomingMessage, letterId: string, url: URL): Promise<Checked> {
    const p = url.searchParams;
    const verdict = links.verify(letterId, {
      page: p.get('page'),
      q: p.get('q'),
      u: p.get('u'),
      exp: p.get('exp'),
      sig: p.get('sig'),
    });
    const refuse = (refusal: Refusal, userId?: string): Checked => {
      logger.warn(
        { letterId: safeLogField(letterId), user: userId ? safeLogField(userId) : null, refusal },
        'viewer: link refused',
      );
      return { refusal };
    };
    if (verdict.status === 'tampered') return refuse('tampered');
    if (verdict.status === 'expired') return refuse('expired', verdict.claims.userId);
    const { claims } = verdict;
    if (claims.userId.startsWith('web:') && consoleAccess) {
      try {
        consoleAccess.authorize(req);
      } catch {
        return refuse('otherUser', claims.userId);
      }
    }
    const record = await reader.read(letterId);
    if (!record) return refuse('notFound', claims.userId);
    const group = record.letter.accessGroup;
    if (group !== null && !signedUserGroups(config, claims.userId).includes(group))
      return refuse('restricted', claims.userId);
    // The signed parameters only, re-encoded: nothing else from the request is echoed into the page.
    const query = new URLSearchParams({
      ...(claims.page !== null ? { page: String(claims.page) } : {}),
      q: claims.quote,
      u: claims.userId,
      exp: String(claims.expiresAt),
      sig: p.get('sig') ?? '',
    }).toString();
    return { claims, record, query };
  }

  async function showPage(res: http.ServerResponse, checked: Opened) {
    const { claims, record, query } = checked;
    const { letter, passages } = record;
    const base = `/letters/${encodeURIComponent(letter.id)}`;
    const original = await reader.originalPath(letter);
    const fileUrl = original ? `${base}/file?${query}` : null;
    const n = nonce();
    const isPdfPage = original !== null && isPdf(original) && claims.page !== null;
    // Text formats (and a PDF whose file is gone): the extracted text of the cited page, quote marked.
    let text: { body: string; ranges: ReturnType<typeof locateQuote> } | null = null;
    if (!isPdfPage) {
      const onPage = passages.filter((p) => claims.page === null || p.page === claims.page);
      const join = (list: typeof passages) => list.map((p) => p.text).join('\n\n');
      let body = join(onPage);
      let ranges = locateQuote(body, claims.quote);
      if (!ranges) {
        body = join(passages);
        ranges = locateQuote(body, claims.quote);
      }
      text = { body, ranges };
    }
    sendHtml(
      res,
      200,
      n,
      renderViewerPage({
        nonce: n,
        letter,
        quote: claims.quote,
        page: claims.page,
        fileUrl,
        pdf: isPdfPage ? { highlightUrl: `${base}/highlight?${query}` } : null,
        text,
      }),
    );
  }

  async function sendFile(
    res: http.ServerResponse,
    { record }: { record: LetterRecord },
    isDownload: boolean,
  ): Promise<void> {
    const file = await reader.originalPath(record.letter);
    if (!file) {
      const n = nonce();
      sendHtml(res, 404, n, renderRefusalPage({ nonce: n, text: VIEWER_TEXT.noOriginal }));
      return;
    }
    const name = path.basename(file);
    res.writeHead(200, {
      ...BASE_HEADERS,
      'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(fs.statSync(file).size),
      'content-disposition': `${isDownload ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`,
      'content-security-policy': "default-src 'none'; sandbox",
    });
    await new Promise<void>((resolve, reject) => {
      const stream = fs.createReadStream(file);
      stream.on('error', reject);
      res.on('close', () => {
        stream.destroy();
        resolve();
      });
      stream.pipe(res);
    });
  }

  async function sendHighlight(
    res: http.ServerResponse,
    { claims, record }: { claims: LetterLinkClaims; record: LetterRecord },
  ): Promise<void> {
    const file = await reader.originalPath(record.letter);
    if (!file || !isPdf(file) || claims.page === null || !record.letter.ocr) {
      sendJson(res, 200, { found: false });
      return;
    }
    const words = await readOcrWords({
      letter: record.letter,
      file,
      page: claims.page,
      recognizer: recognizer(),
      cacheDir,
    });
    const highlight = highlightOcrWords(words, claims.quote);
    sendJson(res, 200, highlight ? { found: true, ...highlight } : { found: false });
  }

  const routes: HttpRoute[] = [
    {
      method: 'GET',
      path: '/letters/*',
      async handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const [rawId = '', sub = '', ...rest] = url.pathname.slice('/letters/'.length).split('/');
        let letterId: string;
        try {
          letterId = decodeURIComponent(rawId);
        } catch {
          letterId = '';
        }
        if (!letterId || rest.length > 0 || !['', 'file', 'highlight'].includes(sub)) {
          sendJson(res, 404, { error: 'not_found' });
          return;
        }
        const checked = await check(req, letterId, url);
        if ('refusal' in checked) {
          const text = VIEWER_TEXT.refused[checked.refusal];
          const status = REFUSAL_STATUS[checked.refusal];
          if (sub === 'highlight') {
            sendJson(res, status, { error: checked.refusal, message: text });
            return;
          }
          const n = nonce();
          sendHtml(res, status, n, renderRefusalPage({ nonce: n, text }));
          return;
        }
        if (sub === 'file') await sendFile(res, checked, url.searchParams.get('download') === '1');
        else if (sub === 'highlight') await sendHighlight(res, checked);
        else await showPage(res, checked);
      },
    },
    {
      method: 'GET',
      path: '/viewer/*',
      handle(req, res) {
        const name = new URL(req.url ?? '/', 'http://localhost').pathname.slice('/viewer/'.length);
        const file = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
        if (!file) {
          sendJson(res, 404, { error: 'not_found' });
          return;
        }
        res.writeHead(200, {
          'content-type': 'text/javascript; charset=utf-8',
          // The installed pdfjs-dist changes only with a deploy; a day's caching keeps page opens fast.
          'cache-control': 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
        });
        fs.createReadStream(file).pipe(res);
      },
    },
    FAVICON_ROUTE,
  ];
  return {
    name: 'viewer',
    routes,
    describe: () => 'on',
    start: async () => undefined,
    async stop() {
      await ocr?.close();
    },
  };
}
