import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import type { ArchiveIndex, Letter } from '../../src/archive/types.js';
import { silentLogger } from '../../src/logger.js';
import { letterIdFor } from '../../ingest/build-letter.js';
import { syncArchive, type SyncArchiveOptions } from '../../ingest/sync-archive.js';
import { makeDocx } from '../fixtures/make-docx.js';
import { makeEml } from '../fixtures/make-eml.js';
import { makePdf } from '../fixtures/make-pdf.js';

const LETTER =
  'Warszawa, 12 marca 2024 r.\n\nZnak: DLF.050.53.2024.DP\n\nW odpowiedzi na interpelację w sprawie kopalni Barbara w Chorzowie uprzejmie informuję, że prace trwają.';

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

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-formats-'));
  index = new SqliteIndex({ path: ':memory:' });
});
afterEach(async () => {
  await index.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('syncArchive with DOCX, e-mail and sidecars', () => {
  test('a DOCX is indexed with metadata from its text', async () => {
    write(
      'odpowiedz.docx',
      makeDocx({
        blocks: [
          { text: 'Odpowiedź', heading: 1 },
          ...LETTER.split('\n\n').map((text) => ({ text })),
        ],
      }),
    );
    expect(await sync()).toMatchObject({ added: 1, failed: 0 });
    expect(await index.getLetter(letterIdFor('odpowiedz.docx'))).toMatchObject({
      date: '2024-03-12',
      reference: 'DLF.050.53.2024.DP',
      pages: 1,
      ocr: false,
    });
  });

  test('an e-mail and its PDF attachment become two linked letters; attachments follow the e-mail', async () => {
    const pdf = await makePdf({
      pages: [['Chorzów, 2 marca 2020 r.', 'Odpowiedź w sprawie współpracy z miastem Yingkou.']],
    });
    const mail = (attachments: Parameters<typeof makeEml>[0]['attachments']) =>
      makeEml({
        from: 'Anna Nowak <a.nowak@chorzow.eu>',
        to: 'rada@chorzow.eu',
        subject: 'Przekazanie odpowiedzi',
        date: 'Tue, 03 Mar 2020 10:15:00 +0100',
        body: 'W załączeniu odpowiedź.',
        attachments,
      });
    write(
      'poczta/mail.eml',
      mail([
        { fileName: 'odpowiedz.pdf', contentType: 'application/pdf', bytes: pdf },
        {
          fileName: 'logo.png',
          contentType: 'image/png',
          bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
        },
      ]),
    );
    expect(await sync()).toMatchObject({ added: 2, failed: 0, letters: 2 });
    const mailId = letterIdFor('poczta/mail.eml');
    const attachment = await index.getLetter(letterIdFor('poczta/mail.eml#odpowiedz.pdf'));
    expect(attachment).toMatchObject({
      file: 'poczta/mail.eml#odpowiedz.pdf',
      date: '2020-03-02',
      pages: 1,
    });
    expect(await index.getLetter(mailId)).toMatchObject({
      title: 'Przekazanie odpowiedzi',
      date: '2020-03-03',
      author: 'Anna Nowak',
    });
    expect((await index.search('Yingkou', { k: 1 }))[0]?.letter.file).toBe(
      'poczta/mail.eml#odpowiedz.pdf',
    );

    // Unchanged e-mail: its attachment is neither re-read nor deleted.
    expect(await sync()).toMatchObject({ unchanged: 1, deleted: 0, letters: 2 });
    // The attachment removed from the e-mail: its letter goes.
    write('poczta/mail.eml', mail([]));
    expect(await sync()).toMatchObject({ updated: 1, deleted: 1, letters: 1 });
  });

  test("a restricted e-mail's attachments inherit its access group, from its sidecar or its folder's metadata.csv", async () => {
    const attachment = (text: string) => [
      {
        fileName: 'odszkodowanie.txt',
        contentType: 'text/plain',
        bytes: Buffer.from(text, 'utf8'),
      },
    ];
    const mail = (text: string) =>
      makeEml({
        from: 'a@b.pl',
        to: 'c@d.pl',
        subject: 'Poufne',
        date: 'Tue, 03 Mar 2020 10:15:00 +0100',
        body: 'W załączeniu.',
        attachments: attachment(text),
      });
    write('poufne/mail.eml', mail('Odszkodowanie dla pana Kowalskiego wyniesie 120 000 zł.'));
    write('poufne/mail.eml.meta.json', JSON.stringify({ accessGroup: 'poufne' }));
    write('zarzad/notatka.eml', mail('Premia zarządu spółki Wodociągi wyniesie 80 000 zł.'));
    write('zarzad/metadata.csv', 'file;accessGroup\nnotatka.eml;zarzad\n');
    expect(await sync()).toMatchObject({ added: 4, failed: 0 });
    expect(await index.getLetter(letterIdFor('poufne/mail.eml#odszkodowanie.txt'))).toMatchObject({
      accessGroup: 'poufne',
    });
    expect(
      await index.getLetter(letterIdFor('zarzad/notatka.eml#odszkodowanie.txt')),
    ).toMatchObject({ accessGroup: 'zarzad' });
    expect(
      await index.search('odszkodowanie Kowalskiego', { k: 5, filter: { accessGroups: [] } }),
    ).toEqual([]);
    expect(
      await index.search('premia zarządu Wodociągi', {
        k: 5,
        filter: { accessGroups: ['poufne'] },
      }),
    ).toEqual([]);
    const granted = await index.search('odszkodowanie Kowalskiego', {
      k: 5,
      filter: { accessGroups: ['poufne'] },
    });
    expect(granted.map((h) => h.letter.file)).toContain('poufne/mail.eml#odszkodowanie.txt');
  });

  test('an index written before attachments inherited access is repaired by the next sync', async () => {
    const pdfless = makeEml({
      from: 'a@b.pl',
      to: 'c@d.pl',
      subject: 'Poufne',
      date: 'Tue, 03 Mar 2020 10:15:00 +0100',
      body: 'W załączeniu.',
      attachments: [
        {
          fileName: 'z.txt',
          contentType: 'text/plain',
          bytes: Buffer.from('Odszkodowanie dla pana Kowalskiego.', 'utf8'),
        },
      ],
    });
    write('poufne/mail.eml', pdfless);
    write('poufne/mail.eml.meta.json', JSON.stringify({ accessGroup: 'poufne' }));
    await sync();
    // Simulate the old ingest: the attachment stored public, the e-mail's hash as it used to be.
    const attachmentId = letterIdFor('poufne/mail.eml#z.txt');
    const old = (await index.getLetter(attachmentId))!;
    await index.upsertLetter({ ...old, accessGroup: null }, await index.getPassages(attachmentId));
    const mailId = letterIdFor('poufne/mail.eml');
    const mailLetter = (await index.getLetter(mailId))!;
    await index.upsertLetter(
      { ...mailLetter, contentHash: 'hash-before-the-fix' },
      await index.getPassages(mailId),
    );
    expect(await sync()).toMatchObject({ updated: 2 });
    expect(await index.getLetter(attachmentId)).toMatchObject({ accessGroup: 'poufne' });
  });

  test('the attachment letter records the e-mail it came with', async () => {
    const pdf = await makePdf({ pages: [['Pismo w załączniku o budżecie obywatelskim.']] });
    write(
      'm.eml',
      makeEml({
        from: 'a@b.pl',
        to: 'c@d.pl',
        subject: 'S',
        date: 'Tue, 03 Mar 2020 10:15:00 +0100',
        body: 'x',
        attachments: [{ fileName: 'a.pdf', contentType: 'application/pdf', bytes: pdf }],
      }),
    );
    // The SQLite schema keeps only the shared columns, so the link is checked on what the sync hands the index.
    const upserted: Letter[] = [];
    const recording: ArchiveIndex = {
      upsertLetter: async (letter, passages) => {
        upserted.push(letter);
        await index.upsertLetter(letter, passages);
      },
      deleteLetter: (id) => index.deleteLetter(id),
      listLetters: () => index.listLetters(),
      search: (query, options) => index.search(query, options),
      getLetter: (id) => index.getLetter(id),
      getPassages: (id) => index.getPassages(id),
      markSynced: (at) => index.markSynced(at),
      stats: () => index.stats(),
      termStats: (terms) => index.termStats(terms),
      close: () => index.close(),
    };
    await syncArchive({
      index: recording,
      archiveDir: dir,
      maxBytes: 1e6,
      maxPages: 5,
      logger: silentLogger(),
    });
    expect(upserted.map((l) => [l.file, l.attachedTo])).toEqual([
      ['m.eml', undefined],
      ['m.eml#a.pdf', letterIdFor('m.eml')],
    ]);
  });

  test('a sidecar overrides extracted fields, sets url and access group, and its edits re-index the letter', async () => {
    write('a.txt', LETTER);
    write(
      'a.txt.meta.json',
      JSON.stringify({
        date: '2024-03-15',
        url: 'https://bip.example.pl/a',
        accessGroup: 'zarzad',
        title: 'Kopalnia Barbara',
      }),
    );
    expect(await sync()).toMatchObject({ added: 1, failed: 0 });
    const id = letterIdFor('a.txt');
    expect(await index.getLetter(id)).toMatchObject({
      date: '2024-03-15',
      url: 'https://bip.example.pl/a',
      accessGroup: 'zarzad',
      title: 'Kopalnia Barbara',
      reference: 'DLF.050.53.2024.DP',
    });
    expect(await sync()).toMatchObject({ unchanged: 1 });
    write('a.txt.meta.json', JSON.stringify({ accessGroup: null }));
    expect(await sync()).toMatchObject({ updated: 1 });
    expect(await index.getLetter(id)).toMatchObject({
      date: '2024-03-12',
      accessGroup: null,
      url: null,
    });
  });

  test('a folder metadata.csv sets fields per file; the JSON sidecar wins; the CSV itself is not a letter', async () => {
    write('d/a.txt', LETTER);
    write('d/b.txt', LETTER.replace('Barbara', 'Szombierki'));
    write(
      'd/metadata.csv',
      'file;url;accessGroup;author\na.txt;https://bip.example.pl/a;;Jan Kowalski\n"b.txt";https://bip.example.pl/b;finanse;\n',
    );
    write('d/b.txt.meta.json', '{"accessGroup": "zarzad"}');
    expect(await sync()).toMatchObject({ added: 2, failed: 0, letters: 2 });
    expect(await index.getLetter(letterIdFor('d/a.txt'))).toMatchObject({
      url: 'https://bip.example.pl/a',
      accessGroup: null,
      author: 'Jan Kowalski',
    });
    expect(await index.getLetter(letterIdFor('d/b.txt'))).toMatchObject({
      url: 'https://bip.example.pl/b',
      accessGroup: 'zarzad',
    });
  });

  test('a bad sidecar fails its letter with a named reason; the others go on', async () => {
    write('a.txt', LETTER);
    write('a.txt.meta.json', JSON.stringify({ date: '15.03.2024', acessGroup: 'x' }));
    write('b.txt', LETTER);
    write('b.txt.meta.json', '{ not json');
    write('c.txt', LETTER);
    const summary = await sync();
    expect(summary).toMatchObject({ added: 1, failed: 2 });
    const byFile = Object.fromEntries(summary.failures.map((f) => [f.file, f]));
    expect(byFile['a.txt']).toMatchObject({ reason: 'bad_metadata' });
    expect(byFile['a.txt']?.message).toMatch(
      /a\.txt\.meta\.json: .*date: expected an ISO date.*acessGroup/,
    );
    expect(byFile['b.txt']).toMatchObject({ reason: 'bad_metadata' });
    expect(byFile['b.txt']?.message).toMatch(/b\.txt\.meta\.json: not valid JSON/);
  });

  test('a stamp-heavy page: registry stamp and page counters stay out of passages, the stamp date is kept', async () => {
    write(
      'skan.pdf',
      await makePdf({
        pages: [
          [
            'Zastępca Prezydenta Miasta',
            'Chorzów dnia, 2 marca 2020r.',
            'Data wpływu ..... 04 -03- 2020 .....',
            'Nr KRM 0012/2020',
            'Skierowano .....',
            'WEN. 9823 2020. RFZ',
            'płynęło\ndnia',
            '04 -03- 2020',
            'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą współpracy z prowincją Liaoning.',
            '1. 3/1',
          ],
        ],
      }),
    );
    expect(await sync()).toMatchObject({ added: 1, failed: 0 });
    const id = letterIdFor('skan.pdf');
    const passages = (await index.getPassages(id)).map((p) => p.text).join('\n');
    for (const noise of ['Data wpływu', 'KRM', 'Skierowano', 'płynęło', '04 -03- 2020', '3/1'])
      expect(passages).not.toContain(noise);
    expect(passages).toContain('prowincją Liaoning');
    expect(await index.getLetter(id)).toMatchObject({
      date: '2020-03-02',
      receivedDate: '2020-03-04',
      reference: 'WEN.9823.2020.RFZ',
    });
  });

  test('.odt is reported as unsupported with a reason', async () => {
    write('pismo.odt', 'PK\u0003\u0004');
    const summary = await sync();
    expect(summary.failures).toEqual([
      expect.objectContaining({
        file: 'pismo.odt',
        reason: 'unsupported_type',
        message: expect.stringMatching(/DOCX or PDF/),
      }),
    ]);
  });
});
