/** The sync's safety rules on real files and a real SQLite index: deletion guard, dry run, worker limits, bad sidecars. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { silentLogger } from '../../src/logger.js';
import {
  DeletionGuardError,
  syncArchive,
  type SyncArchiveOptions,
} from '../../ingest/sync-archive.js';
import { makeZipBomb } from '../fixtures/make-zip-bomb.js';
import { makeEml } from '../fixtures/make-eml.js';

const letter = (n: number) =>
  `Chorzów, ${(n % 27) + 1} marca 2024 r.\n\nW odpowiedzi na interpelację numer ${n} w sprawie remontu ulicy Wolności informuję, że prace trwają.`;

let dir: string;
let index: SqliteIndex;
const write = (rel: string, content: string | Uint8Array) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
};
const sync = (extra: Partial<SyncArchiveOptions> = {}) =>
  syncArchive({
    index,
    archiveDir: dir,
    maxBytes: 60_000_000,
    maxPages: 50,
    logger: silentLogger(),
    ...extra,
  });

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-safe-'));
  index = new SqliteIndex({ path: ':memory:' });
});
afterEach(async () => {
  await index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('syncArchive safety', () => {
  test('a sync deleting more than the allowed share stops before writing; --allow-deletions lets it through', async () => {
    for (let n = 0; n < 10; n++) write(`p${n}.txt`, letter(n));
    await sync();
    for (let n = 0; n < 5; n++) fs.rmSync(path.join(dir, `p${n}.txt`));
    write('nowy.txt', letter(99));
    const error = await sync({ maxDeleteShare: 0.2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeletionGuardError);
    expect((error as Error).message).toMatch(
      /would delete 5 of 10 indexed letters .*--allow-deletions/,
    );
    // Nothing written, not even the new letter.
    expect((await index.stats()).letters).toBe(10);
    expect(await sync({ maxDeleteShare: 0.2, allowDeletions: true })).toMatchObject({
      added: 1,
      deleted: 5,
      letters: 6,
    });
  });

  test('deleting up to the share is allowed without the flag', async () => {
    for (let n = 0; n < 10; n++) write(`p${n}.txt`, letter(n));
    await sync();
    fs.rmSync(path.join(dir, 'p0.txt'));
    fs.rmSync(path.join(dir, 'p1.txt'));
    expect(await sync({ maxDeleteShare: 0.2 })).toMatchObject({ deleted: 2, letters: 8 });
  });

  test('a dry run lists what would change and writes nothing', async () => {
    write('a.txt', letter(1));
    write('b.txt', letter(2));
    await sync();
    fs.rmSync(path.join(dir, 'a.txt'));
    write('b.txt', letter(3));
    write('c.txt', letter(4));
    const before = await index.listLetters();
    const plan = await sync({ dryRun: true, maxDeleteShare: 0.2 });
    expect(plan).toMatchObject({
      added: 1,
      updated: 1,
      deleted: 1,
      plan: { add: ['c.txt'], update: ['b.txt'], delete: ['a.txt'] },
    });
    expect(await index.listLetters()).toEqual(before);
  });

  test('a file over the time limit is killed in its worker and reported; the next file is indexed', async () => {
    // ~11 MB of sentences take several seconds to chunk; the limit is far below that.
    write('dlugi.txt', 'Rada Miasta postanowiła o remoncie szkoły nr 5. '.repeat(240_000));
    write('zwykly.txt', letter(1));
    // The text cap (3 million characters) would refuse it before splitting; lifted to reach the timeout.
    const summary = await sync({ fileTimeoutMs: 1000, maxChars: 100_000_000 });
    expect(summary.failures).toEqual([
      {
        file: 'dlugi.txt',
        reason: 'timeout',
        message: 'stopped after 1 s (INGEST_FILE_TIMEOUT_S)',
      },
    ]);
    expect(summary).toMatchObject({ added: 1, letters: 1 });
  });

  test('a file needing more memory than the worker cap is reported as memory_limit; the rest is indexed', async () => {
    write('a-ogromny.txt', 'Zażółć gęślą jaźń, remont ulicy Wolności trwa. '.repeat(1_000_000));
    write('b-zwykly.txt', letter(1));
    const summary = await sync({ fileMemoryMb: 96, maxChars: 100_000_000 });
    expect(summary.failures).toEqual([
      expect.objectContaining({
        file: 'a-ogromny.txt',
        reason: 'memory_limit',
        message: expect.stringContaining('INGEST_FILE_MEMORY_MB'),
      }),
    ]);
    expect(summary).toMatchObject({ added: 1, letters: 1 });
  });

  test('a text over INGEST_MAX_TEXT_CHARS is reported as too_long before it is split; the rest is indexed', async () => {
    write('a-dlugi.txt', 'Rada Miasta postanowiła o remoncie szkoły nr 5. '.repeat(100_000));
    write('b-zwykly.txt', letter(1));
    const summary = await sync({ maxChars: 1_000_000 });
    expect(summary.failures).toEqual([
      expect.objectContaining({
        file: 'a-dlugi.txt',
        reason: 'too_long',
        message: expect.stringContaining('INGEST_MAX_TEXT_CHARS'),
      }),
    ]);
    expect(summary).toMatchObject({ added: 1, letters: 1 });
  });

  test('a DOCX zip bomb, alone or attached to an e-mail, is reported; the e-mail itself is indexed', async () => {
    const bomb = makeZipBomb(64 * 1024 * 1024);
    write('bomba.docx', bomb);
    write(
      'poczta.eml',
      makeEml({
        from: 'Urząd <urzad@chorzow.eu>',
        to: 'Rada <rada@chorzow.eu>',
        subject: 'Remont ulicy Wolności',
        date: 'Tue, 03 Mar 2020 10:15:00 +0100',
        body: letter(7),
        attachments: [
          {
            fileName: 'pismo.docx',
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            bytes: bomb,
          },
        ],
      }),
    );
    const summary = await sync();
    const reasons = Object.fromEntries(summary.failures.map((f) => [f.file, f.reason]));
    expect(reasons).toEqual({ 'bomba.docx': 'zip_bomb', 'poczta.eml#pismo.docx': 'zip_bomb' });
    expect(summary).toMatchObject({ added: 1, letters: 1 });
  });

  test('a sidecar with an impossible date fails its letter with the field named', async () => {
    write('a.txt', letter(1));
    write('a.txt.meta.json', JSON.stringify({ date: '2020-13-45' }));
    write('b.txt', letter(2));
    const summary = await sync();
    expect(summary.failures).toEqual([
      expect.objectContaining({
        file: 'a.txt',
        reason: 'bad_metadata',
        message: expect.stringMatching(/date.*not a real calendar date/),
      }),
    ]);
    expect(summary).toMatchObject({ added: 1, letters: 1 });
  });

  test('reported scan problems keep what was indexed from them', async () => {
    write('a.txt', letter(1));
    write('zażółć.txt'.normalize('NFC'), letter(2));
    await sync();
    write('zażółć.txt'.normalize('NFD'), letter(3));
    const summary = await sync({ maxDeleteShare: 0.2 });
    expect(summary).toMatchObject({ deleted: 0, letters: 2 });
    expect(summary.failures.map((f) => f.reason)).toEqual(['name_collision']);
  });
});
