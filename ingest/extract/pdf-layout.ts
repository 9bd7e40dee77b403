/**
 * Turns pdf.js text items (positioned string fragments, in content-stream
 * order) into lines and paragraphs in reading order. Content-stream order is
 * whatever the producer wrote, so position is the only reliable guide.
 */

/** A positioned text fragment, as pdf.js reports it (PDF user space, y grows upwards). */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  /** Font size in user-space units. */
  readonly size: number;
}

/** One visual line of a page. */
export interface PdfLine {
  readonly text: string;
  /** Baseline; larger is higher on the page. */
  readonly y: number;
  /** Largest font size on the line. */
  readonly size: number;
}

// Items whose baselines differ by less than this share of the font size sit on one line.
const SAME_LINE_TOLERANCE = 0.4;
// A horizontal gap wider than this share of the font size is a word space.
const WORD_GAP = 0.15;
// Single-spaced line pitch is at most ~1.8 em (1.5 line spacing is ~1.73 em).
const MAX_LINE_PITCH = 1.8;
// A gap this much larger than the usual line pitch starts a new paragraph.
const PARAGRAPH_GAP_RATIO = 1.2;

/**
 * Groups items into lines (by baseline, with a tolerance) and orders lines
 * top to bottom and items left to right within a line.
 */
export function groupLines(items: readonly PdfTextItem[]): PdfLine[] {
  const visible = items.filter((item) => item.str.trim() !== '');
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const clusters: PdfTextItem[][] = [];
  for (const item of visible) {
    const cluster = clusters.at(-1);
    const first = cluster?.[0];
    if (
      cluster &&
      first &&
      Math.abs(first.y - item.y) <= SAME_LINE_TOLERANCE * Math.max(first.size, item.size)
    ) {
      cluster.push(item);
    } else {
      clusters.push([item]);
    }
  }
  return clusters.map((cluster) => {
    cluster.sort((a, b) => a.x - b.x);
    const size = Math.max(...cluster.map((item) => item.size));
    return { text: joinItems(cluster), y: cluster[0]?.y ?? 0, size };
  });
}

function joinItems(items: readonly PdfTextItem[]): string {
  let text = '';
  let end = -Infinity;
  for (const item of items) {
    const isSpaced = text === '' || /\s$/.test(text) || /^\s/.test(item.str);
    if (!isSpaced && item.x - end > WORD_GAP * item.size) text += ' ';
    text += item.str;
    end = Math.max(end, item.x + item.width);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Renders a page's lines as text: lines of one paragraph separated by `\n`,
 * paragraphs by a blank line, words hyphenated at a line end rejoined.
 */
export function renderLines(lines: readonly PdfLine[]): string {
  const pitch = estimateLinePitch(lines);
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const isNewParagraph = !previous || previous.y - line.y > pitch(line) * PARAGRAPH_GAP_RATIO;
    const paragraph = paragraphs.at(-1);
    if (isNewParagraph || !paragraph) paragraphs.push([line.text]);
    else appendLine(paragraph, line.text);
  });
  return paragraphs.map((paragraph) => paragraph.join('\n')).join('\n\n');
}

/**
 * The usual baseline-to-baseline distance, in units of the font size: a low
 * quartile of the plausible single-spaced gaps, so paragraph gaps and the odd
 * overlapping line do not skew it.
 */
function estimateLinePitch(lines: readonly PdfLine[]): (line: PdfLine) => number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i] as PdfLine;
    const ratio = ((lines[i - 1] as PdfLine).y - line.y) / line.size;
    if (ratio >= 0.5 && ratio <= MAX_LINE_PITCH) ratios.push(ratio);
  }
  ratios.sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 4)] ?? 1.2;
  return (line) => ratio * line.size;
}

/**
 * Adds a line to a paragraph, rejoining a word split at the previous line's
 * end. `współ-` + `praca` → `współpraca`; a hyphen between capitals or digits
 * (`BM-` + `WRP.054`, `2-` + `3 lipca`) is a real one and is kept; a dash
 * after a space (`Alstom –`) is not a split at all.
 */
function appendLine(paragraph: string[], next: string): void {
  const last = paragraph.length - 1;
  const previous = paragraph[last] as string;
  if (previous.endsWith('\u00ad')) {
    paragraph[last] = previous.slice(0, -1) + next;
  } else if (/\p{Ll}[-\u2010]$/u.test(previous) && /^\p{Ll}/u.test(next)) {
    paragraph[last] = previous.slice(0, -1) + next;
  } else if (/[\p{L}\d][-\u2010]$/u.test(previous)) {
    paragraph[last] = previous + next;
  } else {
    paragraph.push(next);
  }
}

/**
 * Rejoins words hyphenated across a page break (`uciążli-` | `wego`): the
 * completed word stays on the page where it starts, so a search for it finds
 * that page and neither page keeps a fragment.
 */
export function rejoinPageBreaks(texts: readonly string[]): string[] {
  const out = [...texts];
  for (let i = 1; i < out.length; i += 1) {
    const previous = out[i - 1] as string;
    const fragment = /^(\p{Ll}\S*)[ \t]*\n?/u.exec(out[i] as string);
    if (!fragment || !/\p{Ll}[-\u2010\u00ad]$/u.test(previous)) continue;
    out[i - 1] = previous.slice(0, -1) + (fragment[1] as string);
    out[i] = (out[i] as string).slice(fragment[0].length).replace(/^\n+/, '');
  }
  return out;
}
