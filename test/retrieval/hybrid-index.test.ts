import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createLogger } from '../../src/logger.js';
import { createHybridIndex } from '../../src/retrieval/hybrid-index.js';
import { createOpenAiEmbedder } from '../../src/retrieval/openai-embedder.js';
import { startEmbeddingsServer, type EmbeddingsServer } from '../fakes/embeddings-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const logger = createLogger('silent');
let server: EmbeddingsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const LETTERS = [
  {
    id: 'rail',
    text: [
      'Połączenie kolejowe Pleszew – Kalisz wróci po modernizacji torów.',
      'Przewoźnik Polregio uruchomi pociągi.',
    ],
  },
  { id: 'lot', text: ['Kondycja finansowa PLL LOT jest stabilna mimo cen paliwa lotniczego.'] },
  {
    id: 'hpv',
    text: [
      'Poziom zaszczepienia przeciw HPV wynosi 16,91%.',
      'Rocznik 2011 zaszczepiono w 34,99%.',
    ],
  },
];

describe('createOpenAiEmbedder against a loopback OpenAI-compatible server', () => {
  test('batches texts, keeps their order and retries 429/500 with backoff', async () => {
    server = await startEmbeddingsServer({ dimensions: 32, failFirst: [429, 500] });
    const embedder = createOpenAiEmbedder({
      model: 'fake',
      baseURL: server.baseURL,
      batchSize: 2,
      minBackoffMs: 5,
    });
    const texts = ['kolej Pleszew', 'LOT paliwo', 'HPV szczepienia', 'kolej Kalisz', 'pociągi'];
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(5);
    expect(server.batches).toEqual([2, 2, 1]);
    expect(embedder.dimensions).toBe(32);
    const cos = (a: number[], b: number[]) =>
      a.reduce((s, x, i) => s + x * b[i]!, 0) / Math.hypot(...a) / Math.hypot(...b);
    expect(cos(vectors[0]!, vectors[3]!)).toBeGreaterThan(cos(vectors[0]!, vectors[1]!));
  });

  test('gives up on a client error without retrying', async () => {
    server = await startEmbeddingsServer({ failFirst: [400, 400, 400] });
    const embedder = createOpenAiEmbedder({
      model: 'fake',
      baseURL: server.baseURL,
      minBackoffMs: 5,
    });
    await expect(embedder.embed(['x'])).rejects.toThrow();
    expect(server.batches).toEqual([]);
  });
});

describe('createHybridIndex (SQLite vectors + RRF)', () => {
  async function build(): Promise<{
    index: ReturnType<typeof createHybridIndex>;
    sqlite: SqliteIndex;
  }> {
    server = await startEmbeddingsServer({ dimensions: 256 });
    const sqlite = new SqliteIndex({ path: ':memory:' });
    const embedder = createOpenAiEmbedder({
      model: 'fake',
      baseURL: server.baseURL,
      minBackoffMs: 5,
    });
    const index = createHybridIndex({ index: sqlite, embedder, logger });
    for (const { id, text } of LETTERS)
      await index.upsertLetter(
        makeLetter({ id, date: id === 'hpv' ? '2026-05-01' : '2025-01-01' }),
        makePassages(id, text),
      );
    return { index, sqlite };
  }

  test('stores one vector per passage and ranks by cosine, with filters', async () => {
    const { index, sqlite } = await build();
    const [query] = await createOpenAiEmbedder({ model: 'fake', baseURL: server!.baseURL }).embed([
      'szczepienia HPV rocznik',
    ]);
    const dense = await sqlite.searchByVector(query!, { k: 3 });
    expect(dense[0]?.letter.id).toBe('hpv');
    const filtered = await sqlite.searchByVector(query!, {
      k: 3,
      filter: { dateTo: '2025-12-31' },
    });
    expect(filtered.map((h) => h.letter.id)).not.toContain('hpv');
    await index.close();
  });

  test('search fuses lexical and dense lists; fused scores are RRF sums', async () => {
    const { index, sqlite } = await build();
    const lexical = await sqlite.search('kolej Pleszew', { k: 5 });
    const hybrid = await index.search('kolej Pleszew', { k: 5 });
    expect(hybrid[0]?.letter.id).toBe('rail');
    // Found by both lists: two RRF terms, above what one list can give (1/61).
    expect(hybrid[0]!.score).toBeGreaterThan(1 / 61);
    expect(lexical[0]!.score).not.toBe(hybrid[0]!.score);
    await index.close();
  });

  test('keeps answering lexically when the embeddings service is down', async () => {
    const { index } = await build();
    await server!.close();
    server = null;
    const hits = await index.search('Polregio pociągi', { k: 3 });
    expect(hits[0]?.letter.id).toBe('rail');
    await index.close();
  });

  test('re-upserting a letter replaces its vectors', async () => {
    const { index, sqlite } = await build();
    await index.upsertLetter(
      makeLetter({ id: 'hpv' }),
      makePassages('hpv', ['Inny temat: drogi gminne.']),
    );
    const [query] = await createOpenAiEmbedder({ model: 'fake', baseURL: server!.baseURL }).embed([
      'szczepienia HPV rocznik',
    ]);
    const dense = await sqlite.searchByVector(query!, { k: 5 });
    expect(dense.filter((h) => h.letter.id === 'hpv').map((h) => h.passage.text)).toEqual(
      dense.some((h) => h.letter.id === 'hpv') ? ['Inny temat: drogi gminne.'] : [],
    );
    expect(dense.length).toBe(4);
    await index.close();
  });
});
