/**
 * The console's HTML: the login form and the one self-contained page
 * (inline CSS and script under a per-response CSP nonce; no external assets,
 * so it works on an offline intranet). Polish labels come from `WEB_TEXT`.
 */
import { ANSWER_TEXT, WEB_TEXT } from '../../messages.js';
import { CONSOLE_SCRIPT } from './console-script.js';
import { escapeHtml } from '../escape-html.js';
import { htmlDocument } from '../html-document.js';

/** JSON safe inside `<script type="application/json">`: no `</script>` can close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Content-Security-Policy for a page whose only script and style carry `nonce`. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const CSS = `
:root { color-scheme: light dark; --accent: #0b5cad; --muted: #595959; }
@media (prefers-color-scheme: dark) { :root { --accent: #8cc4ff; --muted: #b0b0b0; } }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; }
header { display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
h1 { font-size: 1.4rem; margin: 0; }
h2 { font-size: 1.15rem; margin-top: 2rem; }
section { border-top: 1px solid #8886; }
label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
input, textarea { font: inherit; width: 100%; box-sizing: border-box; padding: .4rem; }
textarea { min-height: 5rem; }
#draft-text { min-height: 20rem; }
button { font: inherit; padding: .4rem 1rem; margin-top: .75rem; cursor: pointer; }
button:disabled { cursor: progress; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.answer { white-space: pre-wrap; }
.status, .notice { color: var(--muted); min-height: 1.5em; }
.error { color: #b00020; }
a.cite { text-decoration: none; font-weight: 600; }
q.quote { display: block; color: var(--muted); font-size: .9em; }
ol.sources li { margin-bottom: .5rem; }
.inline { display: inline; }
ol.conversation { list-style: none; padding: 0; }
ol.conversation > li { border-left: 3px solid var(--accent); padding: 0 0 .5rem 1rem; margin-bottom: 1.5rem; }
.turn-question { font-weight: 600; }
.feedback button { margin-right: .5rem; }
.feedback button[aria-pressed="true"] { outline: 2px solid var(--accent); }
button.link { background: none; border: 0; padding: 0; margin: 0; color: var(--accent); text-decoration: underline; text-align: left; }
button.link[aria-current="true"] { font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
`;

/** The HTML document around `body`, with the console's style; the admin page uses it too. */
export function page(nonce: string, body: string, title: string = WEB_TEXT.title): string {
  return htmlDocument({ nonce, title, css: CSS, body });
}

/** The login form (shown with 401 to a browser without a session). */
export function renderLoginPage({
  nonce,
  isFailed = false,
}: {
  nonce: string;
  isFailed?: boolean;
}): string {
  const t = WEB_TEXT;
  return page(
    nonce,
    `<main>
<h1>${escapeHtml(t.title)}</h1>
<h2>${escapeHtml(t.loginHeading)}</h2>
<p>${escapeHtml(t.loginIntro)}</p>
${isFailed ? `<p class="error" role="alert">${escapeHtml(t.loginFailed)}</p>` : ''}
<form method="post" action="/login">
<label for="token">${escapeHtml(t.loginLabel)}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">${escapeHtml(t.loginButton)}</button>
</form>
</main>`,
  );
}

/** The console: question box with streamed answer and sources, and the reply-draft form. */
export function renderConsolePage({ nonce }: { nonce: string }): string {
  const t = WEB_TEXT;
  const a = ANSWER_TEXT.pl;
  const texts = { ...t, noReference: a.noReference, noDate: a.noDate, page: a.page, ocr: a.ocr };
  const h = escapeHtml;
  return page(
    nonce,
    `<header>
<h1>${h(t.title)}</h1>
<form method="post" action="/logout" class="inline"><button type="submit">${h(t.logout)}</button></form>
</header>
<main>
<label for="staff">${h(t.staffLabel)}</label>
<input id="staff" name="staff" autocomplete="off" maxlength="64" aria-describedby="staff-hint">
<p id="staff-hint" class="status">${h(t.staffHint)}</p>

<nav id="recent" aria-labelledby="recent-heading" hidden>
<h2 id="recent-heading">${h(t.recentHeading)}</h2>
<ol id="recent-list" class="recent"></ol>
</nav>

<section aria-labelledby="ask-heading">
<h2 id="ask-heading">${h(t.askHeading)}</h2>
<h3 class="visually-hidden">${h(t.conversationHeading)}</h3>
<ol id="conversation" class="conversation" aria-live="polite"></ol>
<form id="ask-form">
<label for="question">${h(t.askLabel)}</label>
<textarea id="question" name="question" required maxlength="2000" placeholder="${h(t.askPlaceholder)}"></textarea>
<button type="submit">${h(t.askButton)}</button>
<button type="button" id="new-conversation">${h(t.newConversation)}</button>
</form>
<p id="ask-status" class="status" role="status" aria-live="polite"></p>
<h3 class="visually-hidden">${h(t.answerHeading)}</h3>
<div id="answer" class="answer" aria-live="polite"></div>
<p id="answer-notice" class="notice"></p>
<div id="answer-sources" hidden>
<h3>${h(t.sourcesHeading)}</h3>
<ol id="answer-source-list" class="sources"></ol>
</div>
</section>

<section aria-labelledby="draft-heading">
<h2 id="draft-heading">${h(t.draftHeading)}</h2>
<form id="draft-form">
<label for="draft-request">${h(t.draftRequestLabel)}</label>
<textarea id="draft-request" name="request" required maxlength="8000"></textarea>
<label for="draft-to">${h(t.draftToLabel)}</label>
<input id="draft-to" name="to" maxlength="300" placeholder="${h(t.draftToPlaceholder)}">
<button type="submit">${h(t.draftButton)}</button>
</form>
<p id="draft-status" class="status" role="status" aria-live="polite"></p>
<div id="draft-result" hidden>
<label for="draft-text">${h(t.draftTextLabel)}</label>
<textarea id="draft-text"></textarea>
<div id="draft-sources" hidden>
<h3>${h(t.sourcesHeading)}</h3>
<ol id="draft-source-list" class="sources"></ol>
</div>
<button type="button" id="download-docx">${h(t.downloadDocx)}</button>
</div>
</section>
</main>
<script type="application/json" id="texts" nonce="${nonce}">${scriptJson(texts)}</script>
<script nonce="${nonce}">${CONSOLE_SCRIPT}</script>`,
  );
}
