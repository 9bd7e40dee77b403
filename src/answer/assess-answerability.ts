/**
 * Is the archive likely to answer this question? Decided before any answer is
 * written (and before any LLM call), from two pieces of evidence:
 *
 * 1. **Rarity-weighted coverage** of the question's content words by the best
 *    letter (its title and *all* its passages, not only the retrieved ones).
 *    Rare words weigh the most: "szpital w Wąbrzeźnie" is judged on
 *    "Wąbrzeźno", not on "szpital".
 * 2. **Names the archive has never seen.** A capitalised word inside the
 *    sentence, or an acronym, that occurs in no passage at all (document
 *    frequency 0) names a place, body or programme the archive knows nothing
 *    about; it weighs extra. A lower-case word with document frequency 0 is
 *    more often an inflected form the stemmer did not join, so it weighs like
 *    any rare word and may be matched loosely (below).
 *
 * 3. **Several letters, not rank 1.** The score is the best coverage among the
 *    first {@link SCORE_LETTERS} distinct letters retrieved, so it does not hinge
 *    on which of two near-equal letters the ranking puts first.
 * 4. **Names no retrieved letter contains.** A name the archive knows
 *    (document frequency > 0) that none of the retrieved letters
 *    ({@link ENTITY_LETTERS}) contains means the question is about another
 *    place or body than the letters found (`uczniów z Białorusi` against letters
 *    on Ukrainian pupils): refuse regardless of the score. An acronym counts as
 *    contained when a letter spells it out (`TK` = `Trybunału Konstytucyjnego`).
 *    Consecutive names are one entity (`Zduńskiej Woli`): covered only together.
 *
 * A word counts as covered when the analyzer's term is in the letter, or when
 * a letter word shares its first {@link PREFIX} letters (after folding
 * diacritics). The prefix match makes the signal independent of how good the
 * stemmer is: a better stemmer adds exact matches, it does not move the
 * threshold much. Document frequencies come from the index (`termStats`).
 */
import { joinDeclinedCompound } from './declined-compound.js';
import { routeStops } from './route-stops.js';
import { analyze, analyzeQuery, foldText, STOP_WORDS } from '../archive/analyzer.js';
import { isPolishName } from '../archive/stemmers/polish-dictionary.js';
import type { ArchiveIndex, Letter, Passage, SearchHit, TermStats } from '../archive/types.js';
import { groupDuplicateLetters } from '../retrieval/group-duplicate-letters.js';
import { retrievePassages } from '../retrieval/retrieve-passages.js';
import { wholeLetterText } from '../archive/whole-letter-text.js';
import { acronymsIn, acronymsOfNameRuns } from './name-acronyms.js';
import { rememberByText } from '../archive/remember-by-text.js';

/** Letters compared by the loose (truncation) match. */
export const PREFIX = 6;
/** Extra weight of a name-like word the archive has never seen. */
export const UNSEEN_NAME_BOOST = 4;
/** Weight factor of a lower-case word the archive has never seen (mostly unjoined inflections). */
export const UNSEEN_WORD_FACTOR = 0.3;
/** Distinct retrieved letters whose best coverage is the score. */
export const SCORE_LETTERS = 3;
/** Passages of one letter shown to the answerer: letters without their frame lines are cut into smaller passages (docs/answers.md). */
export const PASSAGES_PER_LETTER = 3;
/** Distinct retrieved letters searched for the question's names. */
export const ENTITY_LETTERS = 5;

/**
 * Refuse below this score. Tuned on the four dev sets together
 * (docs/answers.md): unanswerable questions naming an unseen place score
 * ≤ 0.347; answerable ones ≥ 0.382, apart from two titles questions (0.259, 0.349).
 */
export const DEFAULT_MIN_ANSWERABILITY = 0.36;

/** One content word of the question and how it fared. */
export interface QuestionWord {
  /** The word as typed. */
  readonly word: string;
  /** The analyzer's term(s) for it. */
  readonly terms: readonly string[];
  /** Passages in the archive that contain the term (0 = never seen). */
  readonly df: number;
  readonly weight: number;
  readonly isName: boolean;
  readonly isCovered: boolean;
}

export interface AnswerabilityResult {
  /** Share of the question's weight the letter covers (0–1); higher is more answerable. */
  readonly score: number;
  readonly words: readonly QuestionWord[];
  /** Name-like words with document frequency 0 (strong evidence of "not in the archive"). */
  readonly unseenNames: readonly string[];
  /** Names the archive knows that none of the given letters contains: refuse. */
  readonly missingNames: readonly string[];
}

/** The decision: refuse when a known name is in no retrieved letter, or the score is low. */
export function isAnswerable(
  result: AnswerabilityResult,
  minScore = DEFAULT_MIN_ANSWERABILITY,
): boolean {
  return result.missingNames.length === 0 && result.score >= minScore;
}

export interface AssessAnswerabilityOptions {
  readonly question: string;
  /** Title and full text of the best-ranked letter ('' when nothing was found). */
  readonly letterText?: string;
  /**
   * Title and full text of the first distinct letters retrieved, best first
   * (overrides `letterText`). The score is the best over the first
   * {@link SCORE_LETTERS}; names are looked for in all of them.
   */
  readonly letterTexts?: readonly string[];
  /**
   * The analysed terms of each of `letterTexts` (same order), as the index
   * stored them at ingest (`ArchiveIndex.letterTerms`); a missing entry is
   * analysed from its text. Only saves work: the terms are `analyze(text)`'s.
   */
  readonly letterTerms?: readonly (readonly string[] | undefined)[];
  /** Letters whose coverage counts (default {@link SCORE_LETTERS}). */
  readonly scoreLetters?: number;
  /** Document frequencies of the question's analyzed terms. */
  readonly stats: TermStats;
  /** Letters compared by the loose match (default {@link PREFIX}). */
  readonly prefix?: number;
  /** Weight factor of unseen names (default {@link UNSEEN_NAME_BOOST}). */
  readonly unseenNameBoost?: number;
  /** Weight factor of unseen lower-case words (default {@link UNSEEN_WORD_FACTOR}). */
  readonly unseenWordFactor?: number;
}

/** Words of a question with their position, in order. */
function words(text: string): { word: string; index: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m, index) => ({ word: m[0], index }));
}

/**
 * Administrative units whose next word is a place adjective written in lower
 * case (`powiatu kępińskiego`, `gminie wąbrzeskiej`): such a word is a name.
 */
/** The sixteen voivodeships' adjectives, in any case form (`świętokrzyskim`, `lubuskiego`), folded; the halves of `kujawsko-pomorskim` too, as words are split at the hyphen. */
const VOIVODESHIP =
  /^(?:dolnoslask|kujawsk|warminsk|kujawsko-?pomorsk|lubelsk|lubusk|lodzk|malopolsk|mazowieck|opolsk|podkarpack|podlask|pomorsk|slask|swietokrzysk|warminsko-?mazursk|wielkopolsk|zachodniopomorsk)\p{L}*$/u;

const ADMINISTRATIVE_UNIT = /^(powiat|powieci|gmin|województw|wojewodztw|ziemi)\p{L}*$/iu;

/**
 * Capitalised inside the sentence (not after `.?!`), an acronym such as
 * `DESI`, or the place adjective after an administrative unit.
 */
function isNameLike(
  word: string,
  index: number,
  text: string,
  offset: number,
  previous: string | undefined,
): boolean {
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  // A place adjective (`kępińskiego`, `łódzkiej`), not a verb that follows the unit (`radzie gminy dopłacić`).
  if (
    previous &&
    ADMINISTRATIVE_UNIT.test(previous) &&
    /^\p{Ll}+$/u.test(word) &&
    /(?:sk|ck|dzk)(?:i|a|ie|iego|iej|im|ich|imi|ą|iemu)$/u.test(foldText(word))
  )
    return true;
  // Chat drops capitals: `w ciechanowie`, `swietokrzyskim` are still places.
  // Only a word typed without diacritics is guessed a name from the dictionary: who types `dopłacić` types capitals too.
  if (
    index > 0 &&
    /^\p{Ll}+$/u.test(word) &&
    (VOIVODESHIP.test(foldText(word)) ||
      (word.length >= 4 && word === foldText(word) && isPolishName(word)))
  )
    return true;
  if (!/^\p{Lu}\p{Ll}/u.test(word) || index === 0) return false;
  const before = text.slice(0, offset).trimEnd();
  return !/[.?!:;„"(]$/.test(before);
}

/** The first letters a name's case forms share: all but the last three, four to six (`janowowi` → `janow`), as in `check-constraints.ts`. */
function nameStem(folded: string): string {
  return folded.slice(0, Math.max(4, Math.min(6, folded.length - 3)));
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface LetterView {
  readonly terms: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
  /** Folded first 4 and 5 letters of each word, for names in other case forms (`janowowi` ~ `Janowie`). */
  readonly shortPrefixes: ReadonlySet<string>;
  /** Initials of each run of capitalised words, for acronyms. */
  readonly capitalRuns: readonly string[];
  /** Acronyms the letter uses, for names the question writes out (`Komisja Europejska` = `KE`). */
  readonly acronyms: ReadonlySet<string>;
}

const STARTS_UPPER = /^\p{Lu}/u;

/** A capitalised word's folded initial, upper case; an ASCII capital is its own (most initials). */
function initialOf(first: string): string {
  const code = first.charCodeAt(0);
  return code >= 65 && code <= 90 ? first : foldText(first).toUpperCase();
}

function viewLetter(
  text: string,
  prefix: number,
  terms: readonly string[] = analyze(text),
): LetterView {
  const prefixes = new Set<string>();
  const shortPrefixes = new Set<string>();
  // Each distinct word once: a letter repeats most of its words, and only sets are built from them.
  for (const token of new Set(foldText(text).match(/[\p{L}\p{N}]+/gu))) {
    if (token.length >= prefix) prefixes.add(token.slice(0, prefix));
    // `Białymstoku` holds `Białystok` (both halves decline): its joined form's prefix too.
    const joined = token.length >= prefix ? joinDeclinedCompound(token) : null;
    if (joined) prefixes.add(joined.slice(0, prefix));
    if (token.length >= 4) shortPrefixes.add(token.slice(0, 4)).add(token.slice(0, 5));
  }
  const capitalRuns: string[] = [];
  let run = '';
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (STARTS_UPPER.test(word)) run += initialOf(word[0]!);
    else if (run) {
      capitalRuns.push(run);
      run = '';
    }
  }
  if (run) capitalRuns.push(run);
  return {
    terms: new Set(terms),
    prefixes,
    shortPrefixes,
    capitalRuns,
    acronyms: acronymsIn(text),
  };
}

/**
 * The view of each of the last letters read, at the default prefix: an answer views its first
 * letters again (the answering letter's topic coverage, `choose-answering-letter.ts`), and the
 * stored terms given are `analyze(text)`'s, so they do not change the view.
 */
const rememberedView = rememberByText((text: string, terms: readonly string[] | undefined) =>
  viewLetter(text, PREFIX, terms),
);

/** An acronym is spelled out when consecutive capitalised words start with its letters. */
function spellsOut(letter: LetterView, acronym: string): boolean {
  const initials = foldText(acronym).toUpperCase();
  return letter.capitalRuns.some((run) => run.includes(initials));
}

/**
 * Scores how well the retrieved letters answer the question.
 * Pure: the caller fetches the letter texts and the term statistics.
 */
export function assessAnswerability({
  question,
  letterText = '',
  letterTexts,
  letterTerms = [],
  scoreLetters = SCORE_LETTERS,
  stats,
  prefix = PREFIX,
  unseenNameBoost = UNSEEN_NAME_BOOST,
  unseenWordFactor = UNSEEN_WORD_FACTOR,
}: AssessAnswerabilityOptions): AnswerabilityResult {
  const n = Math.max(stats.passages, 1);
  const texts = letterTexts ?? (letterText ? [letterText] : []);
  const letters = texts.map((t, i) =>
    prefix === PREFIX ? rememberedView(t, letterTerms[i]) : viewLetter(t, prefix, letterTerms[i]),
  );
  const seen = new Set<string>();
  interface Candidate {
    word: string;
    terms: string[];
    folded: string;
    position: number;
    df: number;
    weight: number;
    isName: boolean;
    isAcronym: boolean;
    /** The acronym of the run of capitalised words this word is part of. */
    runAcronym: string | undefined;
  }
  const candidates: Candidate[] = [];
  const matches = [...question.matchAll(/[\p{L}\p{N}]+/gu)];
  const runAcronyms = acronymsOfNameRuns(question);
  words(question).forEach(({ word, index }) => {
    const folded = foldText(word);
    if (STOP_WORDS.has(folded)) return;
    const terms = analyze(word);
    if (terms.length === 0) return;
    const key = terms.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const df = Math.min(...terms.map((t) => stats.df.get(t) ?? 0));
    const isName = isNameLike(
      word,
      index,
      question,
      matches[index]!.index,
      matches[index - 1]?.[0],
    );
    const weight = idf(df, n) * (df > 0 ? 1 : isName ? unseenNameBoost : unseenWordFactor);
    candidates.push({
      word,
      terms,
      folded,
      position: index,
      df,
      weight,
      isName,
      isAcronym: /^\p{Lu}{2,}$/u.test(word),
      runAcronym: runAcronyms.get(index),
    });
  });
  const inLetter = (c: Candidate, letter: LetterView): boolean =>
    c.terms.every((t) => letter.terms.has(t)) ||
    (c.folded.length >= prefix && letter.prefixes.has(c.folded.slice(0, prefix))) ||
    (c.isName &&
      letter.prefixes.has((joinDeclinedCompound(c.folded) ?? '').slice(0, prefix) || '\0')) ||
    (c.isAcronym && spellsOut(letter, c.word)) ||
    (c.isName &&
      !c.isAcronym &&
      nameStem(c.folded).length < prefix &&
      letter.shortPrefixes.has(nameStem(c.folded))) ||
    (c.isName && c.runAcronym !== undefined && letter.acronyms.has(c.runAcronym));
  // Consecutive names form one entity (`Zduńskiej Woli`), covered only as a whole.
  const entityOf = candidates.map((c) => c.position);
  for (let i = 1; i < candidates.length; i++) {
    const [a, b] = [candidates[i - 1]!, candidates[i]!];
    if (a.isName && b.isName && b.position === a.position + 1) entityOf[i] = entityOf[i - 1]!;
  }
  // A stop of a route counts as covered where another stop of it is (`Trakiszki` with `Ełk-Suwałki`).
  const routes = routeStops(question);
  const routeOf = candidates.map((c) => routes.findIndex((stops) => stops.includes(c.word)));
  const ownIn = (letter: LetterView): boolean[] => {
    const direct = candidates.map((c) => inLetter(c, letter));
    return direct.map(
      (ok, i) =>
        ok ||
        (routeOf[i]! >= 0 && direct.some((o, j) => o && j !== i && routeOf[j] === routeOf[i])),
    );
  };
  const coveredIn = (letter: LetterView): boolean[] => {
    const own = ownIn(letter);
    return own.map((_, i) => own.every((ok, j) => ok || entityOf[j] !== entityOf[i]));
  };
  // Reference numbers span several words; the analyzer turns them into one term.
  const references = analyze(question).filter((t) => t.includes('.') && !seen.has(t));
  const total =
    candidates.reduce((a, c) => a + c.weight, 0) +
    references.reduce((a, t) => a + idf(stats.df.get(t) ?? 0, n), 0);
  let best = -1;
  let bestCovered: boolean[] = candidates.map(() => false);
  let bestRefs: boolean[] = references.map(() => false);
  letters.slice(0, Math.max(scoreLetters, 1)).forEach((letter) => {
    const covered = coveredIn(letter);
    const refs = references.map((t) => letter.terms.has(t));
    const sum =
      candidates.reduce((a, c, i) => a + (covered[i] ? c.weight : 0), 0) +
      references.reduce((a, t, i) => a + (refs[i] ? idf(stats.df.get(t) ?? 0, n) : 0), 0);
    if (sum > best) [best, bestCovered, bestRefs] = [sum, covered, refs];
  });
  const result: QuestionWord[] = candidates.map((c, i) => ({
    word: c.word,
    terms: c.terms,
    df: c.df,
    weight: c.weight,
    isName: c.isName,
    isCovered: bestCovered[i]!,
  }));
  references.forEach((t, i) => {
    const df = stats.df.get(t) ?? 0;
    result.push({
      word: t,
      terms: [t],
      df,
      weight: idf(df, n),
      isName: true,
      isCovered: bestRefs[i]!,
    });
  });
  const missingNames = candidates
    .filter((c, i) => c.isName && c.df > 0 && !letters.some((l) => ownIn(l)[i]))
    .map((c) => c.word);
  return {
    score: total === 0 || best <= 0 ? 0 : best / total,
    words: result,
    unseenNames: result.filter((w) => w.isName && w.df === 0).map((w) => w.word),
    missingNames,
  };
}

/**
 * Title, metadata (signatory, addressee, reference, date) and full text of the
 * first `k` distinct letters retrieved, best first. The metadata counts: the
 * letterhead and signature block are not passage text (`letter-parts.ts`), yet
 * „odpowiedź dla radnego Krzaka” names the letter's addressee.
 */
export async function topLetterTexts(
  index: ArchiveIndex,
  hits: readonly SearchHit[],
  k = ENTITY_LETTERS,
  passagesOf: (letterId: string) => Promise<Passage[]> = (id) => index.getPassages(id),
): Promise<string[]> {
  return Promise.all(
    topLetters(hits, k).map(async (l) => wholeLetterText(l, await passagesOf(l.id))),
  );
}

/** The first `k` distinct letters of the hits, best first. */
function topLetters(hits: readonly SearchHit[], k: number): SearchHit['letter'][] {
  const letters: SearchHit['letter'][] = [];
  for (const hit of hits) {
    if (letters.length >= k) break;
    if (!letters.some((l) => l.id === hit.letter.id)) letters.push(hit.letter);
  }
  return letters;
}

/** The stored analysed terms of the letters `topLetterTexts` returns, same order (`undefined` where the index has none). */
async function topLetterTerms(
  index: ArchiveIndex,
  hits: readonly SearchHit[],
  k = ENTITY_LETTERS,
): Promise<(readonly string[] | undefined)[]> {
  const ids = topLetters(hits, k).map((l) => l.id);
  const stored = index.letterTerms
    ? await index.letterTerms(ids)
    : new Map<string, readonly string[]>();
  return ids.map((id) => stored.get(id));
}

export interface GatherEvidenceOptions {
  readonly index: ArchiveIndex;
  readonly question: string;
  /** Passages to retrieve. */
  readonly k: number;
  readonly accessGroups?: readonly string[];
}

/** What both answers and reply drafts rest on: the passages, term statistics, and the refusal evidence. */
export interface Evidence {
  /** Retrieved passages, copies of one letter folded into its best-ranked copy. */
  readonly hits: SearchHit[];
  /** Per letter id: its other copies in the archive (see `attachCopies`). */
  readonly copies: ReadonlyMap<string, readonly Letter[]>;
  readonly stats: TermStats;
  readonly answerability: AnswerabilityResult;
  /** Title, metadata and full text of the first distinct letters, best first (`topLetterTexts`). */
  readonly letterTexts: readonly string[];
}

/** Retrieves passages for a question and assesses whether they can answer it (one place for answers and drafts). */
export async function gatherEvidence({
  index,
  question,
  k,
  accessGroups = [],
}: GatherEvidenceOptions): Promise<Evidence> {
  const retrieved = await retrievePassages({
    index,
    question,
    k,
    perLetter: PASSAGES_PER_LETTER,
    filter: { accessGroups },
  });
  // Both steps below read whole letters: each letter is read once per question.
  const read = new Map<string, Promise<Passage[]>>();
  const passagesOf = (id: string) => read.get(id) ?? read.set(id, index.getPassages(id)).get(id)!;
  const { hits, copies } = await groupDuplicateLetters({ index, hits: retrieved, passagesOf });
  const stats = await index.termStats(analyzeQuery(question));
  const letterTexts = await topLetterTexts(index, hits, ENTITY_LETTERS, passagesOf);
  const letterTerms = await topLetterTerms(index, hits, ENTITY_LETTERS);
  const answerability = assessAnswerability({ question, letterTexts, letterTerms, stats });
  return { hits, copies, stats, answerability, letterTexts };
}
