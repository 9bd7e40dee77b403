/**
 * The console page's browser script, as text the page inlines (no build
 * step, no framework, no external assets). It reads its Polish strings from
 * the page's `#texts` JSON (from `src/messages.ts`), builds every node with
 * `textContent` (letter text is never parsed as HTML) and only links
 * `http(s)` URLs.
 */

/** Browser JavaScript for `GET /`; written in ES2017 without template literals so it can live in a TS string. */
export const CONSOLE_SCRIPT = String.raw`
(function () {
'use strict';
var T = JSON.parse(document.getElementById('texts').textContent);
var turns = [];
function $(id) { return document.getElementById(id); }
function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text != null) n.textContent = text; return n; }
var staffInput = $('staff');
try { staffInput.value = localStorage.getItem('kancelaria.staff') || ''; } catch (e) {}
staffInput.addEventListener('change', function () { try { localStorage.setItem('kancelaria.staff', staffInput.value.trim()); } catch (e) {} current = null; renderRecent(); });
function staff() { return staffInput.value.trim() || undefined; }

/*
 * Recent conversations of this staff name, kept in this browser only (localStorage): the server keeps
 * no console history, and a name typed on a shared workstation must not open someone else's questions there.
 */
var RECENT_MAX = 10, RECENT_TURNS = 20;
var current = null;
function recentKey() { return 'kancelaria.conversations.' + (staff() || ''); }
function loadRecent() {
  try { var v = JSON.parse(localStorage.getItem(recentKey()) || '[]'); return Array.isArray(v) ? v : []; } catch (e) { return []; }
}
function saveTurn(question, answer) {
  if (!current) current = { id: String(Date.now()) + Math.random().toString(36).slice(2, 6), at: new Date().toISOString(), turns: [] };
  current.turns.push({ question: question, answer: { text: answer.text, citations: answer.citations || [], notice: answer.notice || null, answerKey: answer.answerKey || null } });
  current.turns = current.turns.slice(-RECENT_TURNS);
  var id = current.id;
  var list = [current].concat(loadRecent().filter(function (c) { return c.id !== id; })).slice(0, RECENT_MAX);
  try { localStorage.setItem(recentKey(), JSON.stringify(list)); } catch (e) {}
  renderRecent();
}
function renderRecent() {
  var list = $('recent-list'), items = loadRecent();
  list.textContent = '';
  $('recent').hidden = items.length === 0;
  items.forEach(function (c) {
    var li = el('li', null, null);
    var b = el('button', 'link', (c.turns[0] && c.turns[0].question) || '');
    b.type = 'button'; b.dataset.conversation = c.id;
    if (current && current.id === c.id) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', function () { openConversation(c); });
    li.appendChild(b);
    li.appendChild(el('span', 'status', ' ' + c.at.slice(0, 16).replace('T', ' ') + ' (' + c.turns.length + ')'));
    list.appendChild(li);
  });
}
function clearConversation() {
  turns = []; $('conversation').textContent = ''; $('question').value = ''; $('answer').textContent = ''; $('ask-status').textContent = ''; $('answer-notice').textContent = '';
  renderSources($('answer-sources'), $('answer-source-list'), [], 'a-src-');
}
function openConversation(c) {
  clearConversation();
  current = c;
  c.turns.forEach(function (t) {
    addTurn(t.question, t.answer);
    turns.push({ role: 'user', text: t.question }, { role: 'assistant', text: t.answer.text });
  });
  renderRecent();
  $('question').focus();
}

function post(path, body) {
  return fetch(path, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
async function failure(res) {
  if (res.status === 401) return T.sessionExpired;
  try { var j = await res.json(); return j.message || T.networkError; } catch (e) { return T.networkError; }
}

/** The viewer link on this console's own origin (the console may be reached under another name than PUBLIC_BASE_URL). */
function viewerHref(c) {
  if (!c || !c.viewerUrl) return null;
  try { var u = new URL(c.viewerUrl); return u.pathname.indexOf('/letters/') === 0 ? u.pathname + u.search : null; } catch (e) { return null; }
}
/** Text with [n] markers turned into links: to the letter viewer when the source has one, else to the sources list. */
function renderMarked(container, text, prefix, citations) {
  var byN = {};
  (citations || []).forEach(function (c) { byN[c.n] = c; });
  container.textContent = '';
  var re = /\[(\d+)\]/g, last = 0, m;
  while ((m = re.exec(text))) {
    container.appendChild(document.createTextNode(text.slice(last, m.index)));
    var a = el('a', 'cite', '[' + m[1] + ']');
    var viewer = viewerHref(byN[m[1]]);
    a.href = viewer || '#' + prefix + m[1];
    if (viewer) { a.target = '_blank'; a.rel = 'noopener noreferrer'; }
    container.appendChild(a);
    last = re.lastIndex;
  }
  container.appendChild(document.createTextNode(text.slice(last)));
}

function describe(c) {
  var author = c.author ? (c.authorRole ? c.author + ' (' + c.authorRole + ')' : c.author) : null;
  return [c.reference || T.noReference, c.date || T.noDate, author, c.title, c.file, c.page != null ? T.page + ' ' + c.page : null, c.ocr ? T.ocr : null]
    .filter(Boolean).join(', ');
}
function renderSources(section, list, citations, prefix) {
  list.textContent = '';
  section.hidden = citations.length === 0;
  citations.forEach(function (c) {
    var li = el('li', null, null);
    li.id = prefix + c.n;
    li.value = c.n;
    li.appendChild(el('span', null, c.description || describe(c)));
    var href = viewerHref(c) || (c.url && /^https?:\/\//i.test(c.url) ? c.url : null);
    if (href) {
      li.appendChild(document.createTextNode(' '));
      var a = el('a', null, T.openLink);
      a.href = href; a.target = '_blank'; a.rel = 'noopener noreferrer';
      li.appendChild(a);
    }
    if (c.quote) li.appendChild(el('q', 'quote', c.quote));
    list.appendChild(li);
  });
}

function busy(form, isBusy) {
  form.setAttribute('aria-busy', String(isBusy));
  Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = isBusy; });
}

/** Reads a text/event-stream body: one JSON object per "data:" block. */
async function readEvents(res, onEvent) {
  var reader = res.body.getReader(), decoder = new TextDecoder(), buffer = '';
  for (;;) {
    var chunk = await reader.read();
    if (chunk.done) break;
    buffer += decoder.decode(chunk.value, { stream: true });
    var parts = buffer.split('\n\n');
    buffer = parts.pop();
    parts.forEach(function (block) {
      var data = block.split('\n').filter(function (l) { return l.indexOf('data:') === 0; }).map(function (l) { return l.slice(5).trim(); }).join('\n');
      if (data) onEvent(JSON.parse(data));
    });
  }
}

$('ask-form').addEventListener('submit', async function (ev) {
  ev.preventDefault();
  var form = ev.target, question = $('question').value.trim();
  var status = $('ask-status'), answer = $('answer'), notice = $('answer-notice');
  if (!question) { status.textContent = T.emptyQuestion; return; }
  busy(form, true);
  status.textContent = T.working; answer.textContent = ''; notice.textContent = '';
  renderSources($('answer-sources'), $('answer-source-list'), [], 'a-src-');
  try {
    var res = await post('/api/ask', { question: question, history: turns.slice(-6), staff: staff() });
    if (!res.ok) { status.textContent = await failure(res); return; }
    var raw = '';
    await readEvents(res, function (e) {
      if (e.type === 'status') status.textContent = e.text;
      else if (e.type === 'delta') { raw += e.text; answer.textContent = raw; }
      else if (e.type === 'citations') renderSources($('answer-sources'), $('answer-source-list'), e.citations, 'a-src-');
      else if (e.type === 'error') status.textContent = e.text;
      else if (e.type === 'final') {
        status.textContent = '';
        addTurn(question, e.answer);
        // The streamed copy gives way to the turn in the conversation.
        answer.textContent = ''; notice.textContent = '';
        renderSources($('answer-sources'), $('answer-source-list'), [], 'a-src-');
        turns.push({ role: 'user', text: question }, { role: 'assistant', text: e.answer.text });
        saveTurn(question, e.answer);
        // The draft panel follows the current question until the clerk writes their own request.
        var dr = $('draft-request');
        if (dr.value === '' || dr.value === lastAutoRequest) { dr.value = question; lastAutoRequest = question; }
      }
    });
  } catch (e) {
    status.textContent = T.networkError;
  } finally {
    busy(form, false);
  }
});
var turnCount = 0;
var lastAutoRequest = '';
/** One finished turn, kept visible: the question, the answer with its [n] links, sources and feedback buttons. */
function addTurn(question, a) {
  turnCount += 1;
  var prefix = 't' + turnCount + '-src-';
  var li = el('li', 'turn', null);
  li.appendChild(el('p', 'turn-question', T.questionPrefix + ' ' + question));
  var body = el('div', 'answer', null);
  renderMarked(body, a.text, prefix, a.citations);
  li.appendChild(body);
  if (a.notice) li.appendChild(el('p', 'notice', a.notice));
  var sources = el('div', null, null), list = el('ol', 'sources', null);
  sources.appendChild(el('h4', null, T.sourcesHeading)); sources.appendChild(list);
  renderSources(sources, list, a.citations || [], prefix);
  li.appendChild(sources);
  if (a.answerKey) {
    var fb = el('p', 'feedback', null), fbStatus = el('span', 'status', null);
    fbStatus.setAttribute('role', 'status');
    [['up', T.feedbackUp], ['down', T.feedbackDown]].forEach(function (pair) {
      var b = el('button', null, pair[1]);
      b.type = 'button'; b.dataset.rating = pair[0]; b.setAttribute('aria-pressed', 'false');
      b.addEventListener('click', async function () {
        try {
          var res = await post('/api/feedback', { answerKey: a.answerKey, rating: pair[0], staff: staff() });
          if (res.ok) {
            Array.prototype.forEach.call(fb.querySelectorAll('button'), function (x) { x.setAttribute('aria-pressed', String(x === b)); });
            fbStatus.textContent = T.feedbackThanks;
          } else fbStatus.textContent = res.status === 404 ? T.feedbackLost : await failure(res);
        } catch (e) { fbStatus.textContent = T.networkError; }
      });
      fb.appendChild(b);
    });
    fb.appendChild(fbStatus);
    li.appendChild(fb);
  }
  $('conversation').appendChild(li);
  li.scrollIntoView({ block: 'nearest' });
}

$('new-conversation').addEventListener('click', function () {
  clearConversation();
  current = null;
  renderRecent();
  $('question').focus();
});
renderRecent();

var currentDraftId = null;
$('draft-form').addEventListener('submit', async function (ev) {
  ev.preventDefault();
  var form = ev.target, status = $('draft-status');
  busy(form, true);
  status.textContent = T.working;
  $('draft-result').hidden = true;
  try {
    var res = await post('/api/draft', { request: $('draft-request').value, to: $('draft-to').value.trim() || undefined, staff: staff() });
    if (!res.ok) { status.textContent = await failure(res); return; }
    var d = await res.json();
    currentDraftId = d.draftId;
    status.textContent = d.kind === 'refusal' ? T.draftRefusal : '';
    $('draft-text').value = (d.to ? d.to + '\n\n' : '') + d.text;
    $('draft-text').dataset.to = d.to || '';
    renderSources($('draft-sources'), $('draft-source-list'), d.sources, 'd-src-');
    $('draft-result').hidden = false;
    $('draft-text').focus();
  } catch (e) {
    status.textContent = T.networkError;
  } finally {
    busy(form, false);
  }
});

$('download-docx').addEventListener('click', async function () {
  var button = this, status = $('draft-status');
  if (!currentDraftId) return;
  button.disabled = true;
  try {
    // The addressee is its own paragraph in the DOCX; send only the letter text.
    var text = $('draft-text').value, to = $('draft-text').dataset.to;
    if (to && text.indexOf(to + '\n\n') === 0) text = text.slice(to.length + 2);
    var res = await post('/api/draft.docx', { draftId: currentDraftId, text: text, staff: staff() });
    if (!res.ok) { status.textContent = await failure(res); return; }
    var blob = await res.blob();
    var name = (/filename="([^"]+)"/.exec(res.headers.get('content-disposition') || '') || [])[1] || 'szkic.docx';
    var a = el('a', null, null);
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
  } catch (e) {
    status.textContent = T.networkError;
  } finally {
    button.disabled = false;
  }
});
})();
`;
