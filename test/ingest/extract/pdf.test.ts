import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extractPdf } from '../../../ingest/extract/pdf.js';
import { makePdf } from '../../fixtures/make-pdf.js';
import { expectIngestError } from './expect-ingest-error.js';

const CHORZOW_PDF = fileURLToPath(
  new URL(
    '../../../samples/letters/chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf',
    import.meta.url,
  ),
);
const FOOTER = ['Urząd Miasta Chorzów, ul. Rynek 1, 41-500 Chorzów', 'Strona {page} z {pages}'];
const LONG_WORDS = Array.from({ length: 14 }, () => 'współpracowników').join(' ');

/** Raw text items of one page, straight from pdf.js: proves what the fixture really contains. */
async function rawLines(pdf: Uint8Array, pageNumber: number): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false })
    .promise;
  try {
    const content = await (await doc.getPage(pageNumber)).getTextContent();
    return content.items.flatMap((item) =>
      'str' in item && item.str.trim() !== '' ? [item.str] : [],
    );
  } finally {
    await doc.destroy();
  }
}

describe('extractPdf', () => {
  it('orders text by position, not by content-stream order', async () => {
    // makePdf draws headers and footers after the body, so the stream order is body → header → footer.
    const pdf = await makePdf({
      pages: [['Treść pisma.']],
      header: 'Nagłówek kancelarii',
      footer: 'Stopka urzędu',
    });
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages).toEqual([
      { page: 1, text: 'Nagłówek kancelarii\n\nTreść pisma.\n\nStopka urzędu', ocr: false },
    ]);
  });

  it('splits paragraphs on vertical gaps, keeps line breaks inside a paragraph, and numbers pages', async () => {
    const pdf = await makePdf({
      pages: [
        [
          { text: 'Chorzów, 2 marca 2020 r.', align: 'right' },
          { text: 'Pan\nGrzegorz Krzak', indent: 250 },
          'Szanowny Panie,',
        ],
        ['Druga strona.'],
      ],
    });
    const { pages, source } = await extractPdf(pdf, { maxPages: 10 });
    expect(source).toBe('text-layer');
    expect(pages.map((p) => p.page)).toEqual([1, 2]);
    expect(pages[0]?.text.split('\n\n')).toEqual([
      'Chorzów, 2 marca 2020 r.',
      'Pan\nGrzegorz Krzak',
      'Szanowny Panie,',
    ]);
    expect(pages[1]?.text).toBe('Druga strona.');
  });

  it('rejoins words hyphenated at a line end', async () => {
    const pdf = await makePdf({ pages: [[LONG_WORDS]], hyphenate: true });
    const raw = await rawLines(pdf, 1);
    expect(raw.some((line) => /\p{Ll}-$/u.test(line))).toBe(true);
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages[0]?.text.replace(/\n/g, ' ')).toBe(LONG_WORDS);
  });

  it('keeps genuine hyphens and dashes at a line end', async () => {
    const pdf = await makePdf({
      pages: [['Znak: BM-\nWRP.054, w dniach 2-\n3 lipca, firma Alstom –\nKonstal, kod 41-\n500.']],
    });
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages[0]?.text).toBe(
      'Znak: BM-WRP.054, w dniach 2-3 lipca, firma Alstom –\nKonstal, kod 41-500.',
    );
  });

  it('rejoins a word hyphenated across a page break onto the page where it starts', async () => {
    const pdf = await makePdf({ pages: [['Początek współ-'], ['praca trwa dalej.']] });
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages.map((p) => p.text)).toEqual(['Początek współpraca', 'trwa dalej.']);
  });

  it('removes headers and footers repeated on every page, page numbers included, and keeps them as noise', async () => {
    const pdf = await makePdf({
      pages: [['Pierwsza strona.'], ['Druga strona.'], ['Trzecia strona.']],
      header: 'Wydział Rozwoju i Funduszy Zewnętrznych',
      footer: FOOTER,
    });
    const raw = await rawLines(pdf, 2);
    expect(raw).toContain('Strona 2 z 3');
    const { pages, noise } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages.map((p) => p.text)).toEqual([
      'Pierwsza strona.',
      'Druga strona.',
      'Trzecia strona.',
    ]);
    expect(noise).toEqual(['Wydział Rozwoju i Funduszy Zewnętrznych', FOOTER[0], 'Strona 1 z 3']);
  });

  it('keeps edge lines of a single-page PDF (nothing to compare them with)', async () => {
    const pdf = await makePdf({ pages: [['Treść.']], footer: FOOTER });
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages[0]?.text).toContain('Strona 1 z 1');
  });

  it('extracts the Chorzów sample letter: both pages, date line, addressee, no footer', async () => {
    const { pages, noise } = await extractPdf(await readFile(CHORZOW_PDF), { maxPages: 10 });
    expect(pages).toHaveLength(2);
    const [first, second] = pages.map((p) => p.text) as [string, string];
    expect(first.startsWith('Zastępca Prezydenta Miasta\n\nChorzów dnia, 2 marca 2020r.')).toBe(
      true,
    );
    expect(first).toContain('Data wpływu 04 -03- 2020');
    expect(first).toContain('WEN. 9823 2020. RFZ');
    expect(first).toContain('\n\nPan\nGrzegorz Krzak\nRadny Miasta Chorzów\n\n');
    expect(first).toContain('Yingkou');
    expect(first).toContain('w prowincji Liaoning.');
    expect(first).toContain('w dniach 2-3 lipca 2013 roku');
    expect(first).toMatch(/Alstom –\s+Konstal/);
    expect(second).toContain('Z poważaniem\n\nZASTĘPCA\nPREZYDENTA MIASTA\nMarcin Michalik');
    for (const text of [first, second]) {
      expect(text).not.toMatch(/Strona \d z 2|ul\. Rynek 1/);
      expect(text).not.toMatch(/\p{Ll}-\n/u);
    }
    expect(noise).toContain('Urząd Miasta Chorzów, ul. Rynek 1, 41-500 Chorzów');
  });

  it('returns an empty page for a page without text, and fails with no_text when no page has any', async () => {
    const mixed = await extractPdf(await makePdf({ pages: [['Tekst.'], []] }), { maxPages: 10 });
    expect(mixed.pages.map((p) => p.text)).toEqual(['Tekst.', '']);
    const error = await expectIngestError(
      extractPdf(await makePdf({ pages: [[], []] }), { maxPages: 10 }),
      'no_text',
    );
    expect(error.message).toMatch(/OCR/);
  });

  it('rejects a password-protected PDF as encrypted', async () => {
    const pdf = await makePdf({ pages: [['Tajne.']], password: 'tajne' });
    await expectIngestError(extractPdf(pdf, { maxPages: 10 }), 'encrypted');
  });

  it('rejects truncated PDFs as corrupt', async () => {
    const pdf = await makePdf({ pages: [['Pierwsza.'], ['Druga.']] });
    await expectIngestError(
      extractPdf(pdf.subarray(0, Math.floor(pdf.length / 2)), { maxPages: 10 }),
      'corrupt',
    );
    await expectIngestError(
      extractPdf(pdf.subarray(0, pdf.length - 12), { maxPages: 10 }),
      'corrupt',
    );
  });

  it('rejects junk behind a %PDF header and non-PDF bytes as corrupt', async () => {
    const junk = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(2048, 0x41),
      Buffer.from('\n%%EOF\n'),
    ]);
    await expectIngestError(extractPdf(junk, { maxPages: 10 }), 'corrupt');
    await expectIngestError(
      extractPdf(Buffer.from('To nie jest PDF, tylko tekst.'), { maxPages: 10 }),
      'corrupt',
    );
  });

  it('rejects more pages than maxPages and accepts exactly maxPages', async () => {
    const pdf = await makePdf({ pages: [['Jeden.'], ['Dwa.'], ['Trzy.']] });
    const error = await expectIngestError(extractPdf(pdf, { maxPages: 2 }), 'too_many_pages');
    expect(error.message).toContain('3');
    await expect(extractPdf(pdf, { maxPages: 3 })).resolves.toMatchObject({ pages: { length: 3 } });
  });

  it('leaves the caller’s bytes intact and stops when the signal is aborted', async () => {
    const pdf = await makePdf({ pages: [['Treść.']] });
    const before = Buffer.from(pdf);
    await extractPdf(pdf, { maxPages: 10 });
    expect(Buffer.compare(pdf, before)).toBe(0);
    await expectIngestError(
      extractPdf(pdf, { maxPages: 10, signal: AbortSignal.abort() }),
      'timeout',
    );
  });
});
