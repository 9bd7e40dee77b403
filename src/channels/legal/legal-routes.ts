/**
 * `GET /privacy` and `GET /terms`: the pages the Teams app manifest points at
 * (Teams refuses a manifest without them and links them from the app's
 * details). Static HTML, Polish first, then English; nothing is loaded from
 * elsewhere, so the pages work on an intranet too.
 */
import type { HttpRoute } from '../../server.js';
import { escapeHtml } from '../escape-html.js';
import { LEGAL_TEXTS, type LegalPage, type LegalText } from './legal-texts.js';

/** Where each page is served; the Teams manifest uses the same paths. */
export const LEGAL_PATHS: Record<LegalPage, string> = { privacy: '/privacy', terms: '/terms' };

function section(lang: 'pl' | 'en', text: LegalText): string {
  const paragraphs = text.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return `<section lang="${lang}">\n<h1>${escapeHtml(text.title)}</h1>\n${paragraphs}\n</section>`;
}

/** The whole page for `page`, both languages. */
export function renderLegalPage(page: LegalPage): string {
  const { pl, en } = LEGAL_TEXTS[page];
  return `<!doctype html>
<html lang="pl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(pl.title)}</title></head>
<body>
${section('pl', pl)}
<hr>
${section('en', en)}
</body>
</html>
`;
}

/** Both routes, ready for the one server. */
export function legalPageRoutes(): HttpRoute[] {
  return (Object.keys(LEGAL_PATHS) as LegalPage[]).map((page) => {
    const body = renderLegalPage(page);
    return {
      method: 'GET',
      path: LEGAL_PATHS[page],
      handle: (_req, res) => {
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'",
          'x-content-type-options': 'nosniff',
        });
        res.end(body);
      },
    };
  });
}
