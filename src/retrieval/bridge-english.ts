/**
 * English questions over Polish letters, without a language model: the
 * question's words are looked up in a bilingual term list and the Polish
 * terms become the search query ("waiting times for cardiology in Łódź" →
 * „czas oczekiwania kardiologia Łódź”). The Polish analyzer then stems and
 * folds them like any Polish query.
 *
 * Two term lists, the first one winning: a hand-written glossary of
 * administrative vocabulary (`term-lists/en-pl-glossary.json`, Apache-2.0) and a
 * compact list generated from FreeDict English–Polish
 * (`term-lists/en-pl-freedict.json`, GFDL-1.2+; see `term-lists/README.md` and
 * `scripts/build-en-pl-dictionary.ts`). Proper names, acronyms, numbers and
 * reference numbers pass through unchanged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { polishQuestionWord } from './english-question-word.js';
import { routeStops } from '../answer/route-stops.js';
import { detectLanguage } from '../archive/language.js';
import { PACKAGE_ROOT } from '../package-root.js';

// From the package root: the build in dist/ does not copy these JSON files.
const DATA_DIR = path.join(PACKAGE_ROOT, 'src/retrieval/term-lists');
/** Term-list files, in order of precedence. */
export const TERM_LIST_FILES = ['en-pl-glossary.json', 'en-pl-freedict.json'] as const;
/** Longest English phrase looked up, in words. */
const MAX_PHRASE_WORDS = 4;
/** Below this share of content words bridged, the search is too weak to claim the archive lacks an answer. */
const MIN_BRIDGED_SHARE = 0.6;

const termListSchema = z.object({
  words: z.record(z.string(), z.string()),
  phrases: z.record(z.string(), z.string()),
});

/** English → Polish terms, `|`-separated alternatives per entry. */
export interface TermList {
  readonly words: ReadonlyMap<string, readonly string[]>;
  readonly phrases: ReadonlyMap<string, readonly string[]>;
}

/** English words that carry no search meaning (question words, auxiliaries, articles, prepositions). */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of in on at to for from by with without about into onto over under between among through during before after ' +
    'what which who whom whose how when where why whether is are was were be been being am do does did done doing have has had having ' +
    'can could will would shall should may might must not no nor any some all each every many much more most few less least other another ' +
    "this that these those there here it its it's they them their theirs we us our ours you your yours he him his she her hers i me my mine " +
    'than then so such very too also just only even still yet ever again already please tell know let say said says told give given ' +
    'up down out off per via as like one two also regarding concerning re vs versus anything something thing things way ways kind ' +
    "now currently today there's what's isn't aren't doesn't don't didn't won't can't get got going gone make made"
  ).split(/\s+/),
);

function parseList(raw: unknown): TermList {
  const parsed = termListSchema.parse(raw);
  const split = (record: Record<string, string>) =>
    new Map(
      Object.entries(record).map(([k, v]) => [k.toLowerCase(), v.split('|').filter(Boolean)]),
    );
  return { words: split(parsed.words), phrases: split(parsed.phrases) };
}

/**
 * Reads the shipped term lists (glossary first).
 * @throws Error when a file is missing or malformed (a broken build, not a user error).
 */
export function loadTermLists(dir = DATA_DIR): readonly TermList[] {
  return TERM_LIST_FILES.map((file) =>
    parseList(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown),
  );
}

let defaultLists: readonly TermList[] | null = null;

/** English inflections folded to the forms dictionaries list: "hospitals" → "hospital", "funded" → "fund". */
export function englishBaseForms(word: string): string[] {
  const w = word.toLowerCase().replace(/'s$|’s$/, '');
  const forms = [w];
  const add = (f: string) => f.length > 2 && !forms.includes(f) && forms.push(f);
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/(.)\1ed$/.test(w)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(w)) add(w.slice(0, -4));
  }
  if (w.endsWith('ly')) add(w.slice(0, -2));
  return forms;
}

/** A token kept as it is: a number, a reference number, an acronym or a name written the Polish way. */
function isPassThrough(token: string, position: number): boolean {
  if (/\d/.test(token)) return true;
  if (/^\p{Lu}{2,}[\p{Lu}\p{Ll}-]*$/u.test(token)) return true;
  if (/[ąćęłńóśźż]/i.test(token)) return true;
  return position > 0 && /^\p{Lu}/u.test(token);
}

export interface BridgeEnglishResult {
  /** The Polish search query (terms separated by spaces). */
  readonly query: string;
  /** English words or phrases that were translated. */
  readonly bridged: readonly string[];
  /** Names, numbers and references kept as they are. */
  readonly kept: readonly string[];
  /** Content words no term list knows; left out of the query. */
  readonly unbridged: readonly string[];
  /**
   * True when too little of the question could be put into Polish for the
   * search to mean much: a refusal must then not claim the archive lacks
   * the answer, only that this mode searches Polish letters.
   */
  readonly isWeak: boolean;
}

export interface BridgeEnglishOptions {
  /** Term lists in order of precedence (default: the shipped glossary and FreeDict list). */
  readonly termLists?: readonly TermList[];
}

function lookUp(
  lists: readonly TermList[],
  kind: 'words' | 'phrases',
  forms: readonly string[],
): readonly string[] | null {
  for (const list of lists) {
    for (const form of forms) {
      const hit = list[kind].get(form);
      if (hit) return hit;
    }
  }
  return null;
}

/**
 * Puts an English question into Polish search terms: the longest known
 * phrase at each position first, then single words (in any inflection);
 * names, acronyms, numbers and references pass through.
 */
export function bridgeEnglish(
  question: string,
  { termLists }: BridgeEnglishOptions = {},
): BridgeEnglishResult {
  const lists = termLists ?? (defaultLists ??= loadTermLists());
  // Words with inner hyphens, apostrophes, dots and slashes stay whole: "state-owned", "WEN.9823.2020.RFZ", "800+".
  const tokens = question.match(/[\p{L}\p{N}]+(?:[-'’./+][\p{L}\p{N}+]+)*\+?/gu) ?? [];
  const terms: string[] = [];
  const bridged: string[] = [];
  const kept: string[] = [];
  const unbridged: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - i); n >= 2 && matched === 0; n -= 1) {
      const words = tokens.slice(i, i + n).map((t) => t.toLowerCase());
      const last = words.at(-1) ?? '';
      const head = words.slice(0, -1).join(' ');
      const hit = lookUp(
        lists,
        'phrases',
        englishBaseForms(last).map((f) => `${head} ${f}`),
      );
      if (hit) {
        terms.push(...hit);
        bridged.push(words.join(' '));
        matched = n;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const token = tokens[i] ?? '';
    const lower = token.toLowerCase();
    i += 1;
    if (STOP_WORDS.has(lower) || lower.length < 2) continue;
    // A word in capitals is a name or an acronym (`FLIRT` trains, the `SENT` system, the `KLUB` programme):
    // only the administrative glossary translates it (`EU` → `UE`), a general dictionary would not (`flirtować`).
    const isCapitals = /^\p{Lu}{2,}$/u.test(token);
    const hit = /\d/.test(token)
      ? null
      : lookUp(isCapitals ? lists.slice(0, 1) : lists, 'words', englishBaseForms(token));
    if (hit && !(isPassThrough(token, i - 1) && /[ąćęłńóśźż]/i.test(token))) {
      terms.push(...hit);
      bridged.push(lower);
    } else if (isPassThrough(token, i - 1)) {
      terms.push(token);
      kept.push(token);
    } else unbridged.push(lower);
  }
  // A route („between Szczecin and Gdańsk”) stays one in the Polish query (`Szczecin-Gdańsk`), so the
  // answer side still sees a route whose stops the letter may name only in part (`route-stops.ts`).
  for (const stops of routeStops(question)) {
    const at = stops.map((stop) => terms.indexOf(stop));
    if (at.some((i) => i < 0)) continue;
    terms[at[0]!] = stops.join('-');
    for (const i of at.slice(1)) terms[i] = '';
  }
  const content = bridged.length + kept.length + unbridged.length;
  // The question word leads, as in a Polish question: it gives the answer its type, not the search a term.
  const cue = polishQuestionWord(question);
  const words = [...new Set(terms.filter(Boolean))];
  const query = [...(cue && words.length > 0 ? [cue] : []), ...words].join(' ');
  const isWeak =
    bridged.length === 0 ||
    (bridged.length + kept.length) / Math.max(1, content) < MIN_BRIDGED_SHARE;
  return { query, bridged, kept, unbridged, isWeak };
}

/**
 * What the archive is searched with when no language model is configured:
 * a Polish question as it is, an English one as its Polish bridge. The
 * assistant does the same, so the eval's ranking measures what users get.
 */
export function searchQueryWithoutLlm(question: string): string {
  return detectLanguage(question) === 'en' ? bridgeEnglish(question).query : question;
}
