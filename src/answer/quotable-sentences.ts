/**
 * The sentences of a passage an answer may quote: prose split into Polish
 * sentences, table rows kept as rows (and quoted with their table's lead-in
 * when the question points at them), short lists joined to the line that
 * introduces them, and the letter's frame (letterhead, salutation,
 * signature…) left out. The extractive answer scores these; lookups show the
 * first of them.
 */
import { splitSentences } from '../archive/split-sentences.js';
import { foldText } from '../archive/analyzer.js';
import { isFrameSentence, isTableRow, substantiveTail } from '../archive/letter-parts.js';

/** The first `count` quotable sentences of a passage, joined by ` … ` as citation quotes are (what a lookup answer shows of a letter). */
export function leadSentences(text: string, count = 2): string | null {
  const sentences = quotableSentences(text).slice(0, count);
  return sentences.length > 0 ? sentences.join(' … ') : null;
}

/**
 * The sentences of a passage that may be quoted: table rows stay rows (a
 * figure is quoted with its row label, not as one flattened „sentence” of
 * numbers), frame sentences (letterhead, salutation, signature…) are left
 * out, and an opening formula is cut to the fact after „informuję, że”.
 */
export function quotableSentences(text: string, rowMatches?: (row: string) => boolean): string[] {
  const units: Unit[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length === 0) return;
    const joined = prose.join('\n');
    for (const s of splitSentences(joined))
      units.push({
        text: s.text,
        isItem: LIST_MARKER.test(joined.slice(s.start, s.start + 4)),
        isRow: false,
      });
    prose = [];
  };
  for (const line of text.split('\n')) {
    if (isTableRow(line)) {
      flush();
      const row = line.trim().replace(/\s+/g, ' ');
      units.push({ text: row, isItem: LIST_MARKER.test(row), isRow: true });
    } else prose.push(line);
  }
  flush();
  const out = [...joinShortLists(units), ...(rowMatches ? rowLookups(units, rowMatches) : [])];
  return out.flatMap((raw) => {
    // A closing formula glued to the last sentence (`… turystyki wodnej. Z poważaniem,`) is cut off; the rest stays verbatim.
    const s = raw.replace(
      /(?<=[.!?”])\s+(?:Z\s+wyrazami\s+szacunku|Z\s+poważaniem|Łączę\s+wyrazy\s+szacunku)[\s\S]*$/u,
      '',
    );
    const tail = substantiveTail(s);
    if (tail) return [tail];
    return isFrameSentence(s) ? [] : [s];
  });
}

/** A sentence or table row, and whether it opens with a list item's marker. */
interface Unit {
  readonly text: string;
  readonly isItem: boolean;
  readonly isRow: boolean;
}

/** Rows of one table quoted for a question at most (the asked year's, the asked region's). */
const MAX_LOOKUP_ROWS = 2;

/**
 * A table row says nothing without its header: „Wydatki i koszty obsługi Funduszu przedstawiały się
 * następująco (w mln zł): Rok Wydatki Koszty obsługi … 2021 1 325,6 0,3”. For each row the question
 * points at (its year, its voivodeship), the sentence that introduces the table (with the column
 * header the splitter keeps on it) and the row, as one quote; both are verbatim, ` … ` marks the rows
 * left out between them, as in citation quotes.
 */
function rowLookups(units: readonly Unit[], matches: (row: string) => boolean): string[] {
  const out: string[] = [];
  let lead: string | null = null;
  let between = 0;
  let taken = 0;
  for (const unit of units) {
    if (!unit.isRow) {
      [lead, between, taken] = [unit.text, 0, 0];
      continue;
    }
    // A first row of years only (`OW NFZ 2025 2026`) is the column header: it stays with the lead.
    if (lead !== null && between === 0 && isHeaderRow(unit.text)) {
      lead = `${lead} ${unit.text}`;
      continue;
    }
    if (lead !== null && taken < MAX_LOOKUP_ROWS && matches(unit.text)) {
      out.push(`${lead}${between === 0 ? ' ' : ' … '}${unit.text}`);
      taken++;
    }
    between++;
  }
  return out;
}

/**
 * Which table rows a question points at: a row holding a year the question names (as its label or a
 * cell), or one whose label shares a word with the question (`na slasku` → `Śląski 782 775`).
 */
export function rowMatcher(question: string): (row: string) => boolean {
  const years = question.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [];
  const words = new Set((foldText(question).match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));
  return (row) => {
    if (years.some((y) => new RegExp(`(?<![\\d.,])${y}(?![\\d.,]\\d)`).test(row))) return true;
    // The label, past a row number (`12 Śląski 782 775`).
    const label =
      foldText(row)
        .replace(/^\d{1,3}[.)]?\s+/u, '')
        .match(/^[^\d]*/u)?.[0] ?? '';
    return (label.match(/\p{L}{4,}/gu) ?? []).some((w) => words.has(w.slice(0, 5)));
  };
}

function isHeaderRow(row: string): boolean {
  const numbers = row.match(/\d+(?:[,.]\d+)*/gu) ?? [];
  return numbers.length > 0 && numbers.every((n) => /^(?:19|20)\d{2}$/u.test(n));
}

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f\u2007]+/gu, ' ').trim();
}

/** A list item's marker at the start of a line: a bullet, `1.`, `2)`, `a)`. */
export const LIST_MARKER = /^[-–—•·▪◦●○■□*➢✓\uf0b7]\s|^\d{1,2}[.)]\s|^[a-z]\)\s/u;
/** A short list is quoted whole with its lead-in: at most this many items… */
const MAX_LIST_ITEMS = 6;
/** …each at most this long, the whole at most {@link MAX_LIST_QUOTE}. */
const MAX_LIST_ITEM = 160;
const MAX_LIST_QUOTE = 500;

/**
 * Sentences as quotes, with a short list joined to the line that introduces
 * it: „Koszty … wyniosły: • w 2024 r. – 47 825,41 zł, • w 2025 r. – 59 899,84
 * zł.” The splitter quotes list items on their own, which leaves the amount
 * without what it is the amount of, and the lead-in without its amounts.
 * Longer lists stay item by item (one quote would be a page).
 */
function joinShortLists(units: readonly Unit[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < units.length; i++) {
    const lead = units[i]!;
    const items: Unit[] = [];
    if (lead.text.endsWith(':')) {
      for (
        let j = i + 1;
        j < units.length && units[j]!.isItem && items.length <= MAX_LIST_ITEMS;
        j++
      )
        items.push(units[j]!);
    }
    const joined = [lead, ...items].map((u) => u.text).join(' ');
    if (
      items.length > 0 &&
      items.length <= MAX_LIST_ITEMS &&
      items.every((u) => u.text.length <= MAX_LIST_ITEM) &&
      joined.length <= MAX_LIST_QUOTE
    ) {
      out.push(joined);
      i += items.length;
    } else out.push(lead.text);
  }
  return out;
}
