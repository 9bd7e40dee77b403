import { analyze } from '../../src/archive/analyzer.js';
import { assessAnswerability } from '../../src/answer/assess-answerability.js';

const letterText = 'Szpital powiatowy w Chorzowie otrzymał dofinansowanie z Ministerstwa Zdrowia na spłatę zadłużenia.';
/** Document frequencies keyed by the words as typed (turned into the analyzer's terms). */
const stats = (df: Record<string, number>) => ({
  passages: 1000,
  df: new Map(Object.entries(df).map(([word, n]) => [analyze(word)[0]!, n])),
});

describe('assessAnswerability', () => {
  test('a question the letter covers scores high', () => {
    const a = assessAnswerability({
      question: 'Czy Ministerstwo Zdrowia dało szpitalowi w Chorzowie pieniądze na zadłużenie?',
      letterText,
      stats: stats({ Ministerstwo: 400, Zdrowia: 200, szpitalowi: 50, Chorzowie: 3, pieniądze: 9, zadłużenie: 5, dało: 40 }),
    });
    expect(a.score).toBeGreaterThan(0.6);
    expect(a.unseenNames).toEqual([]);
  });

  test('a place name the archive has never seen weighs the most and is reported', () => {
    const a = assessAnswerability({
      question: 'Czy Ministerstwo Zdrowia pomoże szpitalowi w Wąbrzeźnie?',
      letterText,
      stats: stats({ Ministerstwo: 400, Zdrowia: 200, szpitalowi: 50, pomoże: 2 }),
    });
    expect(a.unseenNames).toEqual(['Wąbrzeźnie']);
    expect(a.score).toBeLessThan(0.3);
  });

  test('a lower-case place adjective after an administrative unit counts as a name', () => {
    const a = assessAnswerability({
      question: 'Ile umów podpisano dla powiatu kępińskiego?',
      letterText: 'Podpisano 12 umów dla powiatu kaliskiego.',
      stats: stats({ umów: 900, podpisano: 800, powiatu: 270 }),
    });
    expect(a.unseenNames).toEqual(['kępińskiego']);
    expect(a.score).toBeLessThan(0.3);
  });

  test('inflected forms the stemmer misses still match by prefix', () => {
    const a = assessAnswerability({ question: 'Ile dofinansowania dostał szpital?', letterText: 'Szpital otrzymał dofinansowanie.', stats: stats({ szpital: 50, dostał: 5 }) });
    expect(a.words.find((w) => w.word === 'dofinansowania')?.isCovered).toBe(true);
  });

  test('nothing retrieved scores 0', () => {
    expect(assessAnswerability({ question: 'Kto?', letterText: '', stats: stats({}) }).score).toBe(0);
  });
});
