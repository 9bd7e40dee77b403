import { readFileSync, readdirSync } from 'node:fs';
import { extractMetadata } from '../../ingest/metadata.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { extractLookup } from '../../src/retrieval/lookup-constraints.js';
import { isSurnameForm } from '../../src/retrieval/match-surname.js';
import { extractQueryFilters } from '../../src/retrieval/query-filters.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const FIXTURES = new URL('../fixtures/letters/sejm/', import.meta.url);
const now = () => new Date('2026-12-01T12:00:00Z');

/** The Sejm fixture letters with their real metadata, in passages of about ten lines. */
async function fixtureIndex(): Promise<SqliteIndex> {
  const index = new SqliteIndex({ path: ':memory:' });
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const id = file.replace(/\.txt$/u, '');
    const lines = text.split('\n');
    const chunks: string[] = [];
    for (let i = 0; i < lines.length; i += 10) chunks.push(lines.slice(i, i + 10).join('\n'));
    await index.upsertLetter(
      makeLetter({ id, file: `sejm/${file}`, ...extractMetadata(text, { fileName: file }) }),
      makePassages(id, chunks),
    );
  }
  return index;
}

const top = async (index: SqliteIndex, question: string) =>
  (await retrievePassages({ index, question, perLetter: 1, now }))[0]?.letter.id;

describe('retrievePassages on lookups (fixture letters)', () => {
  let index: SqliteIndex;
  beforeAll(async () => {
    index = await fixtureIndex();
  });
  afterAll(async () => index.close());

  test.each([
    ['interpelacja nr 16794', 'i16794-DWLHNW'],
    ['Odpowiedź na interpelację 17940', 'i17940-DVXJ7K'],
    ['co odpowiedziano na interpelację numer 7278?', 'i7278-DWPJ2X'],
    ['17561', 'i17561-DVJG27'],
  ])('interpellation number: %s', async (question, expected) => {
    expect(await top(index, question)).toBe(expected);
  });

  test.each([
    ['BM-WPR.0510.156.2026.KK', 'i16794-DWLHNW'],
    ['bm-wpr.0510.156.2026', 'i16794-DWLHNW'],
    ['Pismo o znaku BM WPR 0510 156 2026 KK', 'i16794-DWLHNW'],
    ['dl-3-1.054.18.2025', 'i10699-DWUHS3'],
    ['Co zawiera pismo DRR-II. 054. 5. 2026?', 'i16231-DVEHA3'],
    ['BMON-WP.053.130.2026', 'i12864-DW8HN6'],
  ])('reference in any spelling, initials optional: %s', async (question, expected) => {
    expect(await top(index, question)).toBe(expected);
  });

  test.each([
    // Three letters signed by Marian Zmarzły: the date picks the one.
    ['pismo podpisane przez Zmarzłego z 27 lipca 2026', 'i16219-DWEHL7'],
    ['pismo podpisane przez Zmarzłego z 22.07.2026', 'i17276-DWHJNB'],
    ['co pisał Marian Zmarzły 27.07.2026?', 'i16219-DWEHL7'],
    ['pismo podpisane przez zmarzlego z dnia 2026-07-22', 'i17276-DWHJNB'],
    ['pismo Wojnarowskiego z 30 lipca 2026 r.', 'i16794-DWLHNW'],
    ['odpowiedź podpisana przez Leśniakiewicza', 'i7278-DWPJ2X'],
    ['co pisał Neneman w sierpniu 2026', 'i17842-DX3JEU'],
    ['pisma podpisane przez Stefaniaka, lipiec 2026', 'i17940-DVXJ7K'],
    ['co pisał Konrad Wojnarowski w lipcu', 'i16794-DWLHNW'],
  ])(
    'signatory in any case form, with the date as a constraint: %s',
    async (question, expected) => {
      expect(await top(index, question)).toBe(expected);
    },
  );

  test("a ministry acronym with the letter date finds that ministry's letter", async () => {
    expect(await top(index, 'pismo MEN z 14 lipca 2026')).toBe('i10446-DVZJJK');
    expect(await top(index, 'odpowiedź MSWiA z dnia 06.08.2026')).toBe('i7278-DWPJ2X');
  });
});

describe('extractQueryFilters on lookups', () => {
  test.each([
    ['pismo z 3 sierpnia 2026', { dateFrom: '2026-08-03', dateTo: '2026-08-03' }],
    ['odpowiedź z 03.08.2026', { dateFrom: '2026-08-03', dateTo: '2026-08-03' }],
    [
      'pismo podpisane przez Zmarzłego z 27.07.2026',
      { dateFrom: '2026-07-27', dateTo: '2026-07-27' },
    ],
    ['co pisał Zmarzły, sierpień 2026', { dateFrom: '2026-08-01', dateTo: '2026-08-31' }],
    ['co pisał Zmarzły w lipcu', { dateFrom: '2026-07-01', dateTo: '2026-07-31' }],
    // A day inside the subject describes events, not the letter.
    ['Jaka jest odpowiedź w sprawie protestów 15 kwietnia 2026 r. przed Sejmem?', {}],
    // A topical question with a bare year keeps it as a search term.
    ['finansowanie OSP w 2025 roku', {}],
  ])('%s', (question, expected) => {
    expect(extractQueryFilters(question, { now }).filter).toEqual(expected);
  });

  test('reads interpellation numbers, signatories and ministries', () => {
    expect(extractLookup('odpowiedź na interpelację nr 16219').interpellation).toBe('16219');
    expect(extractLookup('16219').interpellation).toBe('16219');
    expect(extractLookup('interpelacja w sprawie drogi nr 7').interpellation).toBeUndefined();
    expect(extractLookup('pismo podpisane przez ministra Bejdę').signatory).toEqual(['Bejdę']);
    expect(extractLookup('co pisał Marian Zmarzły w lipcu').signatory).toEqual([
      'Marian',
      'Zmarzły',
    ]);
    expect(extractLookup('pismo ministerstwa zdrowia o szpitalach').signatory).toBeUndefined();
    expect(extractLookup('odpowiedź MZ z dnia 19.08.2026').ministries).toContain(
      'Ministerstwo Zdrowia',
    );
    expect(extractLookup('pismo ministra finansów z 3 sierpnia').ministries).toContain(
      'minister finansów',
    );
    expect(extractLookup('dps-wos.0212.45.2024').reference?.baseKey).toBe('dps.wos.0212.45.2024');
  });
});

describe('isSurnameForm', () => {
  test.each([
    ['Zmarzłego', 'Zmarzły', true],
    ['zmarzlym', 'Zmarzły', true],
    ['Maciejewskiego', 'Maciejewski', true],
    ['Nowakowskiej', 'Nowakowska', true],
    ['Nowakowską', 'Nowakowska', true],
    ['Gajewską', 'Gajewski', false],
    ['Gajewskiego', 'Gajewska', false],
    ['Bukowca', 'Bukowiec', true],
    ['Mroczka', 'Mroczek', true],
    ['Kiepurze', 'Kiepura', true],
    ['Bejdy', 'Bejda', true],
    ['Leśniakiewiczem', 'Leśniakiewicz', true],
    ['Kloskiej', 'Hennig-Kloska', true],
    ['Nowakowski', 'Nowak', false],
  ])('%s ~ %s: %s', (word, surname, expected) => {
    expect(isSurnameForm(word, surname)).toBe(expected);
  });
});

describe('the reference filter', () => {
  test('matches the stored reference in any spelling, with or without initials', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'a', reference: 'DPS-WOS.0212.45.2024.AB' }),
      makePassages('a', ['Opieka w domu pomocy społecznej.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'b', reference: 'DPS-WOS.0212.46.2024.AB' }),
      makePassages('b', ['Opieka w domu pomocy społecznej.']),
    );
    for (const reference of [
      'dps-wos.0212.45.2024',
      'DPS WOS 0212 45 2024 AB',
      'DPS-WOS.0212.45.2024.AB',
    ]) {
      const hits = await index.search('opieka', { k: 5, filter: { reference } });
      expect(hits.map((h) => h.letter.id)).toEqual(['a']);
    }
    await index.close();
  });
});
