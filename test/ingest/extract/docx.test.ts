import { extractDocx } from '../../../ingest/extract/docx.js';
import { makeDocx, makeZip } from '../../fixtures/make-docx.js';
import { expectIngestError } from './expect-ingest-error.js';

const OPTIONS = { maxPages: 10 };

describe('extractDocx', () => {
  it('keeps headings and paragraphs as blank-line separated paragraphs, Polish letters intact', async () => {
    const bytes = makeDocx({
      blocks: [
        { text: 'Odpowiedź na interpelację nr 12/2024', heading: 1 },
        { text: 'Chorzów, 12 marca 2024 r.' },
        { text: 'Znak: WEN.9823.2024.RFZ' },
        {
          text: 'Uprzejmie informuję, że współpraca z prowincją Liaoning trwa; źródło: Urząd Marszałkowski.',
        },
      ],
      table: [
        ['Miasto', 'Rok'],
        ['Yingkou', '2013'],
      ],
    });
    const doc = await extractDocx(bytes, OPTIONS);
    expect(doc.source).toBe('docx');
    expect(doc.pages).toHaveLength(1);
    const [page] = doc.pages;
    expect(page).toMatchObject({ page: null, ocr: false });
    expect(page?.text.split('\n\n').slice(0, 4)).toEqual([
      'Odpowiedź na interpelację nr 12/2024',
      'Chorzów, 12 marca 2024 r.',
      'Znak: WEN.9823.2024.RFZ',
      'Uprzejmie informuję, że współpraca z prowincją Liaoning trwa; źródło: Urząd Marszałkowski.',
    ]);
    expect(page?.text).toContain('Yingkou');
  });

  it('reports a password-protected (OLE) file as encrypted and junk as corrupt', async () => {
    await expectIngestError(
      extractDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), OPTIONS),
      'encrypted',
    );
    await expectIngestError(extractDocx(Buffer.from('to nie jest docx'), OPTIONS), 'corrupt');
    await expectIngestError(
      extractDocx(makeZip([['inny.txt', 'brak dokumentu']]), OPTIONS),
      'corrupt',
    );
  });

  it('reports a document without text as empty', async () => {
    await expectIngestError(extractDocx(makeDocx({ blocks: [] }), OPTIONS), 'empty');
  });
});
