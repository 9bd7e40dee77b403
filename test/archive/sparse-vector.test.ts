import { analyze, analyzeQuery } from '../../src/archive/analyzer.js';
import {
  bm25TermFrequency,
  documentVector,
  queryVector,
  termId,
} from '../../src/archive/sparse-vector.js';

describe('sparse vectors from the shared analyzer', () => {
  test('term ids are stable unsigned 32-bit FNV-1a hashes', () => {
    expect(termId('a')).toBe(0xe40c292c);
    expect(termId('liaoning')).toBe(termId('liaoning'));
    expect(termId('liaoning')).toBeGreaterThanOrEqual(0);
    expect(termId('liaoning')).toBeLessThan(2 ** 32);
  });

  test('diacritic-free and inflected forms map to the same ids', () => {
    expect(queryVector(analyzeQuery('współpracy')).indices).toEqual(
      queryVector(analyzeQuery('wspolpraca')).indices,
    );
  });

  test('document vectors have unique sorted indices and saturating BM25 term frequencies', () => {
    const v = documentVector([
      { terms: analyze('kopalnia kopalnia kopalnia Barbara'), weight: 1, averageLength: 10 },
    ]);
    expect(v.indices).toEqual([...new Set(v.indices)].sort((a, b) => a - b));
    expect(v.values.length).toBe(v.indices.length);
    expect(bm25TermFrequency(3, 10, 10)).toBeGreaterThan(bm25TermFrequency(1, 10, 10));
    expect(bm25TermFrequency(100, 10, 10)).toBeLessThan(2.2 + 1e-9);
  });

  test('field weights add up for a term in several fields', () => {
    const body = documentVector([{ terms: analyze('Chorzów'), weight: 1, averageLength: 1 }]);
    const both = documentVector([
      { terms: analyze('Chorzów'), weight: 1, averageLength: 1 },
      { terms: analyze('Chorzów'), weight: 2.5, averageLength: 1 },
    ]);
    expect(both.values[0]).toBeCloseTo((body.values[0] ?? 0) * 3.5);
  });

  test('query vectors weigh each distinct term once (the engine applies idf)', () => {
    const q = queryVector(['liaoning', 'yingkou']);
    expect(q.values).toEqual([1, 1]);
  });
});
