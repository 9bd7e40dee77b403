import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

// A named store is a file that outlives the index (reopen tests); a fresh one lives in memory.
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-contract-'));
afterAll(() => fs.rmSync(storeDir, { recursive: true, force: true }));
describeArchiveIndexContract('SqliteIndex', async ({ store, analyzer } = {}) =>
  new SqliteIndex({ path: store ? path.join(storeDir, `${store}.sqlite`) : ':memory:', ...(analyzer ? { analyzer } : {}) }),
);

describe('SqliteIndex on disk', () => {
  test('OCR confidence and e-mail attachment links survive a round trip', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(makeLetter({ id: 'scan', ocr: true, ocrConfidence: 91.5, attachedTo: 'mail' }), makePassages('scan', ['Skan pisma.']));
    expect(await index.getLetter('scan')).toMatchObject({ ocr: true, ocrConfidence: 91.5, attachedTo: 'mail' });
    await index.close();
  });

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
