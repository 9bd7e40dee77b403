import {
  containment,
  groupDuplicateLetters,
  shingles,
} from '../../src/retrieval/group-duplicate-letters.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import type { Passage, SearchHit } from '../../src/archive/types.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const REPLY =
  'Minister Zdrowia informuje, że w 2025 r. na modernizację szpitali powiatowych przeznaczono 120 mln zł. ' +
  'Środki rozdzielono między województwa według liczby łóżek, a wnioski oceniono do końca czerwca.';
const OTHER =
  'Wojewoda Mazowiecki odpowiada, że przebudowa drogi krajowej nr 7 zakończy się w 2027 r. ' +
  'Prace prowadzi Generalna Dyrekcja Dróg Krajowych i Autostrad, a objazdy oznakowano.';

function setUp(texts: Record<string, string>) {
  const passages = new Map<string, Passage[]>(
    Object.entries(texts).map(([id, text]) => [id, makePassages(id, [text])]),
  );
  const hits: SearchHit[] = Object.keys(texts).map((id, i) => ({
    letter: makeLetter({ id }),
    passage: passages.get(id)![0]!,
    score: 10 - i,
  }));
  return { hits, passagesOf: async (id: string) => passages.get(id) ?? [] };
}

describe('groupDuplicateLetters', () => {
  const index = new SqliteIndex({ path: ':memory:' });
  afterAll(() => index.close());

  test('folds a copy (case and diacritics aside) into the best-ranked copy, and keeps another letter', async () => {
    const { hits, passagesOf } = setUp({
      a: REPLY,
      b: OTHER,
      c: REPLY.toUpperCase().replace(/ą/gu, 'a'),
    });
    const grouped = await groupDuplicateLetters({ index, hits, passagesOf });
    expect(grouped.hits.map((h) => h.letter.id)).toEqual(['a', 'b']);
    expect(grouped.copies.get('a')?.map((l) => l.id)).toEqual(['c']);
  });

  test('keeps letters that share only some sentences', async () => {
    const { hits, passagesOf } = setUp({ a: REPLY, b: `${REPLY.split('. ')[0]}. ${OTHER}` });
    const grouped = await groupDuplicateLetters({ index, hits, passagesOf });
    expect(grouped.hits.map((h) => h.letter.id)).toEqual(['a', 'b']);
    expect(grouped.copies.size).toBe(0);
  });
});

describe('containment', () => {
  test('is the share of the smaller set of shingles found in the larger one', () => {
    const whole = shingles(REPLY);
    const half = shingles(REPLY.split('. ')[0]!);
    expect(containment(half, whole)).toBe(1);
    expect(containment(whole, shingles(OTHER))).toBe(0);
    expect(containment(whole, new Set<string>())).toBe(0);
  });
});
