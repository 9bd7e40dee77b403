import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_EXTENSIONS, extractFile } from '../../../ingest/extract/extract-file.js';
import { makeDocx } from '../../fixtures/make-docx.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { expectIngestError } from './expect-ingest-error.js';

const LIMITS = { maxBytes: 1024 * 1024, maxPages: 10 };

describe('extractFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kancelaria-extract-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('lists the supported extensions', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.pdf', '.docx', '.eml', '.txt', '.md']);
  });

  it('dispatches on the lower-cased extension', async () => {
    await writeFile(join(dir, 'PISMO.TXT'), '*Treść* pisma');
    await writeFile(join(dir, 'notatka.Md'), '*Treść* notatki');
    await writeFile(join(dir, 'skan.PDF'), await makePdf({ pages: [['Treść PDF.']] }));
    const [txt, md, pdf] = await Promise.all(
      ['PISMO.TXT', 'notatka.Md', 'skan.PDF'].map((name) => extractFile(join(dir, name), LIMITS)),
    );
    expect(txt?.pages).toEqual([{ page: null, text: '*Treść* pisma', ocr: false }]);
    expect(md?.pages[0]?.text).toBe('Treść notatki');
    expect(pdf).toMatchObject({ source: 'text-layer', pages: [{ page: 1, text: 'Treść PDF.' }] });
  });

  it('rejects unknown extensions, naming the extension', async () => {
    await writeFile(join(dir, 'arkusz.xlsx'), 'PK');
    const error = await expectIngestError(
      extractFile(join(dir, 'arkusz.xlsx'), LIMITS),
      'unsupported_type',
    );
    expect(error.message).toContain('.xlsx');
    await writeFile(join(dir, 'pismo.odt'), 'PK');
    const odt = await expectIngestError(
      extractFile(join(dir, 'pismo.odt'), LIMITS),
      'unsupported_type',
    );
    expect(odt.message).toMatch(/OpenDocument.*DOCX or PDF/);
    await writeFile(join(dir, 'README'), 'tekst');
    await expectIngestError(extractFile(join(dir, 'README'), LIMITS), 'unsupported_type');
  });

  it('rejects 0-byte files as empty, whatever their type', async () => {
    for (const name of ['pusty.txt', 'pusty.pdf']) {
      await writeFile(join(dir, name), '');
      await expectIngestError(extractFile(join(dir, name), LIMITS), 'empty');
    }
  });

  it('rejects files over maxBytes and accepts one exactly at the limit', async () => {
    await writeFile(join(dir, 'duzy.txt'), 'a'.repeat(2000));
    const error = await expectIngestError(
      extractFile(join(dir, 'duzy.txt'), { ...LIMITS, maxBytes: 1999 }),
      'too_large',
    );
    expect(error.message).toContain('2000');
    await expect(
      extractFile(join(dir, 'duzy.txt'), { ...LIMITS, maxBytes: 2000 }),
    ).resolves.toMatchObject({ source: 'plain' });
  });

  it('checks the size before reading: a 3 GiB sparse file is too_large, not a read error', async () => {
    const path = join(dir, 'olbrzym.pdf');
    const handle = await open(path, 'w');
    await handle.truncate(3 * 1024 ** 3);
    await handle.close();
    await expectIngestError(extractFile(path, LIMITS), 'too_large');
  });

  it('passes maxPages to the extractor', async () => {
    await writeFile(join(dir, 'dlugi.pdf'), await makePdf({ pages: [['Jeden.'], ['Dwa.']] }));
    await expectIngestError(
      extractFile(join(dir, 'dlugi.pdf'), { ...LIMITS, maxPages: 1 }),
      'too_many_pages',
    );
  });

  it('caps the extracted text of every format: a PDF and a DOCX over maxChars are too_long', async () => {
    const sentence = 'Rada Miasta postanowiła o remoncie szkoły nr 5 przy ulicy Wolności.';
    // Two different pages: a line repeated on every page would be dropped as a running header.
    const other = 'Prace potrwają do końca roku szkolnego, a koszt pokryje budżet miasta.';
    await writeFile(join(dir, 'pismo.pdf'), await makePdf({ pages: [[sentence], [other]] }));
    await writeFile(
      join(dir, 'pismo.docx'),
      makeDocx({ blocks: [{ text: sentence }, { text: sentence }] }),
    );
    for (const name of ['pismo.pdf', 'pismo.docx']) {
      await expectIngestError(
        extractFile(join(dir, name), { ...LIMITS, maxChars: sentence.length + 5 }),
        'too_long',
      );
      await expect(
        extractFile(join(dir, name), { ...LIMITS, maxChars: 3 * sentence.length }),
      ).resolves.toMatchObject({ pages: expect.any(Array) });
    }
  });

  it('lets a missing file surface as a file-system error, not an IngestError', async () => {
    await expect(extractFile(join(dir, 'brak.txt'), LIMITS)).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});
