/**
 * The quick check of a re-sync: files whose size and mtime are unchanged are
 * not hashed again (the state store remembers their hashes), a changed
 * sidecar or mtime is, and `verify` hashes everything. Real files, a real
 * SQLite index and a real state store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { silentLogger } from '../../src/logger.js';
import { syncArchive, type SyncArchiveOptions } from '../../ingest/sync-archive.js';

const LETTER =
  'Katowice, 3 kwietnia 2024 r.\n\nOdpowiadając na pismo w sprawie budowy żłobka przy ulicy Wolności informuję, że inwestycja ruszy w maju.';
// Same length, other content: only a hash can tell them apart.
const EDITED = LETTER.replace('w maju', 'w lipcu').replace('budowy', 'budow');

let dir: string;
let index: SqliteIndex;
let store: StateStore;
const file = () => path.join(dir, 'zlobek.txt');
const sync = (extra: Partial<SyncArchiveOptions> = {}) =>
  syncArchive({
    index,
    archiveDir: dir,
    maxBytes: 1_000_000,
    maxPages: 50,
    logger: silentLogger(),
    hashCache: store.fileHashes(),
    ...extra,
  });
// Whole seconds: a Date round trip would drop the sub-millisecond part of the file's own mtime.
const FIXED_TIME = new Date('2026-11-30T12:00:00Z');
/** Rewrites the file and puts its (fixed) mtime back, as a tool that preserves times would. */
const rewriteKeepingTime = (content: string) => {
  fs.writeFileSync(file(), content);
  fs.utimesSync(file(), FIXED_TIME, FIXED_TIME);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-hashes-'));
  index = new SqliteIndex({ path: ':memory:' });
  store = new StateStore({ path: ':memory:' });
  fs.writeFileSync(file(), LETTER);
  fs.utimesSync(file(), FIXED_TIME, FIXED_TIME);
});
afterEach(async () => {
  await index.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('same size and mtime: taken as unchanged without reading; --verify reads and finds the edit', async () => {
  expect(EDITED.length).toBe(LETTER.length);
  expect(await sync()).toMatchObject({ added: 1 });
  rewriteKeepingTime(EDITED);
  // The quick check cannot see an edit that kept size and time: proof that the file was not read.
  expect(await sync()).toMatchObject({ unchanged: 1, updated: 0 });
  expect(await sync({ verify: true })).toMatchObject({ updated: 1 });
  expect((await index.search('inwestycja ruszy w lipcu', { k: 1 }))[0]?.passage.text).toContain(
    'w lipcu',
  );
});

test('a new mtime is hashed again: unchanged content stays unchanged, changed content is updated', async () => {
  await sync();
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(file(), later, later);
  expect(await sync()).toMatchObject({ unchanged: 1 });
  rewriteKeepingTime(EDITED);
  fs.utimesSync(file(), new Date(Date.now() + 120_000), new Date(Date.now() + 120_000));
  expect(await sync()).toMatchObject({ updated: 1 });
});

test('a changed sidecar with the letter untouched updates the letter', async () => {
  await sync();
  fs.writeFileSync(path.join(dir, 'zlobek.txt.meta.json'), JSON.stringify({ author: 'Jan Nowak' }));
  expect(await sync()).toMatchObject({ updated: 1 });
  expect((await index.listLetters()).length).toBe(1);
});

test('a folder metadata.csv that appears, and a sidecar that goes, each update the letter', async () => {
  // The folder listing says which sidecars exist; a file without any is decided from the cache alone.
  fs.writeFileSync(path.join(dir, 'zlobek.txt.meta.json'), JSON.stringify({ author: 'Jan Nowak' }));
  expect(await sync()).toMatchObject({ added: 1 });
  expect(await sync()).toMatchObject({ unchanged: 1 });
  fs.rmSync(path.join(dir, 'zlobek.txt.meta.json'));
  expect(await sync()).toMatchObject({ updated: 1 });
  expect((await index.listLetters()).length).toBe(1);
  expect(await sync()).toMatchObject({ unchanged: 1 });
  fs.writeFileSync(path.join(dir, 'metadata.csv'), 'file;author\nzlobek.txt;Anna Lis\n');
  expect(await sync()).toMatchObject({ updated: 1 });
  const [digest] = await index.listLetters();
  expect((await index.getLetter(digest!.id))?.author).toBe('Anna Lis');
  expect(await sync()).toMatchObject({ unchanged: 1 });
});

test('a dry run records nothing, and a deleted file is forgotten by the cache', async () => {
  await sync({ dryRun: true });
  rewriteKeepingTime(EDITED);
  // Nothing was cached by the dry run, so the real first sync reads the edited text.
  await sync();
  expect((await index.search('w lipcu', { k: 1 }))[0]?.passage.text).toContain('w lipcu');
  const stamp = { relativePath: 'zlobek.txt', ...fs.statSync(file()), sidecar: null };
  expect(store.fileHashes().get(stamp)).toBeDefined();
  fs.rmSync(file());
  await sync({ allowDeletions: true });
  expect(store.fileHashes().get(stamp)).toBeUndefined();
});
