import { compactText, locateQuote } from '../../../src/channels/viewer/locate-quote.js';
import { highlightOcrWords } from '../../../src/channels/viewer/read-ocr-words.js';

describe('locateQuote', () => {
  test('finds a quote across a hyphenated line end and a line break', () => {
    const text = 'Wstęp.\nW ramach współ-\npracy z prowincją Liaoning odbyły się spotkania.';
    const [range] = locateQuote(text, 'współpracy z prowincją Liaoning')!;
    expect(text.slice(range!.start, range!.end)).toBe('współ-\npracy z prowincją Liaoning');
  });

  test('each „…” fragment is found where it stands, in any order', () => {
    const text = 'Pierwsze zdanie. Drugie zdanie. Trzecie zdanie.';
    const ranges = locateQuote(text, 'Trzecie zdanie. … Pierwsze zdanie.')!;
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual([
      'Trzecie zdanie',
      'Pierwsze zdanie',
    ]);
  });

  test('null when any fragment is not in the text', () => {
    expect(locateQuote('Pierwsze zdanie.', 'Pierwsze zdanie. … Czwarte zdanie.')).toBeNull();
    expect(locateQuote('cokolwiek', '… –')).toBeNull();
  });
});

describe('highlightOcrWords', () => {
  const words = ['Miasto', 'Chorzów', 'współ-', 'pracuje', 'z', 'Liaoning.'].map((text, i) => ({
    text,
    x0: i * 0.1,
    y0: 0.5,
    x1: i * 0.1 + 0.08,
    y1: 0.52,
  }));

  test('boxes cover exactly the quoted characters, cut inside a word where the quote ends', () => {
    const result = highlightOcrWords(words, 'Chorzów współpracuje z Liaoning')!;
    expect(compactText(result.text).compact).toBe(
      compactText('Chorzów współpracuje z Liaoning').compact,
    );
    expect(result.boxes).toHaveLength(5);
    // „Liaoning.” is 9 characters; the dot is not highlighted.
    expect(result.boxes[4]!.w).toBeCloseTo((0.08 * 8) / 9, 6);
  });

  test('null when the quote is not on the page', () => {
    expect(highlightOcrWords(words, 'Yingkou')).toBeNull();
  });
});
