import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

describeArchiveIndexContract('SqliteIndex', async () => new SqliteIndex({ path: ':memory:' }));

describe('SqliteIndex on disk', () => {
  test('persists across reopen (WAL file in a created folder)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-idx-'));
    const file = path.join(dir, 'nested', 'index.sqlite');
    const first = new SqliteIndex({ path: file });
    await first.upsertLetter(makeLetter({ id: 'a' }), makePassages('a', ['Kopalnia Barbara w Chorzowie.']));
    await first.close();
    const second = new SqliteIndex({ path: file });
    expect((await second.search('kopalnia', { k: 3 }))[0]?.letter.id).toBe('a');
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
