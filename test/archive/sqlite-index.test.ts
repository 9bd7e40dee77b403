import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { analyze } from '../../src/archive/analyzer.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { wholeLetterText } from '../../src/archive/whole-letter-text.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

// A named store is a file that outlives the index (reopen tests); a fresh one lives in memory.
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-contract-'));
afterAll(() => fs.rmSync(storeDir, { recursive: true, force: true }));
describeArchiveIndexContract(
  'SqliteIndex',
  async ({ store, analyzer } = {}) =>
    new SqliteIndex({
      path: store ? path.join(storeDir, `${store}.sqlite`) : ':memory:',
      ...(analyzer ? { analyzer } : {}),
    }),
);

describe('SqliteIndex on disk', () => {
  test("term statistics are cached per index generation: another connection's write is seen on the next read", async () => {
    const file = path.join(storeDir, 'generation.sqlite');
    const reader = new SqliteIndex({ path: file });
    const writer = new SqliteIndex({ path: file });
    await writer.upsertLetter(
      makeLetter({ id: 'a' }),
      makePassages('a', ['Kopalnia Barbara w Chorzowie.']),
    );
    expect(await reader.termStats(['kopalnia'])).toEqual({
      passages: 1,
      df: new Map([['kopalnia', 1]]),
    });
    await writer.upsertLetter(
      makeLetter({ id: 'b' }),
      makePassages('b', ['Kopalnia Wujek.', 'Osiedle przy kopalni.']),
    );
    expect(await reader.termStats(['kopalnia', 'osiedle'])).toEqual({
      passages: 3,
      df: new Map([
        ['kopalnia', 3],
        ['osiedle', 1],
      ]),
    });
    await writer.deleteLetter('a');
    expect((await reader.termStats(['kopalnia'])).df.get('kopalnia')).toBe(2);
    expect(
      (await reader.search('kopalnia', { k: 5, filter: { accessGroups: [] } })).map(
        (h) => h.letter.id,
      ),
    ).toEqual(['b', 'b']);
    await Promise.all([reader.close(), writer.close()]);
  });

  test('the access rule combines with letter filters inside one query', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'pub', date: '2024-05-01' }),
      makePassages('pub', ['Remont szkoły.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'board', date: '2024-05-02', accessGroup: 'zarzad' }),
      makePassages('board', ['Remont szkoły, notatka.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'hr', date: '2024-05-03', accessGroup: 'kadry' }),
      makePassages('hr', ['Remont szkoły, kadry.']),
    );
    await index.upsertLetter(
      makeLetter({ id: 'old', date: '2019-01-01', accessGroup: 'zarzad' }),
      makePassages('old', ['Remont szkoły dawniej.']),
    );
    const ids = async (accessGroups: string[]) =>
      (
        await index.search('remont szkoły', {
          k: 10,
          filter: { accessGroups, dateFrom: '2024-01-01' },
        })
      )
        .map((h) => h.letter.id)
        .sort();
    expect(await ids([])).toEqual(['pub']);
    expect(await ids(['zarzad'])).toEqual(['board', 'pub']);
    expect(await ids(['zarzad', 'kadry'])).toEqual(['board', 'hr', 'pub']);
    await index.close();
  });

  test("each letter's analysed terms are stored at ingest, replaced with the letter and removed with it", async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    const letter = makeLetter({
      id: 'a',
      title: 'Odpowiedź w sprawie kopalni',
      author: 'Jan Kowalski',
      reference: 'DKO.053.12.2024',
    });
    const passages = makePassages('a', [
      'Kopalnia Barbara w Chorzowie.',
      'Osiedle przy kopalni zostanie wyremontowane.',
    ]);
    await index.upsertLetter(letter, passages);
    const expected = [...new Set(analyze(wholeLetterText(letter, passages)))].sort();
    expect(expected).toEqual(
      expect.arrayContaining([analyze('kopalnia')[0], analyze('Kowalski')[0]]),
    );
    expect([...((await index.letterTerms(['a', 'missing'])).get('a') ?? [])].sort()).toEqual(
      expected,
    );
    expect((await index.letterTerms(['missing'])).size).toBe(0);
    await index.upsertLetter(letter, makePassages('a', ['Szpital w Wąbrzeźnie.']));
    const replaced = (await index.letterTerms(['a'])).get('a') ?? [];
    expect(replaced).toContain(analyze('szpital')[0]);
    expect(replaced).not.toContain(analyze('osiedle')[0]);
    await index.deleteLetter('a');
    expect((await index.letterTerms(['a'])).size).toBe(0);
    await index.close();
  });

  test('an index written before the stored letter terms (format 3) is emptied on open, so the next ingest stores them', async () => {
    const file = path.join(storeDir, 'format3.sqlite');
    const old = new SqliteIndex({ path: file });
    await old.upsertLetter(makeLetter({ id: 'a' }), makePassages('a', ['Kopalnia Barbara.']));
    await old.close();
    const db = new Database(file);
    db.exec(
      "DROP TABLE letter_terms; UPDATE meta SET value = '3:' || substr(value, instr(value, ':') + 1) WHERE key = 'format'",
    );
    db.close();
    const reopened = new SqliteIndex({ path: file });
    expect((await reopened.stats()).letters).toBe(0);
    await reopened.upsertLetter(makeLetter({ id: 'a' }), makePassages('a', ['Kopalnia Barbara.']));
    expect((await reopened.letterTerms(['a'])).get('a')).toContain(analyze('kopalnia')[0]);
    await reopened.close();
  });

  test('OCR confidence and e-mail attachment links survive a round trip', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    await index.upsertLetter(
      makeLetter({ id: 'scan', ocr: true, ocrConfidence: 91.5, attachedTo: 'mail' }),
      makePassages('scan', ['Skan pisma.']),
    );
    expect(await index.getLetter('scan')).toMatchObject({
      ocr: true,
      ocrConfidence: 91.5,
      attachedTo: 'mail',
    });
    await index.close();
  });

  test('persists across reopen (WAL file in a created folder)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-idx-'));
    const file = path.join(dir, 'nested', 'index.sqlite');
    const first = new SqliteIndex({ path: file });
    await first.upsertLetter(
      makeLetter({ id: 'a' }),
      makePassages('a', ['Kopalnia Barbara w Chorzowie.']),
    );
    await first.close();
    const second = new SqliteIndex({ path: file });
    expect((await second.search('kopalnia', { k: 3 }))[0]?.letter.id).toBe('a');
    await second.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
