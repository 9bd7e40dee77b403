import { extractPdf } from '../../../ingest/extract/pdf.js';
import { makePdf } from '../../fixtures/make-pdf.js';

// Taken before pdf.js is first loaded (extractPdf loads it on its first document).
const native = { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };

describe('loadPdfjs', () => {
  it('reads a PDF and leaves JSON.stringify, JSON.parse and Array.prototype.push native', async () => {
    const pdf = await makePdf({ pages: [['Treść pisma w sprawie Liaoning.']] });
    const { pages } = await extractPdf(pdf, { maxPages: 10 });
    expect(pages.map((p) => p.text).join('\n')).toContain('Treść pisma w sprawie Liaoning.');
    // pdf.js's legacy build and its worker module replace all three with core-js versions on Node 20.
    expect(JSON.stringify).toBe(native.stringify);
    expect(JSON.parse).toBe(native.parse);
    expect(Array.prototype.push).toBe(native.push);
    for (const fn of [JSON.stringify, JSON.parse, Array.prototype.push])
      expect(Function.prototype.toString.call(fn)).toContain('[native code]');
    expect(Object.getOwnPropertyDescriptor(JSON, 'stringify')).toMatchObject({
      enumerable: false,
      writable: true,
    });
  });
});
