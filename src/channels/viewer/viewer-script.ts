/**
 * The viewer's browser module, inlined under the page's nonce: draws one PDF
 * page with pdf.js (served by this server from `pdfjs-dist`, worker
 * included), lays the text layer over it and marks the quote's characters in
 * it; on a scan (no text layer) it fetches the OCR word boxes of the quote
 * and draws them over the page image. Quote matching is `locate-quote.ts`'s
 * rule: letters and digits, case folded. The outcome is left on
 * `document.body.dataset.highlight` (`text-layer`, `ocr`, `not-found`) for
 * tests and the benchmark.
 */

/** Browser JavaScript (ES module) for `GET /letters/:id`. */
export const VIEWER_SCRIPT = String.raw`
import * as pdfjsLib from '/viewer/pdf.min.mjs';
const D = JSON.parse(document.getElementById('viewer-data').textContent);
pdfjsLib.GlobalWorkerOptions.workerSrc = '/viewer/pdf.worker.min.mjs';
const $ = (id) => document.getElementById(id);
const status = $('viewer-status');
const ALNUM = /[\p{L}\p{N}]/u;
let pdf = null;
let current = D.page;

function compact(strings) {
  let text = '';
  const at = [];
  strings.forEach((s, i) => {
    for (let j = 0; j < s.length; j += 1) {
      const ch = s[j];
      if (!ALNUM.test(ch)) continue;
      const lower = ch.toLowerCase();
      for (let k = 0; k < lower.length; k += 1) { text += lower[k]; at.push([i, j]); }
    }
  });
  return { text, at };
}

function fragments(quote) {
  return quote.split('…').map((p) => p.trim()).filter((p) => compact([p]).text !== '');
}

function wrap(strs, divs, at, start, length, fragment) {
  const [i0, j0] = at[start];
  const [i1, j1] = at[start + length - 1];
  for (let i = i0; i <= i1; i += 1) {
    const s = strs[i];
    const from = i === i0 ? j0 : 0;
    const to = i === i1 ? j1 + 1 : s.length;
    if (from >= to) continue;
    const div = divs[i];
    // A text item holding two fragments is split once per fragment: rebuild from its marks so far.
    const done = Array.from(div.querySelectorAll('mark.hl')).map((m) => [Number(m.dataset.from), Number(m.dataset.to), m.dataset.fragment]);
    done.push([from, to, String(fragment)]);
    done.sort((a, b) => a[0] - b[0]);
    div.textContent = '';
    let pos = 0;
    for (const [f, t, k] of done) {
      div.append(document.createTextNode(s.slice(pos, f)));
      const mark = document.createElement('mark');
      mark.className = 'hl';
      mark.dataset.hl = '';
      mark.dataset.from = String(f);
      mark.dataset.to = String(t);
      mark.dataset.fragment = k;
      mark.textContent = s.slice(f, t);
      div.append(mark);
      pos = t;
    }
    div.append(document.createTextNode(s.slice(pos)));
  }
}

/** Letters and digits at the start of page n's text layer, for a sentence that runs on from the page before. */
async function pageStart(n) {
  const content = await (await pdf.getPage(n)).getTextContent();
  return compact(content.items.map((item) => item.str || '')).text;
}

/**
 * Marks each fragment of the quote in the page's text layer. A fragment not
 * wholly on the page may run onto the next one: its longest start found near
 * the page's end is marked when its rest opens the next page (checked, not
 * assumed), and that rest is kept on the last mark as data-continued.
 */
async function markTextLayer(layer, n) {
  const strs = layer.textContentItemsStr;
  const divs = layer.textDivs;
  const hay = compact(strs);
  const parts = fragments(D.quote);
  if (parts.length === 0) return false;
  const found = [];
  // Each sentence on its own: an extractive quote orders them by weight, not by their place in the letter.
  for (const part of parts) {
    const needle = compact([part]).text;
    const at = hay.text.indexOf(needle);
    if (at >= 0) { found.push([at, needle.length, '']); continue; }
    if (n >= D.pages) return false;
    const nearEnd = (k) => {
      const at = hay.text.lastIndexOf(needle.slice(0, k));
      return at >= 0 && at >= hay.text.length - k - 300;
    };
    let k = needle.length - 1;
    while (k >= 10 && !nearEnd(k)) k -= 1;
    if (k < 10) return false;
    const rest = needle.slice(k);
    const restAt = (await pageStart(n + 1)).indexOf(rest);
    if (restAt < 0 || restAt > 300) return false;
    found.push([hay.text.lastIndexOf(needle.slice(0, k)), k, rest]);
  }
  found.forEach(([at, length, rest], k) => {
    wrap(strs, divs, hay.at, at, length, k);
    if (rest) {
      const marks = document.querySelectorAll('mark.hl[data-fragment="' + k + '"]');
      marks[marks.length - 1].dataset.continued = rest;
    }
  });
  if (found.some((f) => f[2])) status.dataset.continues = 'next-page';
  return true;
}

async function drawOcrBoxes() {
  status.textContent = D.texts.recognising;
  const res = await fetch(D.highlightUrl, { credentials: 'same-origin' });
  if (!res.ok) return false;
  const h = await res.json();
  if (!h.found) return false;
  const boxes = $('boxes');
  for (const b of h.boxes) {
    const div = document.createElement('div');
    div.dataset.hl = '';
    div.style.left = (b.x * 100) + '%';
    div.style.top = (b.y * 100) + '%';
    div.style.width = (b.w * 100) + '%';
    div.style.height = (b.h * 100) + '%';
    boxes.append(div);
  }
  boxes.dataset.text = h.text;
  return true;
}

function label(n) {
  $('page-label').textContent = D.texts.pageOf.replace(/\d+(\D+)\d+/, n + '$1' + D.pages) + (n === D.page ? '' : ' (' + D.texts.citedPage + ')');
  $('prev').disabled = n <= 1;
  $('next').disabled = n >= D.pages;
  $('cited').hidden = n === D.page;
}

async function render(n) {
  current = n;
  label(n);
  const page = await pdf.getPage(n);
  const holder = $('page');
  const base = page.getViewport({ scale: 1 });
  const width = Math.min(holder.parentElement.clientWidth || 800, 900);
  const viewport = page.getViewport({ scale: width / base.width });
  const ratio = window.devicePixelRatio || 1;
  const canvas = $('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = Math.floor(viewport.width) + 'px';
  canvas.style.height = Math.floor(viewport.height) + 'px';
  holder.style.width = Math.floor(viewport.width) + 'px';
  holder.style.setProperty('--scale-factor', String(viewport.scale));
  holder.style.setProperty('--total-scale-factor', String(viewport.scale));
  await page.render({
    canvasContext: canvas.getContext('2d'),
    viewport,
    transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
  }).promise;
  if (n === D.page) performance.mark('viewer-page-drawn');
  const layerDiv = $('text-layer');
  layerDiv.textContent = '';
  $('boxes').textContent = '';
  delete $('boxes').dataset.text;
  const layer = new pdfjsLib.TextLayer({ textContentSource: page.streamTextContent(), container: layerDiv, viewport });
  await layer.render();
  status.textContent = '';
  if (n !== D.page) return;
  let how = (await markTextLayer(layer, n)) ? 'text-layer' : null;
  if (!how && D.isOcr && (await drawOcrBoxes())) how = 'ocr';
  document.body.dataset.highlight = how || 'not-found';
  status.textContent = how ? (status.dataset.continues ? D.texts.continuesOnNext : '') : D.texts.quoteNotFound;
  const first = document.querySelector('[data-hl]');
  if (first) first.scrollIntoView({ block: 'center' });
}

$('prev').addEventListener('click', () => { if (current > 1) void render(current - 1); });
$('next').addEventListener('click', () => { if (current < D.pages) void render(current + 1); });
$('cited').addEventListener('click', () => void render(D.page));

try {
  pdf = await pdfjsLib.getDocument({ url: D.fileUrl, isEvalSupported: false, withCredentials: true }).promise;
  D.pages = pdf.numPages;
  await render(D.page);
} catch (e) {
  status.textContent = D.texts.renderFailed;
  status.className = 'status error';
  document.body.dataset.highlight = 'failed';
}
`;
