/**
 * The admin page's HTML (`GET /admin`): rendered on the server from the
 * index status, the last sync and the feedback list, so it reads without a
 * script; the one inline script (under the page's CSP nonce) only uploads
 * a file and polls the reindex progress. Everything interpolated is escaped.
 */
import type { LastSyncSummary, FeedbackRecord } from '../../assistant/state-store.js';
import type { ArchiveStatus } from '../../assistant/types.js';
import { ADMIN_TEXT } from '../../messages.js';
import { escapeHtml as h } from '../escape-html.js';
import { page, scriptJson } from './console-page.js';

/** Feedback rows shown on the page; the exports carry all of them. */
const FEEDBACK_SHOWN = 100;

/** The admin login form (shown with 401 without an admin session). */
export function renderAdminLoginPage({
  nonce,
  isFailed = false,
  failedText,
}: {
  nonce: string;
  isFailed?: boolean;
  failedText: string;
}): string {
  const t = ADMIN_TEXT;
  return page(
    nonce,
    `<main>
<h1>${h(t.title)}</h1>
<h2>${h(t.loginHeading)}</h2>
<p>${h(t.loginIntro)}</p>
${isFailed ? `<p class="error" role="alert">${h(failedText)}</p>` : ''}
<form method="post" action="/admin/login">
<label for="token">${h(t.loginLabel)}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Zaloguj</button>
</form>
</main>`,
    t.title,
  );
}

export interface AdminPageData {
  readonly nonce: string;
  readonly status: ArchiveStatus;
  readonly lastSync: (LastSyncSummary & { readonly at: string }) | null;
  /** Latest first. */
  readonly feedback: readonly FeedbackRecord[];
}

function renderFailures(lastSync: AdminPageData['lastSync']): string {
  const t = ADMIN_TEXT;
  if (!lastSync) return `<p>${h(t.never)}</p>`;
  const counts = `<p>${h(lastSync.at)}: ${h(t.syncCounts(lastSync))}</p>`;
  if (lastSync.failures.length === 0) return `${counts}<p>${h(t.noFailures)}</p>`;
  const rows = lastSync.failures
    .map((f) => `<tr><td>${h(f.file)}</td><td>${h(f.reason)}</td><td>${h(f.message)}</td></tr>`)
    .join('\n');
  return `${counts}<table id="failures"><thead><tr><th>Plik</th><th>Powód</th><th>Szczegóły</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

function renderFeedback(feedback: AdminPageData['feedback']): string {
  const t = ADMIN_TEXT;
  if (feedback.length === 0) return `<p>${h(t.noFeedback)}</p>`;
  const rows = feedback
    .slice(0, FEEDBACK_SHOWN)
    .map(
      (f) =>
        `<tr><td>${h(f.at)}</td><td>${h(f.channel)}</td><td>${h(f.userId)}</td><td>${h(
          f.rating === 'up' ? t.ratingUp : t.ratingDown,
        )}</td><td>${h(f.question)}</td><td>${h(f.comment ?? '')}</td></tr>`,
    )
    .join('\n');
  return `<table id="feedback"><thead><tr><th>Kiedy</th><th>Kanał</th><th>Kto</th><th>Ocena</th><th>Pytanie</th><th>Komentarz</th></tr></thead><tbody>
${rows}
</tbody></table>`;
}

/** The admin page. */
export function renderAdminPage({ nonce, status, lastSync, feedback }: AdminPageData): string {
  const t = ADMIN_TEXT;
  return page(
    nonce,
    `<header>
<h1>${h(t.title)}</h1>
<nav><a href="/">${h(t.consoleLink)}</a>
<form method="post" action="/admin/logout" class="inline"><button type="submit">Wyloguj</button></form></nav>
</header>
<main>
<section aria-labelledby="status-heading">
<h2 id="status-heading">${h(t.statusHeading)}</h2>
<dl id="status">
<dt>${h(t.backend)}</dt><dd>${h(status.backend)}</dd>
<dt>${h(t.letters)}</dt><dd id="status-letters">${status.letters}</dd>
<dt>${h(t.passages)}</dt><dd>${status.passages}</dd>
<dt>${h(t.lastSync)}</dt><dd>${h(status.lastSync ?? t.never)}</dd>
</dl>
<h3>${h(t.failuresHeading)}</h3>
${renderFailures(lastSync)}
</section>

<section aria-labelledby="reindex-heading">
<h2 id="reindex-heading">${h(t.reindexHeading)}</h2>
<button type="button" id="reindex">${h(t.reindexButton)}</button>
<p id="reindex-status" class="status" role="status" aria-live="polite"></p>
<pre id="reindex-summary" class="answer"></pre>
</section>

<section aria-labelledby="upload-heading">
<h2 id="upload-heading">${h(t.uploadHeading)}</h2>
<form id="upload-form">
<label for="upload-file">${h(t.uploadLabel)}</label>
<input id="upload-file" name="file" type="file" required>
<button type="submit">${h(t.uploadButton)}</button>
</form>
<p id="upload-status" class="status" role="status" aria-live="polite"></p>
</section>

<section aria-labelledby="feedback-heading">
<h2 id="feedback-heading">${h(t.feedbackHeading)}</h2>
<p><a href="/admin/feedback.csv" download>${h(t.exportCsv)}</a> · <a href="/admin/feedback.json" download>${h(t.exportJson)}</a></p>
${renderFeedback(feedback)}
</section>
</main>
<script type="application/json" id="texts" nonce="${nonce}">${scriptJson({
      reindexRunning: t.reindexRunning,
      reindexStarted: t.reindexStarted,
      reindexDone: t.reindexDone,
      reindexFailed: t.reindexFailed,
      progress: t.progress(0, 0),
    })}</script>
<script nonce="${nonce}">${ADMIN_SCRIPT}</script>`,
    t.title,
  );
}

/**
 * Uploads the chosen file as the raw body (its name in the query), and
 * polls `/admin/api/progress` every half second while a reindex runs. Error
 * sentences come from the server's JSON, so there is one source of them.
 */
const ADMIN_SCRIPT = `
'use strict';
const T = JSON.parse(document.getElementById('texts').textContent);
const $ = (id) => document.getElementById(id);
function progressText(done, total) {
  return T.progress.replace('0', String(done)).replace('0', String(total));
}
$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('upload-file').files[0];
  if (!file) return;
  const status = $('upload-status');
  status.classList.remove('error');
  status.textContent = '…';
  try {
    const res = await fetch('/admin/upload?name=' + encodeURIComponent(file.name), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    const body = await res.json();
    status.textContent = body.message;
    if (!res.ok) status.classList.add('error');
  } catch {
    status.textContent = '⚠';
    status.classList.add('error');
  }
});
async function poll() {
  const res = await fetch('/admin/api/progress');
  const job = await res.json();
  const status = $('reindex-status');
  if (job.state === 'running') {
    status.textContent = job.total ? progressText(job.done, job.total) : T.reindexStarted;
    setTimeout(poll, 500);
    return;
  }
  if (job.state === 'done') {
    status.textContent = (job.total ? progressText(job.done, job.total) + ' — ' : '') + T.reindexDone;
    $('reindex-summary').textContent = job.summary;
  } else if (job.state === 'failed') {
    status.textContent = T.reindexFailed;
    status.classList.add('error');
  }
}
$('reindex').addEventListener('click', async () => {
  const status = $('reindex-status');
  status.classList.remove('error');
  const res = await fetch('/admin/api/reindex', { method: 'POST' });
  const body = await res.json();
  if (res.status === 409) {
    status.textContent = body.message;
    return;
  }
  if (!res.ok) {
    status.textContent = body.message || T.reindexFailed;
    status.classList.add('error');
    return;
  }
  $('reindex-summary').textContent = '';
  status.textContent = T.reindexStarted;
  poll();
});
`;
