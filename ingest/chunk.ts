/**
 * Cutting a letter into passages: paragraph-aligned, never across a page
 * break (a citation names one page), about `targetChars` long. A short letter
 * stays one passage: splitting it only scatters its terms. Paragraphs longer
 * than `maxChars` are cut at sentence ends, and a sentence (or token) longer
 * than that at a space or, failing one, at `maxChars`: no passage is longer.
 *
 * Sizes were measured with `npm run eval` (docs/retrieval.md): around 900
 * characters (≈ 200 tokens) keeps BM25 focused and suits embedding models.
 */
import type { Passage } from '../src/archive/types.js';
import { classifyLetterLines, type LinePart } from '../src/archive/letter-parts.js';
import { splitSentences } from '../src/archive/split-sentences.js';
import type { ExtractedPage } from './extract/types.js';

export interface ChunkOptions {
  readonly targetChars?: number;
  readonly maxChars?: number;
  /** Letters whose whole text is at most this long stay one passage. */
  readonly wholeLetterChars?: number;
}

export interface ChunkResult {
  /** The letter's full text: pages joined by a blank line. Passage offsets point into it. */
  readonly text: string;
  readonly passages: Passage[];
}

interface Span {
  start: number;
  end: number;
}

/** Where a passage's text skips what stands between a cut sentence's two halves. */
interface Join {
  /** End of the text before the cut. */
  readonly end: number;
  /** Where the sentence resumes. */
  readonly resume: number;
}

/** A passage being built: its extent, its page (where it starts) and the cuts its text reads past. */
interface Piece {
  readonly span: Span;
  readonly page: number | null;
  readonly joins: readonly Join[];
}

/** How far past `maxChars` a passage may grow to keep a cut sentence whole. */
const CONTINUATION_SLACK = 400;
/** Text that ends a sentence: a full stop, colon, semicolon…, maybe inside closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?:;…][\s"”»’)\]]*$/u;
/** A list item's marker: the next item is no continuation even in lower case (`a) …`, `– …`). */
const LIST_ITEM = /^(?:[-–—•·▪◦●○■□*➢✓\uf0b7]\s|\d{1,2}[.)]\s|[a-z]\)\s)/u;
/**
 * Frame a cut sentence may run on past: a page's running header or footer, its counter, a contact
 * line, an e-signature id. An addressee block, a salutation or a closing between two lines means the
 * letter's frame is there, not a sentence running across a page.
 */
const FOOTER_PARTS: ReadonlySet<LinePart> = new Set([
  'letterhead',
  'contact',
  'page-counter',
  'reference',
  'signature',
]);

/** Each line's part (`classifyLetterLines`) with the offset where the line starts. */
function withLineStarts(
  text: string,
  parts: readonly LinePart[],
): { start: number; part: LinePart }[] {
  const lines = text.split('\n');
  let start = 0;
  return lines.map((line, i) => {
    const entry = { start, part: parts[i]! };
    start += line.length + 1;
    return entry;
  });
}

/**
 * True when the paragraph `prev` stops mid-sentence and `next` goes on with it: `prev` has no
 * closing punctuation, `next` opens in lower case (not as a list item), and between them stand only
 * blank lines and page furniture.
 */
function continuesSentence(
  text: string,
  lineParts: readonly { start: number; part: LinePart }[],
  prev: Span,
  next: Span,
): boolean {
  if (ENDS_SENTENCE.test(text.slice(Math.max(prev.start, prev.end - 8), prev.end))) return false;
  const head = text.slice(next.start, next.start + 8);
  if (!/^\p{Ll}/u.test(head) || LIST_ITEM.test(head)) return false;
  return lineParts.every(
    (l) =>
      l.start < prev.end || l.start >= next.start || l.part === 'body' || FOOTER_PARTS.has(l.part),
  );
}

/** Where the last sentence of a span starts (the span's start when it is one sentence). */
function lastSentenceStart(text: string, span: Span): number {
  const sentences = splitSentences(text.slice(span.start, span.end));
  return span.start + (sentences.at(-1)?.start ?? 0);
}

/** `end` moved back over whitespace, not before `start`. */
function trimmedEnd(text: string, start: number, end: number): number {
  return start + text.slice(start, end).trimEnd().length;
}

/** Paragraph spans of `text` (split at blank lines), trimmed, as offsets. */
function paragraphSpans(text: string, base: number): Span[] {
  const spans: Span[] = [];
  const re = /\S[\s\S]*?(?=\n\s*\n|$)/g;
  for (const m of text.matchAll(re)) {
    const trimmed = m[0].trimEnd();
    if (trimmed.length > 0)
      spans.push({ start: base + m.index, end: base + m.index + trimmed.length });
  }
  return spans;
}

/**
 * Cuts a span longer than `maxChars` into pieces of at most `maxChars`, at
 * the last whitespace before the limit where there is one (a 50 MB "word"
 * must not become one passage: it would be one giant row and one useless hit).
 */
function capSpan(full: string, span: Span, maxChars: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = full.slice(start, start + maxChars);
    const space = window.search(/\s\S*$/);
    const cut = space > maxChars / 2 ? start + space : start + maxChars;
    out.push({ start, end: cut });
    start = cut;
    while (start < span.end && /\s/.test(full[start]!)) start += 1;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

/** Cuts one over-long paragraph at sentence ends into spans of at most `maxChars` (a longer sentence is cut by `capSpan`). */
function splitLongSpan(full: string, span: Span, maxChars: number): Span[] {
  const sentences = splitSentences(full.slice(span.start, span.end));
  const out: Span[] = [];
  let current: Span | null = null;
  // Where the last sentence of `current` starts, when it introduces a list (`…wyniosły:`).
  let leadIn: number | null = null;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const start = span.start + s.start;
    const next = sentences[i + 1];
    const end = next ? span.start + next.start : span.end;
    if (current && end - current.start > maxChars) {
      // A line that introduces a list goes with its list: cut before it, not after it.
      if (leadIn !== null && leadIn > current.start) {
        out.push({ start: current.start, end: leadIn });
        current = { start: leadIn, end: current.end };
      } else {
        out.push(current);
        current = null;
      }
    }
    current = current ? { start: current.start, end } : { start, end };
    leadIn = s.text.endsWith(':') ? start : null;
  }
  if (current) out.push(current);
  return out
    .map((s) => ({ start: s.start, end: s.start + full.slice(s.start, s.end).trimEnd().length }))
    .flatMap((s) => (s.end - s.start > maxChars ? capSpan(full, s, maxChars) : [s]));
}

/** Splits a letter's pages into passages with page numbers and offsets. */
export function chunkPages(
  letterId: string,
  pages: readonly ExtractedPage[],
  { targetChars = 900, maxChars = 1600, wholeLetterChars = 1200 }: ChunkOptions = {},
): ChunkResult {
  const pageTexts = pages.map((p) => p.text.replace(/\r\n?/g, '\n'));
  const text = pageTexts.join('\n\n');
  // Frame lines (letterhead, addresses, salutation, signature block…) are
  // blanked out of the text passages are cut from, so they end a paragraph
  // and never become passage text; the letter's metadata was read from them.
  const parts = classifyLetterLines(text.split('\n'));
  const scan = maskFrameLines(text, parts);
  const passages: Passage[] = [];
  const lineParts = withLineStarts(text, parts);
  const push = ({ span, page, joins }: Piece) => {
    // Where a sentence runs on past a footer or a page break, the passage reads on past it too.
    let body = '';
    let at = span.start;
    for (const join of joins) {
      body += `${text.slice(at, join.end)}\n`;
      at = join.resume;
    }
    body += text.slice(at, span.end);
    if (body.trim().length === 0) return;
    passages.push({
      id: `${letterId}:${passages.length}`,
      letterId,
      ordinal: passages.length,
      page,
      start: span.start,
      end: span.end,
      text: body,
    });
  };

  // A short letter stays one passage (splitting it only scatters its terms),
  // except where a frame line stands between its paragraphs: a passage never
  // spans a frame line, or the sentence next to it would swallow it.
  const isShort = scan.trim().length <= wholeLetterChars;
  let base = 0;
  const spans: { span: Span; page: number | null }[] = [];
  pages.forEach((page, i) => {
    const pageText = scan.slice(base, base + pageTexts[i]!.length);
    for (const s of paragraphSpans(pageText, base)) {
      for (const span of s.end - s.start > maxChars ? splitLongSpan(text, s, maxChars) : [s])
        spans.push({ span, page: page.page });
    }
    base += pageText.length + 2;
  });
  let current: Piece | null = null;
  for (const next of spans) {
    if (current) {
      // A sentence cut by a blank line, a running footer or a page break („… została” / „wprowadzona od
      // 1 lipca 2025 r.”) is one sentence: it stays in one passage, the footer left out of its text.
      if (continuesSentence(text, lineParts, current.span, next.span)) {
        if (next.span.end - current.span.start > maxChars) {
          // Too long for one passage: the passage ends before the unfinished sentence, which opens the next.
          const from = lastSentenceStart(text, current.span);
          if (from > current.span.start) {
            push({
              span: { start: current.span.start, end: trimmedEnd(text, current.span.start, from) },
              page: current.page,
              joins: current.joins.filter((j) => j.end <= from),
            });
            current = {
              span: { start: from, end: current.span.end },
              page: current.page,
              joins: current.joins.filter((j) => j.end > from),
            };
          }
        }
        if (next.span.end - current.span.start <= maxChars + CONTINUATION_SLACK) {
          current = {
            span: { start: current.span.start, end: next.span.end },
            page: current.page,
            joins: [...current.joins, { end: current.span.end, resume: next.span.start }],
          };
          continue;
        }
      }
      const crossesFrame = text.slice(current.span.end, next.span.start).trim() !== '';
      // A paragraph that introduces a list (`…wyniosły:`) stays with it while the two fit.
      const introducesNext =
        text.slice(current.span.start, current.span.end).endsWith(':') &&
        next.span.end - current.span.start <= maxChars;
      const isFull =
        !isShort &&
        (next.page !== current.page ||
          (next.span.end - current.span.start > targetChars && !introducesNext));
      if (crossesFrame || isFull) {
        push(current);
        current = null;
      }
    }
    current = current
      ? {
          span: { start: current.span.start, end: next.span.end },
          page: current.page,
          joins: current.joins,
        }
      : { ...next, joins: [] };
  }
  if (current) push(current);
  return { text, passages };
}

/**
 * The text with every frame line (see `classifyLetterLines`) replaced by
 * spaces of the same length, so offsets stay valid. A letter that would be
 * left with no substance at all keeps its text as it is.
 */
export function maskFrameLines(
  text: string,
  parts: readonly LinePart[] = classifyLetterLines(text.split('\n')),
): string {
  const lines = text.split('\n');
  const masked = lines
    .map((line, i) => (parts[i] === 'body' ? line : ' '.repeat(line.length)))
    .join('\n');
  return masked.trim() === '' ? text : masked;
}
