import { fuseRanks } from '../../src/retrieval/fuse-ranks.js';
import type { SearchHit } from '../../src/archive/types.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

function hits(...ids: string[]): SearchHit[] {
  return ids.map((id, i) => ({
    letter: makeLetter({ id }),
    passage: makePassages(id, [`tekst ${id}`])[0]!,
    score: 10 - i,
  }));
}

describe('fuseRanks', () => {
  test('an item ranked well by both lists beats one ranked first by a single list', () => {
    const fused = fuseRanks({
      lists: [{ hits: hits('a', 'b', 'c') }, { hits: hits('b', 'd', 'a') }],
    });
    expect(fused.map((h) => h.letter.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  test('scores are 1/(k+rank) sums, weights scale a list, limit cuts', () => {
    const fused = fuseRanks({
      lists: [{ hits: hits('a') }, { hits: hits('b'), weight: 2 }],
      k: 60,
      limit: 1,
    });
    expect(fused).toHaveLength(1);
    expect(fused[0]!.letter.id).toBe('b');
    expect(fused[0]!.score).toBeCloseTo(2 / 61);
  });
});
