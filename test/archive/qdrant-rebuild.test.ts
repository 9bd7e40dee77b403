import { ensureCollection, resolveAlias } from '../../src/archive/qdrant-collection.js';
import { openQdrantIndex } from '../../src/archive/open-qdrant-index.js';
import { beginRebuild } from '../../src/archive/qdrant-rebuild.js';
import { createSnapshot } from '../../src/archive/qdrant-snapshot.js';
import { startFakeQdrant, type FakeQdrantServer } from '../fakes/qdrant-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { instantRetry, qdrantClient, qdrantConfig } from '../helpers/qdrant.js';

let server: FakeQdrantServer;
beforeEach(async () => {
  server = await startFakeQdrant();
});
afterEach(async () => {
  // Close before asserting: a failed expectation must not leave the server holding Jest open.
  await server.close();
  expect(server.violations.splice(0)).toEqual([]);
});

const FORMAT = '3:hunspell+light';
const SETTINGS = { shardNumber: 3, replicationFactor: 2, writeConsistencyFactor: 2 };
const at = (iso: string) => () => new Date(iso);
const OLD = makeLetter({ id: 'old', title: 'w sprawie kopalni Barbara' });
const NEW = makeLetter({ id: 'new', title: 'w sprawie kopalni Wujek' });

describe('ensureCollection', () => {
  test('creates <alias>_<timestamp> with the cluster settings and payload indexes, then the alias', async () => {
    const access = { client: qdrantClient(server.url) };
    const physical = await ensureCollection(access, {
      name: 'kancelaria',
      settings: SETTINGS,
      format: FORMAT,
      now: at('2026-11-27T10:00:00.123Z'),
    });
    expect(physical).toBe('kancelaria_20261127100000123');
    expect(await resolveAlias(access, 'kancelaria')).toBe(physical);
    const collection = server.memory.get('kancelaria');
    expect(collection.config).toMatchObject({
      shard_number: 3,
      replication_factor: 2,
      write_consistency_factor: 2,
    });
    expect(collection.config.sparse_vectors).toEqual({ lexical: { modifier: 'idf' } });
    expect(collection.config.metadata).toEqual({ kancelaria_index_format: FORMAT });
    expect(Object.fromEntries(collection.indexes)).toMatchObject({
      letter_id: 'keyword',
      reference: 'keyword',
      author: 'keyword',
      access_group: 'keyword',
      date: 'datetime',
    });
    expect(
      await ensureCollection(access, { name: 'kancelaria', settings: SETTINGS, format: FORMAT }),
    ).toBe(physical);
  });
});

describe('beginRebuild', () => {
  test('readers keep answering from the old collection until commit swaps the alias atomically', async () => {
    const client = qdrantClient(server.url);
    const reader = await openQdrantIndex({
      config: qdrantConfig(server.url, 'kancelaria'),
      client,
    });
    await reader.upsertLetter(OLD, makePassages('old', ['Kopalnia Barbara w Chorzowie.']));
    const before = await resolveAlias({ client }, 'kancelaria');

    const rebuild = await beginRebuild({
      client,
      alias: 'kancelaria',
      settings: {},
      retry: instantRetry(),
      now: at('2030-01-01T00:00:00Z'),
    });
    await rebuild.index.upsertLetter(NEW, makePassages('new', ['Kopalnia Wujek w Katowicach.']));
    await rebuild.index.markSynced(new Date('2030-01-01T01:00:00Z'));
    // Mid-rebuild: the bot still answers, from the old data only.
    expect((await reader.search('kopalnia', { k: 5 })).map((h) => h.letter.id)).toEqual(['old']);

    const aliasCalls = server.requests.length;
    const result = await rebuild.commit();
    expect(
      server.requests.slice(aliasCalls).filter((r) => r === 'POST /collections/aliases'),
    ).toHaveLength(1);
    expect(result).toEqual({ collection: 'kancelaria_20300101000000000', previous: before });
    expect((await reader.search('kopalnia', { k: 5 })).map((h) => h.letter.id)).toEqual(['new']);
    expect((await reader.stats()).lastSync).toBe('2030-01-01T01:00:00.000Z');
    expect([...server.memory.collections.keys()]).toEqual(['kancelaria_20300101000000000']);
  });

  test('abort drops the new collection and leaves the alias alone', async () => {
    const client = qdrantClient(server.url);
    const reader = await openQdrantIndex({
      config: qdrantConfig(server.url, 'kancelaria'),
      client,
    });
    await reader.upsertLetter(OLD, makePassages('old', ['Kopalnia Barbara.']));
    const rebuild = await beginRebuild({
      client,
      alias: 'kancelaria',
      settings: {},
      now: at('2030-01-01T00:00:00Z'),
    });
    await rebuild.abort();
    expect(server.memory.collections.has(rebuild.collection)).toBe(false);
    expect((await reader.search('kopalnia', { k: 5 })).map((h) => h.letter.id)).toEqual(['old']);
    await expect(rebuild.commit()).rejects.toThrow(/already committed or aborted/);
  });

  test('the first rebuild over a plain (alias-less) collection replaces it with an alias', async () => {
    const client = qdrantClient(server.url);
    await client.createCollection('kancelaria', {
      sparse_vectors: { lexical: { modifier: 'idf' } },
    });
    const rebuild = await beginRebuild({
      client,
      alias: 'kancelaria',
      settings: {},
      now: at('2030-01-01T00:00:00Z'),
    });
    await rebuild.index.upsertLetter(NEW, makePassages('new', ['Kopalnia Wujek.']));
    await rebuild.commit();
    expect(await resolveAlias({ client }, 'kancelaria')).toBe(rebuild.collection);
  });
});

describe('createSnapshot', () => {
  test('snapshots the collection behind the alias and says where to download it', async () => {
    const client = qdrantClient(server.url);
    const index = await openQdrantIndex({ config: qdrantConfig(server.url, 'kancelaria'), client });
    await index.upsertLetter(OLD, makePassages('old', ['Kopalnia Barbara.']));
    const physical = await resolveAlias({ client }, 'kancelaria');
    const snapshot = await createSnapshot({ client, collection: 'kancelaria' });
    expect(snapshot.collection).toBe(physical);
    expect(snapshot.name).toMatch(/\.snapshot$/);
    expect(snapshot.sizeBytes).toBeGreaterThan(0);
    expect(snapshot.downloadPath).toBe(`/collections/${physical}/snapshots/${snapshot.name}`);
  });
});
