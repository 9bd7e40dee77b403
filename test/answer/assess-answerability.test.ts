import { analyze } from '../../src/archive/analyzer.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import {
  assessAnswerability,
  gatherEvidence,
  isAnswerable,
} from '../../src/answer/assess-answerability.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const letterText =
  'Szpital powiatowy w Chorzowie otrzymał dofinansowanie z Ministerstwa Zdrowia na spłatę zadłużenia.';
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
      stats: stats({
        Ministerstwo: 400,
        Zdrowia: 200,
        szpitalowi: 50,
        Chorzowie: 3,
        pieniądze: 9,
        zadłużenie: 5,
        dało: 40,
      }),
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

  test('a stop of a route the letter names by its other stops is covered; a lone place is not', () => {
    // sejm/i18681-DWVHCP: the letter writes „na odcinku Ełk - Suwałki - granica państwa”.
    const letterText =
      'Harmonogram robót dla linii Rail Baltica na odcinku Ełk - Suwałki - granica państwa zależy od procedur.';
    const route = assessAnswerability({
      question: 'Kiedy ruszy budowa odcinka Rail Baltica Ełk-Suwałki-Trakiszki?',
      letterText,
      stats: stats({
        ruszy: 30,
        budowa: 300,
        odcinka: 90,
        Rail: 5,
        Baltica: 5,
        Ełk: 4,
        Suwałki: 6,
      }),
    });
    expect(route.words.find((w) => w.word === 'Trakiszki')?.isCovered).toBe(true);
    expect(route.unseenNames).toEqual(['Trakiszki']);
    const lone = assessAnswerability({
      question: 'Kiedy ruszy budowa linii Rail Baltica w Trakiszkach?',
      letterText,
      stats: stats({ ruszy: 30, budowa: 300, linii: 90, Rail: 5, Baltica: 5 }),
    });
    expect(lone.words.find((w) => w.word === 'Trakiszkach')?.isCovered).toBe(false);
  });

  test('inflected forms the stemmer misses still match by prefix', () => {
    const a = assessAnswerability({
      question: 'Ile dofinansowania dostał szpital?',
      letterText: 'Szpital otrzymał dofinansowanie.',
      stats: stats({ szpital: 50, dostał: 5 }),
    });
    expect(a.words.find((w) => w.word === 'dofinansowania')?.isCovered).toBe(true);
  });

  test('nothing retrieved scores 0', () => {
    expect(assessAnswerability({ question: 'Kto?', letterText: '', stats: stats({}) }).score).toBe(
      0,
    );
  });

  test('a known name that no retrieved letter contains is a refusal, whatever the score', () => {
    const a = assessAnswerability({
      question: 'Ilu uczniów z Białorusi uczy się w polskich szkołach?',
      letterTexts: [
        'W polskich szkołach uczy się 150 tys. uczniów z Ukrainy.',
        'Uczniowie z Ukrainy w szkołach w Chorzowie.',
      ],
      stats: stats({ uczniów: 876, Białorusi: 17, uczy: 72, polskich: 4650, szkołach: 988 }),
    });
    expect(a.missingNames).toEqual(['Białorusi']);
    expect(isAnswerable(a)).toBe(false);
  });

  test('a name found in any of the retrieved letters is not missing, and the best letter sets the score', () => {
    const a = assessAnswerability({
      question: 'Ilu uczniów z Białorusi uczy się w polskich szkołach?',
      letterTexts: [
        'Uczniowie z Ukrainy.',
        'W polskich szkołach uczy się 2 tys. uczniów z Białorusi.',
      ],
      stats: stats({ uczniów: 876, Białorusi: 17, uczy: 72, polskich: 4650, szkołach: 988 }),
    });
    expect(a.missingNames).toEqual([]);
    expect(a.score).toBeGreaterThan(0.6); // "Ilu" is not in the letter
    expect(isAnswerable(a)).toBe(true);
  });

  test('an acronym counts as contained when the letter spells it out', () => {
    const a = assessAnswerability({
      question: 'Jak rząd wykona wyroki TK w sprawie szkód?',
      letterTexts: [
        'Projekt wykonuje wyroki Trybunału Konstytucyjnego w sprawie szkód wyrządzonych przez zwierzęta.',
      ],
      stats: stats({ rząd: 400, wykona: 300, wyroki: 116, TK: 21, sprawie: 3000, szkód: 85 }),
    });
    expect(a.missingNames).toEqual([]);
  });

  test('consecutive names are one entity: a letter naming only half of it does not cover it', () => {
    const a = assessAnswerability({
      question: 'Kiedy wyremontują dworzec w Zduńskiej Woli?',
      letterTexts: ['Remont dworca w Woli Zaradzyńskiej zakończy się w 2025 r.'],
      stats: stats({ wyremontują: 1, dworzec: 12, Zduńskiej: 2, Woli: 47 }),
    });
    expect(a.words.find((w) => w.word === 'Woli')?.isCovered).toBe(false);
    expect(a.missingNames).toEqual(['Zduńskiej']);
  });

  test('a paraphrase in other words than the letter is answerable', () => {
    const a = assessAnswerability({
      question: 'Czy resort zdrowia dał lecznicy w Chorzowie pieniądze na spłatę długów?',
      letterText,
      stats: stats({
        resort: 439,
        zdrowia: 200,
        dał: 40,
        lecznicy: 3,
        Chorzowie: 3,
        pieniądze: 29,
        spłatę: 20,
        długów: 30,
      }),
    });
    expect(a.missingNames).toEqual([]);
    expect(isAnswerable(a)).toBe(true);
  });

  test('terms stored at ingest stand in for analysing the letter: the same result, and they are what is read', () => {
    const question =
      'Czy Ministerstwo Zdrowia dało szpitalowi w Chorzowie pieniądze na zadłużenie?';
    const df = stats({
      Ministerstwo: 400,
      Zdrowia: 200,
      szpitalowi: 50,
      Chorzowie: 3,
      pieniądze: 9,
      zadłużenie: 5,
      dało: 40,
    });
    const analysed = assessAnswerability({ question, letterTexts: [letterText], stats: df });
    expect(
      assessAnswerability({
        question,
        letterTexts: [letterText],
        letterTerms: [analyze(letterText)],
        stats: df,
      }),
    ).toEqual(analysed);
    // A text of one word with the whole letter's terms: words match by the given terms alone, so they are read, not re-analysed.
    const bare = assessAnswerability({ question, letterTexts: ['Szpital.'], stats: df });
    const withTerms = assessAnswerability({
      question,
      letterTexts: ['Szpital.'],
      letterTerms: [analyze(letterText)],
      stats: df,
    });
    expect(withTerms.score).toBeGreaterThan(bare.score);
    expect(withTerms.words.find((w) => w.word === 'Chorzowie')?.isCovered).toBe(true);
  });
});

describe('gatherEvidence', () => {
  test('answerability from the stored letter terms equals that from re-analysed letters', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({
        id: 'szpital',
        title: 'Zadłużenie szpitala w Chorzowie',
        author: 'Anna Nowak',
        reference: 'MZ.053.7.2024',
      }),
      makePassages('szpital', [
        'Szpital powiatowy w Chorzowie otrzymał dofinansowanie.',
        'Ministerstwo Zdrowia przekazało środki na spłatę zadłużenia.',
      ]),
    );
    await index.upsertLetter(
      makeLetter({ id: 'kopalnia', title: 'Kopalnia w Bytomiu' }),
      makePassages('kopalnia', ['Kopalnia w Bytomiu zostanie zamknięta.']),
    );
    for (const question of [
      'Czy szpital w Chorzowie dostał pieniądze na zadłużenie?',
      'Czy szpital w Wąbrzeźnie dostał pieniądze?',
      'Kiedy zamkną kopalnię w Bytomiu?',
    ]) {
      const evidence = await gatherEvidence({ index, question, k: 10 });
      expect(evidence.hits.length).toBeGreaterThan(0);
      expect(evidence.answerability).toEqual(
        assessAnswerability({ question, letterTexts: evidence.letterTexts, stats: evidence.stats }),
      );
    }
    await index.close();
  });
});
