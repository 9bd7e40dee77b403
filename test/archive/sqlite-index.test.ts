import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAnalyzer, STEMMERS } from '../../src/archive/analyzer.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

describeArchiveIndexContract('SqliteIndex', async () => new SqliteIndex({ path: ':memory:' }));

describe('SqliteIndex on disk', () => {
  const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-idx-')), 'index.sqlite');

  test('an index written with another analyzer is emptied on open, so the next sync re-adds every letter', async () => {
    const file = tempFile();
    const light = new SqliteIndex({ path: file, analyzer: createAnalyzer({ name: 'light', stem: STEMMERS.light }) });
    await light.upsertLetter(makeLetter({ id: 'a' }), makePassages('a', ['Współpraca z prowincją Liaoning.']));
    await light.close();
    const sameAgain = new SqliteIndex({ path: file, analyzer: createAnalyzer({ name: 'light', stem: STEMMERS.light }) });
    expect((await sameAgain.stats()).letters).toBe(1);
    await sameAgain.close();
    const current = new SqliteIndex({ path: file });
    expect(await current.stats()).toMatchObject({ letters: 0, passages: 0 });
    expect(await current.listLetters()).toEqual([]);
    await current.close();
  });

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
