import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { withNeighbours } from '../../src/retrieval/with-neighbours.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

describe('withNeighbours', () => {
  test('brings the paragraphs around each hit, in letter order, clipped at the letter edges', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    const paragraphs = ['Szanowny Panie Radny,', 'Pytanie dotyczyło remontu Zalewu Zemborzyckiego.', 'Koszt wyniesie 12 mln zł.', 'Z poważaniem'];
    await index.upsertLetter(makeLetter({ id: 'zalew' }), makePassages('zalew', paragraphs));
    const hits = await retrievePassages({ index, question: 'remont Zalewu Zemborzyckiego', k: 1 });
    const [first] = await withNeighbours({ index, hits });
    expect(first?.context.map((p) => p.text)).toEqual(paragraphs.slice(0, 3));
    const [edge] = await withNeighbours({ index, hits: [{ ...hits[0]!, passage: (await index.getPassages('zalew'))[3]! }], before: 1, after: 2 });
    expect(edge?.context.map((p) => p.ordinal)).toEqual([2, 3]);
    await index.close();
  });
});
