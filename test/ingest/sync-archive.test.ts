import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { silentLogger } from '../../src/logger.js';
import { letterIdFor } from '../../ingest/build-letter.js';
import { syncArchive, type SyncArchiveOptions } from '../../ingest/sync-archive.js';
import { makePdf } from '../fixtures/make-pdf.js';

const LETTER_A =
  'Warszawa, 12 marca 2024 r.\n\nZnak: DLF.050.53.2024.DP\n\nW odpowiedzi na interpelację w sprawie kopalni Barbara w Chorzowie uprzejmie informuję, że prace trwają.';
const LETTER_B =
  'Katowice, 3 kwietnia 2024 r.\n\nOdpowiadając na pismo w sprawie budowy żłobka przy ulicy Wolności informuję, że inwestycja ruszy w maju.';

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
    maxBytes: 1_000_000,
    maxPages: 50,
    logger: silentLogger(),
    ...extra,
  });
const topLetter = async (q: string) => (await index.search(q, { k: 1 }))[0]?.letter ?? null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-sync-'));
  index = new SqliteIndex({ path: ':memory:' });
});
afterEach(async () => {
  await index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('syncArchive', () => {
  test('indexes new letters with metadata, then skips them when unchanged', async () => {
    write('a.txt', LETTER_A);
    write('sub/b.txt', LETTER_B);
    const first = await sync();
    expect(first).toMatchObject({
      added: 2,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      failed: 0,
      letters: 2,
    });
    const a = await topLetter('kopalnia Barbara');
    expect(a).toMatchObject({
      id: letterIdFor('a.txt'),
      file: 'a.txt',
      date: '2024-03-12',
      reference: 'DLF.050.53.2024.DP',
    });
    expect((await topLetter('żłobek Wolności'))?.file).toBe('sub/b.txt');
    const second = await sync();
    expect(second).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 2, failed: 0 });
  });

  test('a modified letter is replaced, a removed one deleted, a renamed one moves', async () => {
    write('a.txt', LETTER_A);
    write('b.txt', LETTER_B);
    await sync();
    write('a.txt', LETTER_A.replace('kopalni Barbara', 'kopalni Szombierki'));
    fs.rmSync(path.join(dir, 'b.txt'));
    write(
      'c.txt',
      'Gliwice, 1 lutego 2024 r.\n\nNowe pismo w sprawie oświetlenia ulicznego na osiedlu Tysiąclecia.',
    );
    const summary = await sync();
    expect(summary).toMatchObject({
      added: 1,
      updated: 1,
      deleted: 1,
      unchanged: 0,
      failed: 0,
      letters: 2,
    });
    expect(await topLetter('Barbara')).toBeNull();
    expect((await topLetter('Szombierki'))?.file).toBe('a.txt');
    expect(await topLetter('żłobek')).toBeNull();

    fs.renameSync(path.join(dir, 'c.txt'), path.join(dir, 'renamed.txt'));
    const renamed = await sync();
    expect(renamed).toMatchObject({ added: 1, deleted: 1, unchanged: 1 });
    expect((await topLetter('oświetlenie Tysiąclecia'))?.file).toBe('renamed.txt');
  });

  test('--full re-indexes unchanged letters', async () => {
    write('a.txt', LETTER_A);
    await sync();
    expect(await sync({ full: true })).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  test('indexes a real PDF with pages', async () => {
    write(
      'pismo.pdf',
      await makePdf({
        pages: [
          ['Chorzów, 2 marca 2020 r.', 'Pierwsza strona o prowincji Liaoning.'],
          ['Druga strona o mieście Yingkou.'],
        ],
      }),
    );
    expect(await sync()).toMatchObject({ added: 1, failed: 0 });
    const hit = (await index.search('Yingkou', { k: 1 }))[0];
    expect(hit?.letter).toMatchObject({ file: 'pismo.pdf', pages: 2, date: '2020-03-02' });
  });

  test('bad files are reported by name with a reason; the rest is indexed', async () => {
    write('good.txt', LETTER_A);
    write('empty.txt', '');
    write('corrupt.pdf', Buffer.from('%PDF-1.7\nthis is not really a pdf\n'));
    write('truncated.pdf', (await makePdf({ pages: [['Tekst o budżecie.']] })).subarray(0, 400));
    write('secret.pdf', await makePdf({ pages: [['Tajne pismo.']], password: 'haslo' }));
    write('arkusz.xlsx', 'PK\u0003\u0004 not a letter');
    write('junk.txt', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x13, 0x37, 0x00]));
    write(
      'cp1250.txt',
      Buffer.from([0x50, 0x69, 0xb9, 0x74, 0x65, 0x6b, 0x20, 0xb3, 0xf3, 0x64, 0x9f]),
    ); // "Piątek łódź" in Windows-1250
    write('huge.txt', 'a'.repeat(2_000_001));
    const summary = await sync({ maxBytes: 2_000_000 });
    expect(summary).toMatchObject({ added: 1, failed: 8, letters: 1 });
    const reasons = Object.fromEntries(summary.failures.map((f) => [f.file, f.reason]));
    expect(reasons).toEqual({
      'arkusz.xlsx': 'unsupported_type',
      'corrupt.pdf': 'corrupt',
      'cp1250.txt': 'not_utf8',
      'empty.txt': 'empty',
      'huge.txt': 'too_large',
      'junk.txt': 'binary',
      'secret.pdf': 'encrypted',
      'truncated.pdf': 'corrupt',
    });
    for (const f of summary.failures) expect(f.message.length).toBeGreaterThan(5);
    expect((await topLetter('kopalnia'))?.file).toBe('good.txt');
  });

  test('a letter whose new version is unreadable keeps its indexed version', async () => {
    write('a.txt', LETTER_A);
    await sync();
    write('a.txt', Buffer.from([0x00, 0x00, 0xff, 0xfe]));
    const summary = await sync();
    expect(summary).toMatchObject({ failed: 1, deleted: 0, letters: 1 });
    expect((await topLetter('kopalnia Barbara'))?.file).toBe('a.txt');
  });

  test('an interrupted sync leaves a consistent index and the next run completes it', async () => {
    for (let i = 0; i < 6; i++) write(`l${i}.txt`, `${LETTER_B} Numer pisma ${i}.`);
    const controller = new AbortController();
    await expect(
      sync({
        signal: controller.signal,
        onProgress: ({ done }) => (done === 3 ? controller.abort() : undefined),
      }),
    ).rejects.toThrow();
    const partial = await index.stats();
    expect(partial.letters).toBe(3);
    for (const digest of await index.listLetters())
      expect((await index.getPassages(digest.id)).length).toBeGreaterThan(0);
    expect(await sync()).toMatchObject({ added: 3, unchanged: 3, letters: 6 });
  });

  test('a missing archive folder is a fatal error', async () => {
    await expect(sync({ archiveDir: path.join(dir, 'nope') })).rejects.toThrow();
  });
});
