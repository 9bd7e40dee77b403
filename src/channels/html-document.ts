/**
 * The HTML document around every page the server renders itself (console,
 * admin page, letter viewer): Polish, no referrer sent on (a letter's signed
 * link must not leak to another site), inline style allowed only by the
 * response's CSP nonce.
 */
import { escapeHtml } from './escape-html.js';

export interface HtmlDocument {
  readonly nonce: string;
  readonly title: string;
  readonly css: string;
  readonly body: string;
  /** Asks search engines not to index the page (the viewer shows letters). */
  readonly isNoIndex?: boolean;
}

export function htmlDocument({ nonce, title, css, body, isNoIndex = false }: HtmlDocument): string {
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${isNoIndex ? '<meta name="robots" content="noindex">\n' : ''}<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${css}</style>
</head>
<body>
${body}
</body>
</html>`;
}
