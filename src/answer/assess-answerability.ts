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
 * A word counts as covered when the analyzer's term is in the letter, or when
 * a letter word shares its first {@link PREFIX} letters (after folding
 * diacritics). The prefix match makes the signal independent of how good the
 * stemmer is: a better stemmer adds exact matches, it does not move the
 * threshold much. Document frequencies come from the index (`termStats`).
 */
import { analyze, foldText, STOP_WORDS } from '../archive/analyzer.js';
import type { TermStats } from '../archive/types.js';

/** Letters compared by the loose (truncation) match. */
export const PREFIX = 6;
/** Extra weight of a name-like word the archive has never seen. */
export const UNSEEN_NAME_BOOST = 4;
/** Weight factor of a lower-case word the archive has never seen (mostly unjoined inflections). */
export const UNSEEN_WORD_FACTOR = 0.3;

/**
 * Refuse below this score. Tuned on the four dev sets (docs/answers.md): the
 * unanswerable questions that name an unseen place score ≤ 0.292; answerable
 * ones score ≥ 0.305, apart from four whose own subject is absent from the
 * archive (≤ 0.242).
 */
export const DEFAULT_MIN_ANSWERABILITY = 0.3;

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
}

export interface AssessAnswerabilityOptions {
  readonly question: string;
  /** Title and full text of the best-ranked letter ('' when nothing was found). */
  readonly letterText: string;
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
const ADMINISTRATIVE_UNIT = /^(powiat|gmin|województw|wojewodztw|ziemi)\p{L}*$/iu;

/**
 * Capitalised inside the sentence (not after `.?!`), an acronym such as
 * `DESI`, or the place adjective after an administrative unit.
 */
function isNameLike(word: string, index: number, text: string, offset: number, previous: string | undefined): boolean {
  if (/^\p{Lu}{2,}$/u.test(word)) return true;
  if (previous && ADMINISTRATIVE_UNIT.test(previous) && /^\p{Ll}+$/u.test(word)) return true;
  if (!/^\p{Lu}\p{Ll}/u.test(word) || index === 0) return false;
  const before = text.slice(0, offset).trimEnd();
  return !/[.?!:;„"(]$/.test(before);
}

function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/**
 * Scores how well the best letter answers the question.
 * Pure: the caller fetches the letter text and the term statistics.
 */
export function assessAnswerability({
  question,
  letterText,
  stats,
  prefix = PREFIX,
  unseenNameBoost = UNSEEN_NAME_BOOST,
  unseenWordFactor = UNSEEN_WORD_FACTOR,
}: AssessAnswerabilityOptions): AnswerabilityResult {
  const n = Math.max(stats.passages, 1);
  const letterTerms = new Set(analyze(letterText));
  const letterPrefixes = new Set<string>();
  for (const token of foldText(letterText).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (token.length >= prefix) letterPrefixes.add(token.slice(0, prefix));
  }
  const seen = new Set<string>();
  const result: QuestionWord[] = [];
  const matches = [...question.matchAll(/[\p{L}\p{N}]+/gu)];
  words(question).forEach(({ word, index }) => {
    const folded = foldText(word);
    if (STOP_WORDS.has(folded)) return;
    const terms = analyze(word);
    if (terms.length === 0) return;
    const key = terms.join(' ');
    if (seen.has(key)) return;
    seen.add(key);
    const df = Math.min(...terms.map((t) => stats.df.get(t) ?? 0));
    const isName = isNameLike(word, index, question, matches[index]!.index, matches[index - 1]?.[0]);
    const weight = idf(df, n) * (df > 0 ? 1 : isName ? unseenNameBoost : unseenWordFactor);
    const isCovered =
      terms.every((t) => letterTerms.has(t)) || (folded.length >= prefix && letterPrefixes.has(folded.slice(0, prefix)));
    result.push({ word, terms, df, weight, isName, isCovered });
  });
  // Reference numbers span several words; the analyzer turns them into one term.
  for (const term of analyze(question).filter((t) => t.includes('.') && !seen.has(t))) {
    seen.add(term);
    const df = stats.df.get(term) ?? 0;
    result.push({ word: term, terms: [term], df, weight: idf(df, n), isName: true, isCovered: letterTerms.has(term) });
  }
  const total = result.reduce((a, w) => a + w.weight, 0);
  const covered = result.filter((w) => w.isCovered).reduce((a, w) => a + w.weight, 0);
  return {
    score: total === 0 ? 0 : covered / total,
    words: result,
    unseenNames: result.filter((w) => w.isName && w.df === 0).map((w) => w.word),
  };
}
