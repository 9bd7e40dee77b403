import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { buildFts5Baseline } from '../../bench/eval/fts5-baseline.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

describe('buildFts5Baseline (the naive FTS5 row of `npm run eval -- --baseline fts5`)', () => {
  test('folds only decomposable diacritics, does not stem, does not drop question words: unlike the real index', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'liaoning' }),
      makePassages('liaoning', ['Współpraca z prowincją Liaoning trwa od 2013 roku.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'other' }),
      makePassages('other', ['Jaka jest odpowiedź ministra w sprawie dróg?']),
    );
    const baseline = await buildFts5Baseline(index);
    // unicode61 folds `ą` → `a`, so `prowincja` meets `prowincją` …
    expect(baseline.search('prowincja', 5).map((h) => h.letter.id)).toEqual(['liaoning']);
    // … but `ł` has no Unicode decomposition: `wspolpraca` typed without diacritics misses.
    expect(baseline.search('wspolpraca', 5)).toEqual([]);
    expect((await index.search('wspolpraca', { k: 5 }))[0]?.letter.id).toBe('liaoning');
    // No stemming: an inflected form misses, where the real index finds it.
    expect(baseline.search('współpracy', 5)).toEqual([]);
    expect((await index.search('współpracy', { k: 5 }))[0]?.letter.id).toBe('liaoning');
    // Raw words OR-ed: question words alone match the other letter.
    expect(baseline.search('Jaka jest odpowiedź w sprawie współpracy?', 5)[0]?.letter.id).toBe(
      'other',
    );
    baseline.close();
    await index.close();
  });
});
