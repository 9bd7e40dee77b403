import { analyze } from '../../src/archive/analyzer.js';
import type { SearchHit } from '../../src/archive/types.js';
import { assessAnswerability } from '../../src/answer/assess-answerability.js';
import { withoutUnfitLetters } from '../../src/answer/choose-answering-letter.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

/** Hits of letters given as [id, text], each one passage, in rank order. */
function hitsOf(letters: readonly (readonly [string, string])[]): SearchHit[] {
  return letters.flatMap(([id, text], rank) =>
    makePassages(id, [text]).map((passage) => ({
      passage,
      letter: makeLetter({ id }),
      score: 10 - rank,
    })),
  );
}

function keptLetters(question: string, letters: readonly (readonly [string, string])[]): string[] {
  const letterTexts = letters.map(([, text]) => text);
  const answerability = assessAnswerability({
    question,
    letterTexts,
    stats: { passages: 1000, df: new Map(analyze(question).map((t) => [t, 5])) },
  });
  const hits = withoutUnfitLetters({ question, hits: hitsOf(letters), answerability, letterTexts });
  return [...new Set(hits.map((h) => h.letter.id))];
}

describe('withoutUnfitLetters', () => {
  // fresh3 f3010: the Ministry of Culture's reply first, the Ministry of Digital Affairs' salaries quoted beside it.
  const culture =
    'Ministerstwo Kultury i Dziedzictwa Narodowego informuje, że przeciętne miesięczne wynagrodzenie brutto w urzędzie wyniosło 11 200 zł.';
  const digital =
    'Średnie miesięczne wynagrodzenie brutto w Ministerstwie Cyfryzacji w 2025 r. wyniosło 13.103,92 zł.';

  it('drops a later letter that misses the ministry the question names', () => {
    expect(
      keptLetters('Ile wynosi wynagrodzenie brutto w Ministerstwie Kultury?', [
        ['mkidn', culture],
        ['mc', digital],
      ]),
    ).toEqual(['mkidn']);
  });

  it('keeps a later letter that meets every constraint', () => {
    const culture2 =
      'Minister Kultury i Dziedzictwa Narodowego wskazuje, że wynagrodzenia w ministerstwie rosną od 2024 r.';
    expect(
      keptLetters('Ile wynosi wynagrodzenie brutto w Ministerstwie Kultury?', [
        ['mkidn', culture],
        ['mkidn2', culture2],
      ]),
    ).toEqual(['mkidn', 'mkidn2']);
  });
});
