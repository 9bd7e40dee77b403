import { DEFAULT_ANALYZER } from '../../src/archive/analyzer.js';
import { indexFormat } from '../../src/archive/document-fields.js';
import { openQdrantIndex } from '../../src/archive/open-qdrant-index.js';
import { ensureCollection } from '../../src/archive/qdrant-collection.js';
import { letterPointId, passagePointId } from '../../src/archive/qdrant-payload.js';
import { startFakeQdrant, type FakeQdrantServer } from '../fakes/qdrant-server.js';
import { instantRetry, letterEmbedder, qdrantClient, qdrantConfig } from '../helpers/qdrant.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

let server: FakeQdrantServer;
let counter = 0;
beforeAll(async () => {
  server = await startFakeQdrant();
});
afterAll(() => server.close());
// Every request the adapter sent in the test must have been valid for Qdrant's spec.
afterEach(() => expect(server.violations.splice(0)).toEqual([]));

async function open(
  options: Parameters<typeof openQdrantIndex>[0]['index'] = {},
  embedder?: ReturnType<typeof letterEmbedder>,
) {
  const name = `kancelaria_${++counter}`;
  const index = await openQdrantIndex({
    config: qdrantConfig(server.url, name),
    client: qdrantClient(server.url),
    index: { retry: instantRetry(), ...options },
    ...(embedder ? { embedder } : {}),
  });
  return { index, name };
}

describeArchiveIndexContract(
  'QdrantIndex (spec-validated fake)',
  async ({ store, analyzer, dimensions } = {}) => {
    const name = store ?? `kancelaria_${++counter}`;
    if (dimensions) {
      // Without an embedder, `openQdrantIndex` makes a lexical-only collection: create one with the dense vector first.
      const format = indexFormat(analyzer ?? DEFAULT_ANALYZER);
      await ensureCollection(
        { client: qdrantClient(server.url) },
        { name, settings: { denseDimensions: dimensions }, format },
      );
    }
    return openQdrantIndex({
      config: qdrantConfig(server.url, name),
      client: qdrantClient(server.url),
      index: { retry: instantRetry(), ...(analyzer ? { analyzer } : {}) },
    });
  },
);

describe('QdrantIndex writes', () => {
  test('re-upserting a letter with fewer passages deletes the leftover points', async () => {
    const { index, name } = await open();
    const letter = makeLetter({ id: 'a' });
    await index.upsertLetter(
      letter,
      makePassages('a', ['Jeden o kopalni.', 'Dwa o kopalni.', 'Trzy o kopalni.']),
    );
    await index.upsertLetter(
      { ...letter, contentHash: 'v2' },
      makePassages('a', ['Tylko kopalnia Barbara.']),
    );
    const points = [...server.memory.get(name).points.values()];
    expect(points.map((p) => p.id).sort()).toEqual(
      [letterPointId('a'), passagePointId('a:0')].sort(),
    );
    expect((await index.search('kopalnia', { k: 5 })).map((h) => h.passage.text)).toEqual([
      'Tylko kopalnia Barbara.',
    ]);
  });

  test('point ids are deterministic UUIDs, so re-indexing overwrites instead of duplicating', async () => {
    expect(passagePointId('a:0')).toBe(passagePointId('a:0'));
    expect(passagePointId('a:0')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(passagePointId('a:0')).not.toBe(passagePointId('a:1'));
  });

  test('large letters are written in bounded batches', async () => {
    const { index } = await open({ batchSize: 2, concurrency: 2 });
    const before = server.requests.length;
    const paragraphs = Array.from({ length: 7 }, (_, i) => `Akapit ${i} o budżecie obywatelskim.`);
    await index.upsertLetter(makeLetter({ id: 'big' }), makePassages('big', paragraphs));
    const upserts = server.requests
      .slice(before)
      .filter((r) => r.startsWith('PUT') && r.endsWith('/points'));
    expect(upserts.length).toBe(4 + 1); // ceil(7 / 2) passage batches + the letter point
    expect((await index.getPassages('big')).map((p) => p.ordinal)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('QdrantIndex retries', () => {
  test('429 and 503 are retried with back-off, then the write succeeds', async () => {
    const delays: number[] = [];
    const { index } = await open({ retry: instantRetry(delays) });
    server.failNext(1, { status: 429, retryAfter: 3, match: '/points' });
    server.failNext(1, { status: 503, match: '/points' });
    await index.upsertLetter(
      makeLetter({ id: 'r' }),
      makePassages('r', ['Remont ulicy Wolności.']),
    );
    expect(delays.length).toBe(2);
    expect(delays[0]).toBeGreaterThanOrEqual(3000); // Retry-After wins over the shorter back-off
    expect((await index.search('remont', { k: 3 }))[0]?.letter.id).toBe('r');
  });

  test('a 400 is not retried', async () => {
    const delays: number[] = [];
    const { index } = await open({ retry: instantRetry(delays) });
    server.failNext(1, { status: 400, match: '/points/query' });
    await expect(index.search('remont', { k: 3 })).rejects.toThrow();
    expect(delays).toEqual([]);
  });

  test('gives up after the configured retries', async () => {
    const { index } = await open({ retry: { ...instantRetry(), retries: 2 } });
    server.failNext(3, { status: 502, match: '/points/scroll' });
    await expect(index.listLetters()).rejects.toThrow(/502|Bad Gateway/);
  });
});

describe('fake Qdrant holds requests to the spec', () => {
  test('a request the spec rejects is answered 400 and recorded as a violation', async () => {
    const { name } = await open();
    const client = qdrantClient(server.url);
    // `vectors` is not a PointStruct field (it is `vector`): real Qdrant rejects this body.
    const bad = { points: [{ id: 'not-a-uuid', vectors: {} }] } as unknown as Parameters<
      typeof client.upsert
    >[1];
    await expect(client.upsert(name, bad)).rejects.toThrow();
    const found = server.violations.splice(0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/PUT \/collections\/kancelaria_\d+\/points: body rejected by spec/);
  });

  test('an unknown path is answered 404 and recorded', async () => {
    const response = await fetch(`${server.url}/collections/x/not-an-endpoint`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(404);
    expect(server.violations.splice(0)).toEqual([
      'POST /collections/x/not-an-endpoint: unknown path or method (not in the Qdrant spec)',
    ]);
  });
});

describe('QdrantIndex hybrid search', () => {
  const LETTERS = [
    makeLetter({ id: 'budzet', title: 'w sprawie budżetu obywatelskiego' }),
    makeLetter({ id: 'drogi', title: 'w sprawie remontu dróg' }),
  ];
  async function seeded(options = {}) {
    const embedder = letterEmbedder();
    const { index, name } = await open(options, embedder);
    await index.upsertLetter(
      LETTERS[0]!,
      makePassages('budzet', [
        'Budżet obywatelski 2026 ma 5 mln zł.',
        'Głosowanie w budżecie trwa do maja.',
      ]),
    );
    await index.upsertLetter(
      LETTERS[1]!,
      makePassages('drogi', ['Remont ulicy Katowickiej zacznie się w lipcu.']),
    );
    return { index, name, embedder };
  }

  test('stores a dense vector per passage and fuses sparse + dense prefetches in one query', async () => {
    const { index, name, embedder } = await seeded();
    const stored = [...server.memory.get(name).points.values()].filter(
      (p) => p.payload.kind === 'passage',
    );
    expect(
      stored.every((p) => Array.isArray(p.vectors.dense) && p.vectors.dense.length === 16),
    ).toBe(true);
    const hits = await index.search('budżet obywatelski', { k: 3 });
    expect(hits[0]?.letter.id).toBe('budzet');
    expect(embedder.calls).toBeGreaterThan(2);
  });

  test('a question with no shared word still finds passages through the dense vector', async () => {
    const { index } = await seeded();
    expect((await index.search('zzzyyyxxx', { k: 2 })).length).toBe(2);
  });

  test('filters apply inside the fused query', async () => {
    const { index } = await seeded();
    const hits = await index.search('budżet', { k: 5, filter: { letterIds: ['drogi'] } });
    expect(hits.map((h) => h.letter.id)).toEqual(['drogi']);
  });

  test('grouping by letter keeps one long letter from filling every slot', async () => {
    const { index } = await seeded({ maxPassagesPerLetter: 1 });
    const hits = await index.search('budżet obywatelski remont', { k: 3 });
    expect(hits.map((h) => h.letter.id).sort()).toEqual(['budzet', 'drogi']);
  });
});
