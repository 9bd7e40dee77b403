import { extractDocument } from '../../../ingest/extract/extract-file.js';
import { replaceSymbolGlyphs } from '../../../ingest/extract/symbol-glyphs.js';

describe('replaceSymbolGlyphs', () => {
  it('turns Symbol and Wingdings private-use glyphs into the characters they draw, one for one', () => {
    // As in i15497-DWWJ2E: the list bullets are U+F0B7, a dash U+F02D.
    const raw = 'wyniosły:\n\uf0b7 w 2024 r. \uf02d 47 825,41 zł,\n\uf0d8 w 2025 r.';
    const text = replaceSymbolGlyphs(raw);
    expect(text).toBe('wyniosły:\n• w 2024 r. – 47 825,41 zł,\n➢ w 2025 r.');
    expect(text.length).toBe(raw.length);
    expect(text).not.toMatch(/[\uE000-\uF8FF]/u);
  });

  it('is applied to every extracted document (a text file here)', async () => {
    const bytes = new TextEncoder().encode('Zadania:\n\uf0b7 budowa drogi,\n\uf0b7 remont mostu.');
    const doc = await extractDocument('lista.txt', bytes, { maxPages: 10 });
    expect(doc.pages[0]?.text).toContain('• budowa drogi');
    expect(doc.pages[0]?.text).not.toContain('\uf0b7');
  });
});
