/**
 * Which retrieved letter the answer rests on. Usually the first; but when the
 * first letter misses a constraint of the question (its year, place, figure)
 * and a letter ranked just below meets every one and covers the question's
 * words at least as well, that letter answers: „o ile spadła liczba
 * mieszkańców warm-maz od 2015” ranks a letter on school vacancies first
 * (it cites GUS) and the letter on Warmia's population third.
 *
 * Both conditions are needed (docs/answers.md): a later letter that merely
 * meets the year lets near misses through (an unrelated letter mentions
 * 2022 in passing), so it must also be at least as much about the question
 * as the first one ({@link TOPIC_COVERAGE_SHARE} of its topic words, names
 * and numbers aside), and its names are looked for in that letter alone. A
 * missing amount or office holder is never rescued this way.
 */
import type { SearchHit, TermStats } from '../archive/types.js';
import { assessAnswerability, type AnswerabilityResult } from './assess-answerability.js';
import { ANSWER_TYPE_MISSING, checkConstraints } from './check-constraints.js';

/** Letters (the first included) that may answer instead of the first. */
export const ANSWERING_CANDIDATES = 3;
/**
 * Share of the first letter's topic coverage a later letter needs: about as
 * much about the question, as ranking ties are common (docs/answers.md; a
 * letter on the asked place in passing scores a third of it or less).
 */
export const TOPIC_COVERAGE_SHARE = 0.8;

export interface ChooseAnsweringLetterOptions {
  readonly question: string;
  /** Retrieved passages, best first. */
  readonly hits: readonly SearchHit[];
  readonly answerability: AnswerabilityResult;
  /** Full texts of the distinct letters of `hits`, in the same order (`Evidence.letterTexts`). */
  readonly letterTexts: readonly string[];
  readonly stats: TermStats;
  /** Letters considered, the first included (default {@link ANSWERING_CANDIDATES}). */
  readonly candidates?: number;
}

export interface ChooseAnsweringLetterResult {
  /** The hits with the answering letter's passages first. */
  readonly hits: SearchHit[];
  readonly letterTexts: readonly string[];
  /** What the question names that the answering letter lacks (empty: answer). */
  readonly missing: string[];
}

/** Puts one letter's passages first, the rest in their order. */
function promote<T>(items: readonly T[], isOfLetter: (item: T) => boolean): T[] {
  return [...items.filter(isOfLetter), ...items.filter((item) => !isOfLetter(item))];
}

/**
 * The hits and letter texts with the `j`-th distinct letter (`ids[j]`) first, and what the question
 * names that this letter lacks; its names are looked for in that letter alone.
 */
function withLetterFirst(
  {
    question,
    hits,
    answerability,
    letterTexts,
  }: Pick<ChooseAnsweringLetterOptions, 'question' | 'hits' | 'answerability' | 'letterTexts'>,
  ids: readonly string[],
  j: number,
): ChooseAnsweringLetterResult {
  const reordered = promote(hits, (h) => h.letter.id === ids[j]);
  const texts = [letterTexts[j]!, ...letterTexts.filter((_, i) => i !== j)];
  const missing = checkConstraints({
    question,
    hits: reordered,
    answerability,
    letterTexts: texts,
    nameLetters: 1,
  });
  return { hits: reordered, letterTexts: texts, missing };
}

/**
 * Checks the question's constraints on the first letter and, if one is
 * missing, on the next candidates; returns the hits re-ordered for the letter
 * that meets them all, or the original hits with the first letter's misses.
 */
export function chooseAnsweringLetter({
  question,
  hits,
  answerability,
  letterTexts,
  stats,
  candidates = ANSWERING_CANDIDATES,
}: ChooseAnsweringLetterOptions): ChooseAnsweringLetterResult {
  const missing = checkConstraints({ question, hits, answerability, letterTexts });
  if (missing.length === 0) return { hits: [...hits], letterTexts, missing };
  // No amount or office holder in the first letter is a gap of the archive, not of the ranking: another
  // letter with some amount in it would answer a different question.
  const answerTypes: readonly string[] = Object.values(ANSWER_TYPE_MISSING);
  if (missing.some((m) => answerTypes.includes(m)))
    return { hits: [...hits], letterTexts, missing };
  const ids = [...new Set(hits.map((h) => h.letter.id))];
  // Compared on the question's topic, without its names and numbers: a letter holding the asked place or
  // year in passing (`Zduńska Wola` on a rail line, for a station) is not thereby more about the question.
  const names = new Set(answerability.words.filter((w) => w.isName).map((w) => w.word));
  const topic = question.replace(/[\p{L}\p{N}]+/gu, (w) =>
    names.has(w) || /\d/u.test(w) ? ' ' : w,
  );
  const coverage = (text: string | undefined) =>
    text === undefined
      ? 0
      : assessAnswerability({ question: topic, letterTexts: [text], stats }).score;
  const firstCoverage = coverage(letterTexts[0]);
  for (let j = 1; j < Math.min(candidates, ids.length, letterTexts.length); j++) {
    if (coverage(letterTexts[j]) < TOPIC_COVERAGE_SHARE * firstCoverage) continue;
    const asFirst = withLetterFirst({ question, hits, answerability, letterTexts }, ids, j);
    if (asFirst.missing.length === 0) return asFirst;
  }
  return { hits: [...hits], letterTexts, missing };
}

/** Passages an extractive answer quotes from (`composeExtractiveAnswer`'s `maxPassages`): only their letters are checked. */
const QUOTED_PASSAGES = 4;

export interface WithoutUnfitLettersOptions {
  readonly question: string;
  /** The hits as `chooseAnsweringLetter` ordered them, the answering letter first. */
  readonly hits: readonly SearchHit[];
  readonly answerability: AnswerabilityResult;
  /** Full texts of the distinct letters of `hits`, in the same order. */
  readonly letterTexts: readonly string[];
}

/**
 * The hits without the passages of letters, after the answering one, that miss a constraint of the
 * question: „Ile wynosi wynagrodzenie w Ministerstwie Kultury…?” is answered from the Ministry of
 * Culture's letter, never with the Ministry of Digital Affairs' salaries quoted beside it, though
 * that letter's sentences cover the question's words better.
 */
export function withoutUnfitLetters({
  question,
  hits,
  answerability,
  letterTexts,
}: WithoutUnfitLettersOptions): SearchHit[] {
  const ids = [...new Set(hits.map((h) => h.letter.id))];
  const quoted = new Set(hits.slice(0, QUOTED_PASSAGES).map((h) => h.letter.id));
  const unfit = new Set<string>();
  for (let j = 1; j < Math.min(ids.length, letterTexts.length); j++) {
    if (!quoted.has(ids[j]!)) continue;
    const { missing } = withLetterFirst({ question, hits, answerability, letterTexts }, ids, j);
    if (missing.length > 0) unfit.add(ids[j]!);
  }
  return unfit.size === 0 ? [...hits] : hits.filter((h) => !unfit.has(h.letter.id));
}
