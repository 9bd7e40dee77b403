import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanArchive } from '../../ingest/scan-archive.js';

let dir: string;
let outside: string;
const write = (rel: string, content = 'Pismo w sprawie kopalni.') => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-scan-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-outside-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('scanArchive', () => {
  test('symbolic links: a link to a listed file is reported once, a link to an unlisted one is followed, outside links and loops are reported', async () => {
    write('a.txt');
    write('.ukryte/b.txt');
    fs.symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'link-a.txt'));
    fs.symlinkSync(path.join(dir, '.ukryte/b.txt'), path.join(dir, 'link-b.txt'));
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'poza archiwum');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'out.txt'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(dir, path.join(dir, 'sub/loop'));
    fs.symlinkSync(path.join(dir, 'nope.txt'), path.join(dir, 'broken.txt'));

    const { files, problems } = await scanArchive(dir);
    expect(files.map((f) => f.relativePath)).toEqual(['a.txt', 'link-b.txt']);
    expect(files[1]!.absolutePath).toBe(fs.realpathSync(path.join(dir, '.ukryte/b.txt')));
    const byPath = Object.fromEntries(problems.map((p) => [p.relativePath, p]));
    expect(Object.keys(byPath).sort()).toEqual(['broken.txt', 'link-a.txt', 'out.txt', 'sub/loop']);
    expect(byPath['link-a.txt']).toMatchObject({
      reason: 'symlink',
      message: expect.stringContaining('indexed once under that name'),
    });
    expect(byPath['out.txt']).toMatchObject({
      reason: 'symlink',
      message: expect.stringContaining('outside the archive'),
    });
    expect(byPath['sub/loop']).toMatchObject({
      reason: 'symlink',
      message: expect.stringContaining('loop'),
    });
    expect(byPath['broken.txt']).toMatchObject({
      reason: 'symlink',
      message: expect.stringContaining('broken'),
    });
  });

  test('a FIFO is reported, never opened', async () => {
    write('a.txt');
    execFileSync('mkfifo', [path.join(dir, 'rura.txt')]);
    const { files, problems } = await scanArchive(dir);
    expect(files.map((f) => f.relativePath)).toEqual(['a.txt']);
    expect(problems).toEqual([
      expect.objectContaining({
        relativePath: 'rura.txt',
        reason: 'special_file',
        message: expect.stringContaining('FIFO'),
      }),
    ]);
  });

  test('NFC and NFD twins: one is listed under the NFC name, the other reported, the same way every time', async () => {
    const nfc = 'zażółć.txt'.normalize('NFC');
    const nfd = 'zażółć.txt'.normalize('NFD');
    write(nfc, 'pierwszy');
    write(nfd, 'drugi');
    write('inny/ę.txt'.normalize('NFD'));
    const first = await scanArchive(dir);
    expect(first.files.map((f) => f.relativePath)).toEqual(['inny/ę.txt'.normalize('NFC'), nfc]);
    expect(first.problems).toEqual([
      expect.objectContaining({ relativePath: nfc, reason: 'name_collision' }),
    ]);
    const again = await scanArchive(dir);
    expect(again.files.map((f) => f.absolutePath)).toEqual(first.files.map((f) => f.absolutePath));
  });

  test('a missing root is fatal', async () => {
    await expect(scanArchive(path.join(dir, 'nope'))).rejects.toThrow();
  });
});
