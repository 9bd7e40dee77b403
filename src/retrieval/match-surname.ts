/**
 * Polish surnames in questions come in any case form (`pismo podpisane przez
 * Zmarzłego`, `z Kiepurą`, `od Bukowca`, `przez Nowakowską`), while letters
 * store the signatory in the nominative (`Marian Zmarzły`). These two helpers
 * bridge them without a name dictionary: `surnameForms` guesses nominatives
 * for a search, and `isSurnameForm` checks an inflected word against a known
 * nominative, gender included (`Gajewska` is not `Gajewski`).
 */
import { foldText } from '../archive/fold-text.js';

// Case endings after the core of a surname, by declension type (folded).
const ADJECTIVE_MASCULINE = ['i', 'iego', 'iemu', 'im', 'y', 'ego', 'emu', 'ym'];
const ADJECTIVE_FEMININE = ['a', 'iej', 'ej', 'a'];
const NOUN_ENDINGS = [
  '',
  'a',
  'owi',
  'em',
  'iem',
  'ie',
  'u',
  'y',
  'i',
  'e',
  'ze',
  'ce',
  'zie',
  'dzie',
  'owie',
  'ow',
  'ami',
  'ach',
  'om',
];

/** Folded surname with its declension type. */
function analyse(surname: string): {
  core: string;
  alternates: string[];
  endings: readonly string[];
} {
  const s = foldText(surname);
  // -ski/-cki/-dzki/-y adjectives: masculine and feminine forms share the core but not the endings.
  if (/(?:sk|ck|dzk)i$/u.test(s) || (/y$/u.test(s) && s.length > 4))
    return { core: s.slice(0, -1), alternates: [], endings: ADJECTIVE_MASCULINE };
  if (/(?:sk|ck|dzk)a$/u.test(s))
    return { core: s.slice(0, -1), alternates: [], endings: ADJECTIVE_FEMININE };
  if (/a$/u.test(s))
    return {
      core: s.slice(0, -1),
      alternates: [s.slice(0, -2)],
      endings: ['a', 'y', 'i', 'e', 'ie', 'a', 'e', 'ze', 'zie', 'dzie', 'ce', 'owie'],
    };
  // Fleeting e: Bukowiec → Bukowca, Mroczek → Mroczka, Wróbel → Wróbla.
  const fleeting = /^(.+?)i?e([ckl])$/u.exec(s);
  return {
    core: s,
    alternates: fleeting ? [`${fleeting[1]}${fleeting[2]}`] : [],
    endings: NOUN_ENDINGS,
  };
}

/**
 * True when `word` (as typed in a question) is a case form of `surname` (the
 * nominative the letter stores): `Zmarzłego`/`Zmarzły`, `Maciejewskiego`/
 * `Maciejewski`, `Nowakowskiej`/`Nowakowska`, `Bukowca`/`Bukowiec`. Folded, so
 * typing without diacritics works. Double-barrelled surnames match on any part.
 */
export function isSurnameForm(word: string, surname: string): boolean {
  const w = foldText(word);
  if (w.length < 3) return false;
  const parts = surname.split('-').filter((p) => p.length >= 3);
  if (parts.length > 1 && parts.some((p) => isSurnameForm(word, p))) return true;
  if (w === foldText(surname)) return true;
  const { core, alternates, endings } = analyse(surname);
  for (const stem of [core, ...alternates]) {
    if (stem.length < 3 || !w.startsWith(stem)) continue;
    const ending = w.slice(stem.length);
    if (endings.includes(ending)) return true;
    // Consonant alternations before -e (Kiepura → Kiepurze, Bejda → Bejdzie) keep the core's start.
    if (/^(?:rze|dzie|zie|ce|sze)$/u.test(ending)) return true;
  }
  // Alternation on the core's last letter: Kiepura → Kiepurze (core kiepur + ze) is above; Bejda → Bejdzie (core bejd + zie).
  return false;
}

/**
 * Nominatives a case form may come from, for searching the signatory field:
 * `Zmarzłego` → `zmarzly`, `zmarzli`…; `Bukowca` → `bukowiec`, `bukowec`…
 * Over-generates on purpose: forms that name nobody match nothing.
 */
export function surnameForms(word: string): string[] {
  const w = foldText(word);
  const forms = new Set<string>([w]);
  const swap = (ending: string, replacements: readonly string[]) => {
    if (w.length > ending.length + 2 && w.endsWith(ending))
      for (const r of replacements) forms.add(w.slice(0, w.length - ending.length) + r);
  };
  swap('iego', ['i']);
  swap('iemu', ['i']);
  swap('im', ['i']);
  swap('ego', ['y', 'i']);
  swap('emu', ['y']);
  swap('ym', ['y']);
  swap('iej', ['a']);
  swap('ej', ['a']);
  swap('owi', ['']);
  swap('iem', ['']);
  swap('em', ['']);
  swap('ie', ['', 'a']);
  swap('dzie', ['da']);
  swap('rze', ['ra']);
  swap('ce', ['ka']);
  swap('a', ['', 'y', 'i']);
  swap('y', ['a', '']);
  swap('i', ['a']);
  swap('e', ['a']);
  swap('u', ['']);
  // Fleeting e in the nominative: mroczka → mroczek, bukowca → bukowiec, wrobla → wrobel.
  for (const f of [...forms]) {
    const m = /^(.+[^aeiouy])([ckl])$/u.exec(f);
    if (m) forms.add(`${m[1]}e${m[2]}`).add(`${m[1]}ie${m[2]}`);
  }
  return [...forms];
}
