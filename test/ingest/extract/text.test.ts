import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extractMarkdown, extractText } from '../../../ingest/extract/text.js';
import { expectIngestError } from './expect-ingest-error.js';

const OPTIONS = { maxPages: 10 };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('extractText', () => {
  it('reads UTF-8 Polish text as one page without a page number, normalising line ends', async () => {
    const doc = await extractText(
      utf8('Zażółć gęślą jaźń  \r\nDruga linia\r\n\r\n\r\n\rAkapit ŻÓŁW\n'),
      OPTIONS,
    );
    expect(doc).toEqual({
      pages: [{ page: null, text: 'Zażółć gęślą jaźń\nDruga linia\n\nAkapit ŻÓŁW', ocr: false }],
      source: 'plain',
    });
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const doc = await extractText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Treść')]), OPTIONS);
    expect(doc.pages[0]?.text).toBe('Treść');
  });

  it('rejects Windows-1250 bytes as not_utf8', async () => {
    // "Zażółć" in Windows-1250.
    const error = await expectIngestError(
      extractText(new Uint8Array([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6]), OPTIONS),
      'not_utf8',
    );
    expect(error.message).toMatch(/UTF-8/);
  });

  it('rejects UTF-16 as not_utf8 rather than binary', async () => {
    await expectIngestError(
      extractText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42, 0x00]), OPTIONS),
      'not_utf8',
    );
  });

  it('rejects binary junk: NUL bytes, or mostly control characters', async () => {
    await expectIngestError(
      extractText(new Uint8Array([0x25, 0x50, 0x00, 0x01, 0x41]), OPTIONS),
      'binary',
    );
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x41 : 0x01 + (i % 7)));
    await expectIngestError(extractText(controls, OPTIONS), 'binary');
  });

  it('accepts tabs and form feeds, which real text files contain', async () => {
    const doc = await extractText(utf8('Kolumna\tdruga\fStrona 2'), OPTIONS);
    expect(doc.pages[0]?.text).toBe('Kolumna\tdruga\fStrona 2');
  });

  it('rejects empty and whitespace-only files as empty', async () => {
    await expectIngestError(extractText(new Uint8Array(0), OPTIONS), 'empty');
    await expectIngestError(extractText(utf8(' \r\n\t\n\u00a0 \n'), OPTIONS), 'empty');
  });

  it('keeps Markdown-looking characters in a .txt letter', async () => {
    const doc = await extractText(utf8('# 1\n*Marcin Michalik*'), OPTIONS);
    expect(doc.pages[0]?.text).toBe('# 1\n*Marcin Michalik*');
  });

  it('reads the Chorzów fixture letter', async () => {
    const bytes = await readFile(
      fileURLToPath(new URL('../../fixtures/letters/chorzow-liaoning.txt', import.meta.url)),
    );
    const text = (await extractText(bytes, OPTIONS)).pages[0]?.text ?? '';
    expect(text.startsWith('Zastępca Prezydenta Miasta\n\nChorzów dnia, 2 marca 2020r.')).toBe(
      true,
    );
    expect(text).toContain('ZASTĘPCA\nPREZYDENTA MIASTA\n*Marcin Michalik*');
    expect(text).not.toMatch(/\n{3}|[ \t]\n/);
  });
});

describe('extractMarkdown', () => {
  it('strips heading markers and emphasis but keeps other text', async () => {
    const source =
      '## Odpowiedź\n\nTo jest *ważne*, **bardzo** i __pilne__.\n\n* punkt listy\n\nplik snake_case_name, 2 * 3 = 6, #hashtag';
    const doc = await extractMarkdown(utf8(source), OPTIONS);
    expect(doc.pages[0]?.text).toBe(
      'Odpowiedź\n\nTo jest ważne, bardzo i pilne.\n\n* punkt listy\n\nplik snake_case_name, 2 * 3 = 6, #hashtag',
    );
  });

  it('applies the same byte checks as plain text', async () => {
    await expectIngestError(extractMarkdown(new Uint8Array([0xbf, 0xf3]), OPTIONS), 'not_utf8');
    await expectIngestError(extractMarkdown(utf8('#  \n'), OPTIONS), 'empty');
  });

  it('refuses a text longer than maxChars as too_long, and accepts one exactly at it', async () => {
    const text = 'Rada Miasta postanowiła o remoncie szkoły. ';
    await expect(
      extractText(utf8(text.trim()), { ...OPTIONS, maxChars: text.trim().length }),
    ).resolves.toMatchObject({ pages: [{ text: text.trim() }] });
    const error = await expectIngestError(
      extractText(utf8(text.repeat(3)), { ...OPTIONS, maxChars: text.length }),
      'too_long',
    );
    expect(error.message).toMatch(/INGEST_MAX_TEXT_CHARS/);
  });

  it('refuses a file of more than three bytes per allowed character without decoding it', async () => {
    // Invalid UTF-8 throughout: were it decoded, the error would be not_utf8.
    const bytes = new Uint8Array(301).fill(0xc3);
    await expectIngestError(extractText(bytes, { ...OPTIONS, maxChars: 100 }), 'too_long');
    await expectIngestError(extractText(bytes, { ...OPTIONS, maxChars: 101 }), 'not_utf8');
  });
});
