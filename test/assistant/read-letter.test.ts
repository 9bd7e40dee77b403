import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createLetterReader } from '../../src/assistant/read-letter.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

describe('createLetterReader.originalPath', () => {
  let root: string;
  let index: SqliteIndex;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'reader-'));
    fs.mkdirSync(path.join(root, 'archive/chorzow'), { recursive: true });
    fs.writeFileSync(path.join(root, 'archive/chorzow/pismo.pdf'), '%PDF-1.7');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'poza archiwum');
    fs.symlinkSync(path.join(root, 'secret.txt'), path.join(root, 'archive/link.txt'));
    index = new SqliteIndex({ path: ':memory:' });
  });
  afterEach(async () => {
    await index.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('serves a file inside the archive, never one outside it (../, symlink, attachment, missing)', async () => {
    const reader = createLetterReader({
      index: async () => index,
      archiveDir: path.join(root, 'archive'),
    });
    const at = (file: string, extra = {}) =>
      reader.originalPath(makeLetter({ id: file, file, ...extra }));
    expect(await at('chorzow/pismo.pdf')).toBe(
      fs.realpathSync(path.join(root, 'archive/chorzow/pismo.pdf')),
    );
    expect(await at('../secret.txt')).toBeNull();
    expect(await at('link.txt')).toBeNull();
    expect(await at('mail.eml#zalacznik.pdf', { attachedTo: 'mail' })).toBeNull();
    expect(await at('chorzow/brak.pdf')).toBeNull();
    const none = createLetterReader({ index: async () => index, archiveDir: null });
    expect(await none.originalPath(makeLetter({ id: 'x', file: 'chorzow/pismo.pdf' }))).toBeNull();
  });

  test('reads a letter with its passages in order, null for an unknown id', async () => {
    await index.upsertLetter(makeLetter({ id: 'a' }), makePassages('a', ['Pierwszy.', 'Drugi.']));
    const reader = createLetterReader({ index: async () => index, archiveDir: null });
    const record = await reader.read('a');
    expect(record?.passages.map((p) => p.text)).toEqual(['Pierwszy.', 'Drugi.']);
    expect(await reader.read('nope')).toBeNull();
  });
});
