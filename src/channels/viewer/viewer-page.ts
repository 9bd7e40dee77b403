/**
 * The viewer's HTML: the letter's card, the cited quote, and either the PDF
 * page (drawn in the browser by pdf.js, highlight from the text layer or the
 * scan's OCR boxes) or the extracted text with the quote in `<mark>`. Every
 * value is escaped; the only scripts are the page's own (nonce) and pdf.js
 * from this server (`'self'`).
 */
import type { Letter } from '../../archive/types.js';
import { VIEWER_TEXT } from '../../messages.js';
import { escapeHtml } from '../escape-html.js';
import { htmlDocument } from '../html-document.js';
import { VIEWER_SCRIPT } from './viewer-script.js';

/** CSP: own scripts (nonce) plus pdf.js and its worker from this origin; nothing external. */
export function viewerSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'self'`,
    `style-src 'nonce-${nonce}'`,
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "font-src 'self' data: blob:",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CSS = `
:root { color-scheme: light dark; --accent: #0b5cad; --muted: #595959; --hl: rgb(255 200 0 / .45); }
@media (prefers-color-scheme: dark) { :root { --accent: #8cc4ff; --muted: #b0b0b0; } }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem; }
h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0 0 1rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; }
blockquote { margin: 0 0 1rem; padding: .5rem 1rem; border-left: 4px solid var(--accent); }
nav.pages { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin: .5rem 0; }
button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
.status { color: var(--muted); min-height: 1.5em; }
.error { color: #b00020; }
.page { position: relative; margin: 0 auto; box-shadow: 0 0 4px #0006; background: #fff; --scale-round-x: 1px; --scale-round-y: 1px; }
.page canvas { display: block; }
.textLayer { position: absolute; text-align: initial; inset: 0; overflow: clip; opacity: 1; line-height: 1; transform-origin: 0 0; z-index: 0;
  --min-font-size: 1; --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size)); --min-font-size-inv: calc(1 / var(--min-font-size)); }
.textLayer :is(span, br) { color: transparent; position: absolute; white-space: pre; cursor: text; transform-origin: 0% 0%; }
.textLayer > :not(.markedContent), .textLayer .markedContent span:not(.markedContent) { z-index: 1; --font-height: 0;
  font-size: calc(var(--text-scale-factor) * var(--font-height)); --scale-x: 1; --rotate: 0deg;
  transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv)); }
.textLayer .markedContent { display: contents; }
.textLayer mark.hl { position: static; background: var(--hl); color: transparent; }
.boxes { position: absolute; inset: 0; pointer-events: none; }
.boxes div { position: absolute; background: var(--hl); mix-blend-mode: multiply; }
article.text { white-space: pre-wrap; border-top: 1px solid #8886; padding-top: 1rem; }
article.text mark { background: var(--hl); color: inherit; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

function page(nonce: string, title: string, body: string): string {
  return htmlDocument({ nonce, title, css: CSS, body, isNoIndex: true });
}

/** The refusal: one sentence, nothing of the letter. */
export function renderRefusalPage({ nonce, text }: { nonce: string; text: string }): string {
  return page(
    nonce,
    VIEWER_TEXT.title,
    `<main><h1>${escapeHtml(VIEWER_TEXT.title)}</h1><p class="error" role="alert" id="refusal">${escapeHtml(text)}</p></main>`,
  );
}

/** JSON safe inside `<script type="application/json">`. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface ViewerPageOptions {
  readonly nonce: string;
  readonly letter: Letter;
  readonly quote: string;
  /** The passage's page, or null. */
  readonly page: number | null;
  /** Download link (same signature), or null when the original is not served. */
  readonly fileUrl: string | null;
  /** PDF mode: the page is drawn by pdf.js from `fileUrl`; `highlightUrl` gives OCR boxes for scans. */
  readonly pdf: { readonly highlightUrl: string } | null;
  /** Text mode: the text shown, with the quote's range in it (null: not found). */
  readonly text: {
    readonly body: string;
    readonly ranges: readonly { start: number; end: number }[] | null;
  } | null;
}

function metaRow(label: string, value: string | null): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value ?? VIEWER_TEXT.unknown)}</dd>`;
}

/** The viewer page for one citation. */
export function renderViewerPage({
  nonce,
  letter,
  quote,
  page: cited,
  fileUrl,
  pdf,
  text,
}: ViewerPageOptions): string {
  const t = VIEWER_TEXT;
  const h = escapeHtml;
  const author = letter.author
    ? letter.authorRole
      ? `${letter.author} (${letter.authorRole})`
      : letter.author
    : null;
  const heading = [letter.reference, letter.date, letter.title].filter(Boolean).join(' · ');
  const meta = [
    metaRow(t.reference, letter.reference),
    metaRow(t.date, letter.date),
    metaRow(t.author, author),
    metaRow(t.addressee, letter.addressee),
    metaRow(t.subject, letter.title),
    metaRow(t.received, letter.receivedDate),
    metaRow(t.ocr, letter.ocr ? t.ocrYes(letter.ocrConfidence ?? null) : t.ocrNo),
    metaRow(t.file, letter.file),
  ].join('\n');
  const pageLabel = cited === null ? h(t.pageUnknown) : h(t.pageOf(cited, letter.pages));
  const download = fileUrl
    ? `<p><a id="download" href="${h(fileUrl)}&amp;download=1" download>${h(t.download)}</a></p>`
    : `<p class="status">${h(t.noOriginal)}</p>`;
  let content: string;
  if (pdf && fileUrl && cited !== null) {
    const data = {
      fileUrl,
      highlightUrl: pdf.highlightUrl,
      page: cited,
      pages: letter.pages,
      quote,
      isOcr: letter.ocr,
      texts: {
        pageOf: t.pageOf(0, 0),
        loading: t.loading,
        recognising: t.recognising,
        quoteNotFound: t.quoteNotFound,
        renderFailed: t.renderFailed,
        continuesOnNext: t.continuesOnNext,
        citedPage: t.citedPage(cited),
      },
    };
    content = `<nav class="pages" aria-label="${h(t.pageOf(cited, letter.pages))}">
<button type="button" id="prev">${h(t.previous)}</button>
<span id="page-label" aria-live="polite">${pageLabel}</span>
<button type="button" id="next">${h(t.next)}</button>
<button type="button" id="cited" hidden>${h(t.backToCited)}</button>
</nav>
<p id="viewer-status" class="status" role="status">${h(t.loading)}</p>
<div id="page" class="page"><canvas id="canvas"></canvas><div id="text-layer" class="textLayer"></div><div id="boxes" class="boxes"></div></div>
<script type="application/json" id="viewer-data" nonce="${nonce}">${scriptJson(data)}</script>
<script type="module" nonce="${nonce}">${VIEWER_SCRIPT}</script>`;
  } else {
    const body = text?.body ?? '';
    const ranges = text?.ranges ?? null;
    let marked = '';
    let at = 0;
    // In the letter's order; `data-fragment` keeps the quote's order for reading the highlight back.
    const ordered = (ranges ?? [])
      .map((r, fragment) => ({ ...r, fragment }))
      .sort((a, b) => a.start - b.start);
    for (const r of ordered) {
      if (r.start < at) continue;
      marked += `${h(body.slice(at, r.start))}<mark data-hl data-fragment="${r.fragment}">${h(body.slice(r.start, r.end))}</mark>`;
      at = r.end;
    }
    marked += h(body.slice(at));
    const range = ranges;
    content = `<p id="page-label">${pageLabel}</p>
${range ? '' : `<p class="status">${h(t.quoteNotFound)}</p>`}
<article class="text" id="letter-text">${marked}</article>
<script nonce="${nonce}">document.body.dataset.highlight = ${range ? "'text'" : "'not-found'"}; var m = document.querySelector('mark[data-hl]'); if (m) m.scrollIntoView({ block: 'center' });</script>`;
  }
  return page(
    nonce,
    `${letter.reference ?? letter.file} — ${t.title}`,
    `<main>
<h1>${h(heading || letter.file)}</h1>
<dl class="meta">
${meta}
</dl>
${download}
<h2 class="visually-hidden">${h(t.quoteHeading)}</h2>
<blockquote id="quote">„${h(quote)}”</blockquote>
${content}
</main>`,
  );
}
