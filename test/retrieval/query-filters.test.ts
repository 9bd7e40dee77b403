import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { extractQueryFilters } from '../../src/retrieval/query-filters.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const now = () => new Date('2026-11-27T12:00:00Z');

describe('extractQueryFilters', () => {
  test.each([
    ['Pisma z 2013 roku w sprawie Liaoning', { dateFrom: '2013-01-01', dateTo: '2013-12-31' }],
    // A bare year names the events asked about, not the letter's date.
    ['Co zrobiono w 2013 roku w sprawie Liaoning?', {}],
    ['Jaka jest odpowiedź w sprawie finansowania OSP w latach 2024-2025?', {}],
    ['Jakie pisma wysłano od 2020 r. do radnego Krzaka?', { dateFrom: '2020-01-01' }],
    ['Odpowiedzi z marca 2020 o współpracy', { dateFrom: '2020-03-01', dateTo: '2020-03-31' }],
    ['Co pisano w lutym 2024?', { dateFrom: '2024-02-01', dateTo: '2024-02-29' }],
    ['pisma w latach 2019-2021', { dateFrom: '2019-01-01', dateTo: '2021-12-31' }],
    ['Czy w tym roku ktoś pytał o kopalnię?', { dateFrom: '2026-01-01', dateTo: '2026-12-31' }],
    ['Co pisaliśmy w zeszłym roku?', { dateFrom: '2025-01-01', dateTo: '2025-12-31' }],
    ['Pismo przed 2021 rokiem', { dateTo: '2020-12-31' }],
    ['pismo WEN. 9823 2020. RFZ', { reference: 'WEN.9823.2020.RFZ' }],
    ['interpelacja nr 17581 o szpitalach', {}],
  ])('%s', (question, expected) => {
    expect(extractQueryFilters(question, { now }).filter).toEqual(expected);
  });
});

describe('retrievePassages with filters from the question', () => {
  async function seeded(): Promise<SqliteIndex> {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'liaoning', date: '2020-03-02', reference: 'WEN.9823.2020.RFZ' }),
      makePassages('liaoning', ['W 2013 roku gościliśmy delegację z prowincji Liaoning.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'liaoning-2013', date: '2013-07-05' }),
      makePassages('liaoning-2013', [
        'Pismo o współpracy z prowincją Liaoning: program wizyty delegacji Yingkou, współpraca z Liaoning.',
      ]),
    );
    await index.upsertLetter(
      makeLetter({ id: 'other', date: '2020-05-01' }),
      makePassages('other', ['Remont drogi gminnej w 2020 roku.']),
    );
    return index;
  }

  test('a year that dates the letter lifts the letters from that year', async () => {
    const index = await seeded();
    const unfiltered = await retrievePassages({
      index,
      question: 'pismo z 2020 roku o współpracy z Liaoning',
      perLetter: 1,
      queryFilters: 'off',
    });
    expect(unfiltered[0]?.letter.id).toBe('liaoning-2013');
    const boosted = await retrievePassages({
      index,
      question: 'pismo z 2020 roku o współpracy z Liaoning',
      perLetter: 1,
      now,
    });
    expect(boosted[0]?.letter.id).toBe('liaoning');
    await index.close();
  });

  test('a wrong guess hides nothing: the year names events, not the letter', async () => {
    const index = await seeded();
    for (const queryFilters of ['boost', 'hard'] as const) {
      const hits = await retrievePassages({
        index,
        question: 'odpowiedź z 2019 roku o Yingkou',
        perLetter: 1,
        queryFilters,
        now,
      });
      expect(hits.map((h) => h.letter.id)).toContain('liaoning-2013');
    }
    await index.close();
  });

  test('hard mode puts matching letters first and keeps the rest after them', async () => {
    const index = await seeded();
    const hits = await retrievePassages({
      index,
      question: 'pisma z 2020 roku o Liaoning',
      perLetter: 1,
      queryFilters: 'hard',
      now,
    });
    expect(hits[0]?.letter.id).toBe('liaoning');
    expect(hits.map((h) => h.letter.id)).toContain('liaoning-2013');
    await index.close();
  });

  test('a reference number in another spelling finds its letter first', async () => {
    const index = await seeded();
    const hits = await retrievePassages({
      index,
      question: 'Co zawiera pismo WEN 9823 2020 RFZ?',
      perLetter: 1,
      now,
    });
    expect(hits[0]?.letter.id).toBe('liaoning');
    await index.close();
  });
});
