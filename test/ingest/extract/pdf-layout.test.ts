import {
  groupLines,
  rejoinPageBreaks,
  renderLines,
  type PdfLine,
} from '../../../ingest/extract/pdf-layout.js';
import { stripRepeatedLines } from '../../../ingest/extract/strip-repeated-lines.js';

const item = (str: string, x: number, y: number, width = str.length * 5) => ({
  str,
  x,
  y,
  width,
  size: 10,
});
const line = (text: string, y: number): PdfLine => ({ text, y, size: 10 });

describe('groupLines', () => {
  it('groups by baseline within a tolerance and orders top→bottom, left→right', () => {
    const lines = groupLines([
      item('dolna', 50, 600),
      item('prawa', 200, 700.5),
      item('lewa', 50, 700),
      item('   ', 120, 700),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['lewa prawa', 'dolna']);
  });

  it('inserts a space only where fragments are visibly apart', () => {
    const lines = groupLines([
      item('współ', 50, 700, 30),
      item('praca', 80, 700),
      item('dalej', 120, 700),
    ]);
    expect(lines[0]?.text).toBe('współpraca dalej');
  });
});

describe('renderLines', () => {
  it('starts a paragraph where the gap exceeds the usual line pitch', () => {
    const text = renderLines([
      line('a1', 700),
      line('a2', 687),
      line('a3', 674),
      line('b1', 652),
      line('b2', 639),
    ]);
    expect(text).toBe('a1\na2\na3\n\nb1\nb2');
  });

  it('rejoins split words but keeps real hyphens and dashes', () => {
    const text = renderLines([
      line('współ-', 700),
      line('praca BM-', 687),
      line('WRP.054 i 2-', 674),
      line('3 lipca –', 661),
      line('koniec', 648),
    ]);
    expect(text).toBe('współpraca BM-WRP.054 i 2-3 lipca –\nkoniec');
  });
});

describe('rejoinPageBreaks', () => {
  it('moves the rest of a split word back to the page where it starts', () => {
    expect(rejoinPageBreaks(['koniec współ-', 'pracy\nciąg dalszy'])).toEqual([
      'koniec współpracy',
      'ciąg dalszy',
    ]);
    expect(rejoinPageBreaks(['znak BM-', 'WRP.054'])).toEqual(['znak BM-', 'WRP.054']);
  });
});

describe('stripRepeatedLines', () => {
  const page = (n: number, body: string): PdfLine[] => [
    line('Urząd Miasta', 800),
    line(body, 700),
    line('Z poważaniem', 650 - n * 40), // same words, different height: body text
    line(`Strona ${n} z 3`, 50),
  ];

  it('removes edge lines repeated across pages (digits normalised) but keeps repeated body lines', () => {
    const { pages, removed } = stripRepeatedLines([
      page(1, 'jeden'),
      page(2, 'dwa'),
      page(3, 'trzy'),
    ]);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([
      ['jeden', 'Z poważaniem'],
      ['dwa', 'Z poważaniem'],
      ['trzy', 'Z poważaniem'],
    ]);
    expect(removed).toEqual(['Urząd Miasta', 'Strona 1 z 3']);
  });

  it('removes a line found on most pages but not one found on a single page', () => {
    const third = [line('Inny nagłówek', 800), line('trzy', 700), line('Strona 3 z 3', 50)];
    const { pages } = stripRepeatedLines([page(1, 'jeden'), page(2, 'dwa'), third]);
    expect(pages[2]?.map((l) => l.text)).toEqual(['Inny nagłówek', 'trzy']);
  });

  it('keeps a repeated edge line that is not at a fixed height', () => {
    const pages = [1, 2, 3].map((n) => [
      line(`akapit ${'x'.repeat(n)}`, 700),
      line('Z poważaniem', 600 - n * 40),
    ]);
    expect(stripRepeatedLines(pages).removed).toEqual([]);
  });

  it('leaves a single page alone', () => {
    expect(stripRepeatedLines([page(1, 'jeden')]).pages[0]).toHaveLength(4);
  });
});
