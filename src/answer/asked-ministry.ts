/**
 * The ministries a question names, and whether a letter is by or about them.
 * „Ile nagród wypłaciło ministerstwo kultury pracownikom w 2024?” retrieves
 * the sport ministry's letter on its staff awards: every other word matches,
 * the ministry does not, and quoting it would answer for the wrong ministry.
 * Councillors write the ministry as an acronym (`MZ`, `mswia`), as
 * „ministerstwo kultury” or „resort rolnictwa”; letters as the signatory's
 * office („Minister Zdrowia”), the ministry's full name or its acronym.
 */
import { ACRONYMS, findAcronym, type AcronymEntry } from '../archive/acronyms.js';
import { foldText } from '../archive/fold-text.js';

/** A ministry as the question names it: the words typed and what identifies it in a letter. */
export interface AskedMinistry {
  /** As typed in the question (`ministerstwo kultury`, `MZ`). */
  readonly asTyped: string;
  /** Acronyms of the ministry (`MF` and `MFiG` share one name). */
  readonly acronyms: readonly string[];
  /** Folded stem of the ministry's first distinctive word (`kultur`, `zdrowi`, `wewnet`). */
  readonly stem: string;
}

/** The first distinctive word of a ministry's name, folded, as a stem: `Spraw Zagranicznych` → `zagran`. */
function nameStem(entry: AcronymEntry): string {
  const name = entry.expansions[0]!.replace(/^Ministerstwo\s+/u, '');
  const words =
    foldText(name)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const word = words[0] === 'spraw' ? (words[1] ?? 'spraw') : (words[0] ?? '');
  return word.slice(0, 6);
}

const MINISTRIES = ACRONYMS.filter((e) => e.isMinistry).map((e) => ({
  acronym: e.acronym,
  stem: nameStem(e),
}));

/** `ministerstwo kultury`, `ministra zdrowia`, `resortu rolnictwa`, `ministerstwie spraw wewnętrznych` (folded). */
const WRITTEN_OUT =
  /(?<!\p{L})(?:ministerstw|minister|ministr|resort)\p{L}*\s+(?:spraw\s+)?(\p{L}+)/gu;

function byStem(stem: string): AskedMinistry['acronyms'] {
  return MINISTRIES.filter((m) => m.stem === stem).map((m) => m.acronym);
}

/** The ministries the question names, each once. */
export function askedMinistries(question: string): AskedMinistry[] {
  const out: AskedMinistry[] = [];
  const folded = foldText(question).toLowerCase();
  for (const m of folded.matchAll(WRITTEN_OUT)) {
    const stem = m[1]!.slice(0, 6);
    const acronyms = byStem(stem);
    if (acronyms.length > 0 && !out.some((o) => o.stem === stem))
      out.push({ asTyped: question.slice(m.index, m.index + m[0].length), acronyms, stem });
  }
  for (const m of question.matchAll(/[\p{L}-]+/gu)) {
    const word = m[0];
    // Lower case only from three letters (`mswia`, `mrirw`): `mi`, `Mi`, `ms` are ordinary words in chat.
    if (word.length < 3 && word !== word.toUpperCase() && !['mz', 'mf'].includes(word)) continue;
    const entry = findAcronym(word);
    if (!entry?.isMinistry) continue;
    const stem = nameStem(entry);
    if (!out.some((o) => o.stem === stem))
      out.push({ asTyped: word, acronyms: byStem(stem), stem });
  }
  return out;
}

/** True when the text names the ministry: an acronym of it (`MKiDN`, `MKiDN-u`) or its office (`Ministra Kultury`). */
export function namesMinistry(text: string, ministry: AskedMinistry): boolean {
  for (const acronym of ministry.acronyms)
    if (new RegExp(`(?<![\\p{L}\\d])${acronym}(?![\\p{Ll}\\d])`, 'u').test(text)) return true;
  const folded = foldText(text).toLowerCase();
  for (const m of folded.matchAll(WRITTEN_OUT)) if (m[1]!.startsWith(ministry.stem)) return true;
  return false;
}
