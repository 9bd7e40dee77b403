import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripRegistryNoise } from '../../../ingest/extract/strip-registry-noise.js';
import { extractMetadata } from '../../../ingest/metadata.js';

const SEED = readFileSync(
  fileURLToPath(new URL('../../fixtures/letters/chorzow-liaoning.txt', import.meta.url)),
  'utf8',
);

describe('stripRegistryNoise', () => {
  it('removes the registry stamp and page mark of the seed letter, keeping its date and reference', () => {
    const { pages, noise, receivedDate } = stripRegistryNoise([
      { page: null, text: SEED, ocr: false },
    ]);
    const text = pages[0]?.text ?? '';
    for (const stamp of ['Data wpływu', 'Nr KRM', 'Skierowano', 'płynęło', '04 -03- 2020', '3/1'])
      expect(text).not.toContain(stamp);
    expect(noise).toEqual([
      'Data wpływu ..... 04 -03- 2020 .....',
      'Nr KRM .....',
      'Skierowano .....',
      'płynęło',
      'dnia',
      '04 -03- 2020',
      '1. 3/1',
    ]);
    expect(receivedDate).toBe('2020-03-04');
    expect(text).toContain('Chorzów dnia, 2 marca 2020r.');
    expect(text).toContain('w prowincji Liaoning');
    expect(extractMetadata(text)).toMatchObject({
      date: '2020-03-02',
      reference: 'WEN.9823.2020.RFZ',
      author: 'Marcin Michalik',
    });
  });

  it('removes page counters only at a page edge, and keeps body sentences that start like a stamp', () => {
    const pages = [
      {
        page: 1,
        text: 'Strona 1 z 2\n\nSkierowano pismo do Wydziału Inwestycji z prośbą o opinię w terminie 14 dni.\n\nPłynęło wiele skarg.\n\n- 1 -',
        ocr: true,
      },
      { page: 2, text: 'Wyniki: 3/4 mieszkańców za.\n\nTekst dalszy.\n\n2/2', ocr: true },
    ];
    const { pages: out, noise } = stripRegistryNoise(pages);
    expect(out[0]?.text).toBe(
      'Skierowano pismo do Wydziału Inwestycji z prośbą o opinię w terminie 14 dni.\n\nPłynęło wiele skarg.',
    );
    expect(out[1]?.text).toBe('Wyniki: 3/4 mieszkańców za.\n\nTekst dalszy.');
    expect(noise).toEqual(['Strona 1 z 2', '- 1 -', '2/2']);
    expect(out[0]).toMatchObject({ page: 1, ocr: true });
  });

  it('takes a KRM number into noise and leaves a clean letter untouched', () => {
    const { noise } = stripRegistryNoise([
      { page: 1, text: 'Nr KRM 0012/2020\n\nTreść pisma.', ocr: false },
    ]);
    expect(noise).toEqual(['Nr KRM 0012/2020']);
    const clean = { page: 1, text: 'Warszawa, 12 marca 2024 r.\n\nTreść pisma.', ocr: false };
    expect(stripRegistryNoise([clean])).toEqual({ pages: [clean], noise: [], receivedDate: null });
  });
});
