/**
 * Lookups: questions that name one letter by what identifies it rather than
 * by its topic: an interpellation number (`odpowiedź na interpelację 16219`,
 * or just `16219`), a reference number in any spelling, a signatory in any
 * case form (`pismo podpisane przez Zmarzłego`, `co pisał Marian Zmarzły`),
 * usually with the letter's date. Unlike a topical question, a lookup's
 * constraints are checked against each candidate letter's metadata, and the
 * letters that meet them come first (docs/retrieval.md "Lookups").
 */
import { ACRONYMS, findAcronym } from '../archive/acronyms.js';
import { foldText } from '../archive/fold-text.js';
import {
  findReferences,
  parseReference,
  type ReferenceNumber,
} from '../archive/reference-number.js';
import type { Letter } from '../archive/types.js';
import { isSurnameForm, surnameForms } from './match-surname.js';

/** What a lookup question pins down; every field is optional. */
export interface LookupConstraints {
  /** Interpellation number the letter answers (`16219`). */
  readonly interpellation?: string;
  /** The letter's reference number. */
  readonly reference?: ReferenceNumber;
  /** Signatory name words as typed (`['Marian', 'Zmarzły']`, `['Zmarzłego']`). */
  readonly signatory?: readonly string[];
  /** Ministry names for the acronyms the question uses (`MZ` → `Ministerstwo Zdrowia`, `minister zdrowia`); a soft signal only. */
  readonly ministries?: readonly string[];
}

// Words before a name that are titles, not the name itself.
const TITLE_WORDS = new Set(
  'pan pana panu panem pani przez minister ministra ministrze ministrem wiceminister wiceministra wiceministrem ministry sekretarz sekretarza sekretarzem podsekretarz podsekretarza podsekretarzem stanu dr prof hab mgr inz posel posla radny radnego radna'.split(
    ' ',
  ),
);
// Words that end a name: prepositions, months, question words.
const NOT_NAME =
  /^(?:z|ze|w|we|do|od|na|o|i|a|dnia|dn|roku|r|w sprawie|sprawie|ws|dot|pismo|pisma|odpowiedz|odpowiedzi|interpelacj\w*|nr|numer|co|czy|jak|kiedy|gdzie|ktore|ktory|jakie|jaki|jaka|styczn\w*|lut\w*|mar(?:ca|zec|cu)|kwie\w*|maj\w*|czerw\w*|lip\w*|sierp\w*|wrze\w*|pazdziern\w*|listopad\w*|grud\w*|ministerstw\w*|urzad\w*|kancelari\w*|departament\w*)$/u;
// Cues after which the next words name the signatory, whatever their case.
const SIGNATORY_CUE =
  /^(?:podpisan\w*|podpisal\w*|podpisuje|sygnowan\w*|pisal|pisala|napisal|napisala|odpowiedzial|odpowiedziala|odpowiadal|odpowiadala|podpisujacy|podpisujaca|autorstwa|wyslal|wyslala|przygotowal|przygotowala)$/u;
// Letter words after which a capitalised word is taken as the signatory (`pismo Zmarzłego`).
const LETTER_WORD = /^(?:pism[oa]?|pismie|list|listu|odpowiedz|odpowiedzi|korespondencj\w*)$/u;

interface Word {
  readonly raw: string;
  readonly folded: string;
}

function wordsOf(question: string): Word[] {
  return (question.match(/[\p{L}\d][\p{L}\d.\-/]*/gu) ?? []).map((raw) => {
    const clean = raw.replace(/[.\-/]+$/u, '');
    return { raw: clean, folded: foldText(clean) };
  });
}

const isNameWord = (w: Word) =>
  /^\p{L}{3,}(?:-\p{L}{2,})?$/u.test(w.raw) &&
  !NOT_NAME.test(w.folded) &&
  !TITLE_WORDS.has(w.folded);
const isCapitalised = (w: Word) => /^\p{Lu}\p{Ll}/u.test(w.raw);

/** Name words after a cue: titles skipped, up to two name words. */
function nameAfter(
  words: readonly Word[],
  at: number,
  { capitalisedOnly }: { capitalisedOnly: boolean },
): string[] {
  let i = at + 1;
  while (i < words.length && TITLE_WORDS.has(words[i]!.folded)) i++;
  const name: string[] = [];
  while (
    i < words.length &&
    name.length < 2 &&
    isNameWord(words[i]!) &&
    (!capitalisedOnly || isCapitalised(words[i]!))
  )
    name.push(words[i++]!.raw);
  return name;
}

/** The signatory the question names, if any. */
function findSignatory(words: readonly Word[]): string[] | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (SIGNATORY_CUE.test(w.folded)) {
      const name = nameAfter(words, i, { capitalisedOnly: false });
      if (name.length > 0) return name;
    }
  }
  for (let i = 0; i < words.length; i++) {
    if (!LETTER_WORD.test(words[i]!.folded)) continue;
    const next = words[i + 1];
    // `pismo od Zmarzłego`, `pismo ministra Bejdy`, `pismo Zmarzłego`.
    const at = next && (next.folded === 'od' || TITLE_WORDS.has(next.folded)) ? i + 1 : i;
    const name = nameAfter(words, at, { capitalisedOnly: true });
    if (name.length > 0 && !findAcronym(name[0]!)) return name;
  }
  return undefined;
}

const INTERPELLATION =
  /\binterpelacj[a-z]*\s+(?:(?:poselsk[a-z]*|nr|numer|o numerze|o nr)\.?\s*)*(\d{3,6})\b/u;
const NUMBER_NEAR_INTERPELLATION = /\b(?:nr|numer)\.?\s*(\d{3,6})\b/u;
const BARE_NUMBER = /^\s*(?:(?:nr|numer)\.?\s*)?(\d{3,6})\s*[?.!]?\s*$/u;

/**
 * Reads the lookup constraints a question states. Topical questions give an
 * empty object; `isLookup` says whether anything was found.
 */
export function extractLookup(question: string): LookupConstraints {
  const folded = foldText(question);
  const words = wordsOf(question);
  const found: { -readonly [K in keyof LookupConstraints]: LookupConstraints[K] } = {};

  const interpellation =
    INTERPELLATION.exec(folded)?.[1] ??
    (/\binterpelac/u.test(folded) ? NUMBER_NEAR_INTERPELLATION.exec(folded)?.[1] : undefined) ??
    BARE_NUMBER.exec(folded)?.[1];
  if (interpellation) found.interpellation = interpellation;

  const reference = findReferences(question)[0] ?? wholeQuestionReference(question);
  if (reference) found.reference = reference;

  const signatory = findSignatory(words);
  if (signatory) found.signatory = signatory;

  const ministries = [
    ...words
      .filter((w) => /\p{Lu}/u.test(w.raw))
      .map((w) => findAcronym(w.raw))
      .filter((e) => e?.isMinistry)
      .flatMap((e) => e!.expansions),
    // Spelled out: `pismo Ministerstwa Zdrowia`, `odpowiedź ministra finansów`.
    ...MINISTRY_NAMES.filter(({ pattern }) => pattern.test(folded)).map(({ name }) => name),
  ];
  if (ministries.length > 0) found.ministries = [...new Set(ministries)];
  return found;
}

/** A question that is nothing but a reference in a loose spelling (`wen 9823 2020 rfz`, `znak: dps-wos 0212 45 2024`). */
function wholeQuestionReference(question: string): ReferenceNumber | undefined {
  const bare = question
    .trim()
    .replace(
      /^(?:nasz\s+znak|znak\s+sprawy|znak\s+pisma|znak|sygn(?:atura)?\.?|pismo|sprawa)\s*:?\s*/iu,
      '',
    )
    .replace(/[?!]+$/u, '');
  return parseReference(bare, { isLabelled: true }) ?? undefined;
}

/** True when the question identifies a letter (number, reference or signatory), which makes its dates hard constraints. */
export function isLookup(lookup: LookupConstraints): boolean {
  return Boolean(lookup.interpellation || lookup.reference || lookup.signatory);
}

/** Search text that reaches the signatory's letters: nominatives the typed forms may come from. */
export function signatorySearchText(lookup: LookupConstraints): string | null {
  if (!lookup.signatory) return null;
  return lookup.signatory.flatMap(surnameForms).join(' ');
}

export interface LookupDate {
  readonly dateFrom?: string;
  readonly dateTo?: string;
}

/**
 * How well a letter meets the lookup: one point per constraint met (number,
 * reference, signatory's surname, date), a tenth more when the first name
 * agrees too. Letters are ordered by it before their search rank.
 */
export function scoreLookupMatch(
  letter: Letter,
  lookup: LookupConstraints,
  date: LookupDate = {},
): number {
  let score = 0;
  if (lookup.interpellation && letter.interpellation === lookup.interpellation) score += 1;
  if (lookup.reference && letter.reference) {
    const stored = parseReference(letter.reference, { isLabelled: true });
    if (stored?.baseKey === lookup.reference.baseKey) score += 1;
  }
  if (lookup.signatory && letter.author) {
    const names = letter.author.split(/\s+/u);
    const surname = names[names.length - 1] ?? '';
    if (lookup.signatory.some((w) => isSurnameForm(w, surname))) {
      score += 1;
      if (
        names
          .slice(0, -1)
          .some((first) =>
            lookup.signatory!.some((w) =>
              foldText(w).startsWith(foldText(first).slice(0, Math.max(3, first.length - 2))),
            ),
          )
      )
        score += 0.1;
    }
  }
  if (
    (date.dateFrom || date.dateTo) &&
    letter.date &&
    (!date.dateFrom || letter.date >= date.dateFrom) &&
    (!date.dateTo || letter.date <= date.dateTo)
  )
    score += 1;
  return score;
}

/** `minister zdrowia` → a folded pattern for `ministerstwo/ministra/ministrze … zdrowia` (first two name words, cut to their stems). */
function ministryPattern(ministerForm: string): RegExp {
  const words = foldText(ministerForm)
    .split(/[\s,]+/u)
    .slice(1)
    .filter((w) => w !== 'i')
    .slice(0, 2);
  return new RegExp(
    `\\bminist[a-z]*\\s+${words.map((w) => `${w.slice(0, Math.min(5, w.length))}[a-z]*`).join('\\s+')}`,
    'u',
  );
}

const MINISTRY_NAMES: readonly { name: string; pattern: RegExp }[] = ACRONYMS.filter(
  (e) => e.isMinistry,
).map((e) => ({
  name: e.expansions[1]!,
  pattern: ministryPattern(e.expansions[1]!),
}));

/**
 * True when a letter's text (letterhead, signature role) names one of the
 * lookup's ministries: `MINISTER ZDROWIA`, `w Ministerstwie Zdrowia`.
 */
export function mentionsMinistry(text: string, lookup: LookupConstraints): boolean {
  if (!lookup.ministries) return false;
  const folded = foldText(text);
  return lookup.ministries.some((m) => /^minister\s/iu.test(m) && ministryPattern(m).test(folded));
}

/** Every ministry acronym the list knows, for docs and tests. */
export const MINISTRY_ACRONYMS: readonly string[] = ACRONYMS.filter((e) => e.isMinistry).map(
  (e) => e.acronym,
);
