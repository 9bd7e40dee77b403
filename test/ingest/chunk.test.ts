import { chunkPages } from '../../ingest/chunk.js';

const para = (n: number, words = 30) =>
  Array.from({ length: words }, (_, i) => `słowo${n}x${i}`).join(' ') + '.';

describe('chunkPages', () => {
  test('a line that introduces a list stays with its list when a long paragraph is cut', () => {
    // One paragraph with no blank lines (as many PDF letters are), so it is cut at sentence ends near maxChars.
    const lead = 'Koszty poniesione na organizację tego przedsięwzięcia wyniosły:';
    const list = '• w 2024 r. – 47 825,41 zł,\n• w 2025 r. – 59 899,84 zł.';
    const before = Array.from(
      { length: 8 },
      (_, i) =>
        `W ramach projektu w roku ${2010 + i} przeprowadzono tygodniowe szkolenia dla urzędników administracji rolnej z kilku państw.`,
    );
    const paragraph = [...before, lead, list, 'Uczestnicy otrzymali materiały.'].join('\n');
    const cut = before.join('\n').length + 1 + lead.length + 10;
    const { text, passages } = chunkPages('L', [{ page: 1, text: paragraph, ocr: false }], {
      maxChars: cut,
      targetChars: 100,
      wholeLetterChars: 10,
    });
    expect(passages.length).toBeGreaterThan(1);
    const withLead = passages.find((p) => p.text.includes(lead));
    expect(withLead?.text).toContain('59 899,84 zł');
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  test('a sentence cut by a running footer stays in one passage, without the footer', () => {
    // sejm/i17413-DWQHLU and the Ministry of Energy's footer: the page break fell inside a sentence.
    const before = Array.from({ length: 6 }, (_, i) => para(i)).join('\n\n');
    const cut = 'W systemie dane są oznaczone, przy czym kwalifikacja „ratownik medyczny” została';
    const page = `${before}\n\n${cut}\n\nwww.gov.pl/energia ul. Przemysłowa 26\n\nwprowadzona od 1 lipca 2025 r. Dalsza część odpowiedzi.`;
    const { passages } = chunkPages('L', [{ page: 1, text: page, ocr: false }], {
      targetChars: 300,
      maxChars: 600,
    });
    const holder = passages.find((p) => p.text.includes('została'));
    expect(holder?.text).toContain('została\nwprowadzona od 1 lipca 2025 r.');
    expect(passages.some((p) => p.text.includes('Przemysłowa'))).toBe(false);
  });

  test('a sentence cut by a blank line goes on in the same passage even when the passage is full', () => {
    const before = Array.from({ length: 3 }, (_, i) => para(i)).join(' ');
    const page = `${before} Projekt zakłada, że środki zostaną\n\nprzekazane gminom do końca 2026 r. ${para(9)}`;
    const { text, passages } = chunkPages('L', [{ page: 1, text: page, ocr: false }], {
      targetChars: 200,
      maxChars: before.length + 20,
    });
    const holder = passages.find((p) => p.text.includes('zostaną'));
    // Too long for the passage it began in: the unfinished sentence opens the next one.
    expect(holder?.text.startsWith('Projekt zakłada')).toBe(true);
    expect(holder?.text).toContain('przekazane gminom do końca 2026 r.');
    // Its text is the letter's, with the blank line inside the sentence read as a line break.
    for (const p of passages)
      expect(
        text.slice(p.start, p.end).replace('zostaną\n\nprzekazane', 'zostaną\nprzekazane'),
      ).toBe(p.text);
  });

  test('a paragraph after a salutation is no continuation of the subject line above it', () => {
    const page = `w sprawie nauczania religii w szkołach\n\nSzanowny Panie Marszałku,\n\nodpowiadając na interpelację informuję, że ${para(1)}\n\n${para(2)}\n\n${para(3)}`;
    const { passages } = chunkPages('L', [{ page: 1, text: page, ocr: false }], {
      targetChars: 100,
      maxChars: 400,
      wholeLetterChars: 10,
    });
    expect(passages.some((p) => /szkołach\s+odpowiadając/u.test(p.text))).toBe(false);
  });

  test('a short letter stays one passage, with offsets into the full text', () => {
    const { text, passages } = chunkPages('L', [
      { page: 1, text: 'Pan Jan Kowalski\n\nKrótka odpowiedź na pismo.', ocr: false },
    ]);
    expect(passages).toHaveLength(1);
    expect(passages[0]).toMatchObject({ id: 'L:0', letterId: 'L', ordinal: 0, page: 1 });
    expect(text.slice(passages[0]!.start, passages[0]!.end)).toBe(passages[0]!.text);
    expect(passages[0]!.text).toContain('Krótka odpowiedź');
  });

  test('long letters split at paragraph boundaries near the target size, never across pages', () => {
    const page1 = Array.from({ length: 6 }, (_, i) => para(i)).join('\n\n');
    const page2 = Array.from({ length: 3 }, (_, i) => para(10 + i)).join('\n\n');
    const { text, passages } = chunkPages(
      'L',
      [
        { page: 1, text: page1, ocr: false },
        { page: 2, text: page2, ocr: false },
      ],
      { targetChars: 700, wholeLetterChars: 100 },
    );
    expect(passages.length).toBeGreaterThan(2);
    for (const p of passages) {
      expect(text.slice(p.start, p.end)).toBe(p.text);
      // paragraph aligned: each passage starts a paragraph and ends with one's full stop
      expect(p.text.startsWith('słowo')).toBe(true);
      expect(p.text.endsWith('.')).toBe(true);
      expect(p.text.length).toBeLessThanOrEqual(1600);
    }
    expect(
      passages
        .filter((p) => p.page === 2)
        .map((p) => p.text)
        .join(' '),
    ).toContain('słowo10x0');
    expect(
      passages
        .filter((p) => p.page === 1)
        .map((p) => p.text)
        .join(' '),
    ).not.toContain('słowo10x0');
    expect(passages.map((p) => p.ordinal)).toEqual(passages.map((_, i) => i));
  });

  test('an over-long paragraph is cut at sentence ends', () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `To jest zdanie numer ${i} o budżecie miasta.`,
    ).join(' ');
    const { passages } = chunkPages('L', [{ page: null, text: long, ocr: false }], {
      maxChars: 400,
      targetChars: 300,
      wholeLetterChars: 100,
    });
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(400);
      expect(p.text).toMatch(/^To jest zdanie numer \d+/);
      expect(p.text.endsWith('.')).toBe(true);
      expect(p.page).toBeNull();
    }
  });

  test('pages without text produce no passages but keep offsets right', () => {
    const { text, passages } = chunkPages(
      'L',
      [
        { page: 1, text: '', ocr: false },
        { page: 2, text: para(1, 300), ocr: false },
      ],
      { wholeLetterChars: 100 },
    );
    expect(passages.every((p) => p.page === 2)).toBe(true);
    for (const p of passages) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
