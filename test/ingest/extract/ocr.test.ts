/**
 * OCR end to end on real image-only PDFs: the Chorzów letter's first page
 * rendered to a PNG (DejaVu Sans) and embedded without a text layer, upright
 * and turned 90°. One pool and one OCR run per PDF serve all assertions
 * (recognition takes seconds per page).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripDocumentNoise } from '../../../ingest/extract/strip-registry-noise.js';
import { createOcrPool, type OcrPool } from '../../../ingest/extract/ocr-pool.js';
import { extractPdf } from '../../../ingest/extract/pdf.js';
import type { ExtractedDocument } from '../../../ingest/extract/types.js';
import { extractMetadata } from '../../../ingest/metadata.js';
import { letterIdFor } from '../../../ingest/build-letter.js';
import { syncArchive } from '../../../ingest/sync-archive.js';
import { SqliteIndex } from '../../../src/archive/sqlite-index.js';
import { silentLogger } from '../../../src/logger.js';
import { chorzowScanPages } from '../../fixtures/chorzow-scan.js';
import { makeScannedPdf, renderPage } from '../../fixtures/make-scanned-pdf.js';
import { expectIngestError } from './expect-ingest-error.js';

const OCR_TIMEOUT_MS = 240_000;
const [PAGE_ONE] = chorzowScanPages();

let pool: OcrPool;
let upright: ExtractedDocument;
let sideways: ExtractedDocument;
let uprightPdf: Buffer;

beforeAll(async () => {
  pool = createOcrPool({ workers: 2 });
  uprightPdf = await makeScannedPdf({ pages: [PAGE_ONE] });
  const sidewaysPdf = await makeScannedPdf({ pages: [PAGE_ONE], rotate: 90 });
  [upright, sideways] = await Promise.all([
    extractPdf(uprightPdf, { maxPages: 5, ocr: pool }),
    extractPdf(sidewaysPdf, { maxPages: 5, ocr: pool }),
  ]);
}, OCR_TIMEOUT_MS);

afterAll(async () => {
  await pool?.close();
});

describe('extractPdf with OCR (Polish, offline)', () => {
  it.each([
    ['upright', () => upright],
    ['rotated 90°', () => sideways],
  ])('recovers the %s scan: names, date, diacritics; metadata still found', (_, doc) => {
    const { pages, source } = doc();
    expect(source).toBe('ocr');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ page: 1, ocr: true });
    expect(pages[0]?.ocrConfidence).toBeGreaterThan(80);
    const text = pages[0]?.text ?? '';
    for (const word of [
      'Yingkou',
      'Liaoning',
      'Chorzów',
      '2 marca 2020',
      'Województwa Śląskiego',
      'zainteresowanie',
    ])
      expect(text).toContain(word);
    const clean = stripDocumentNoise(doc());
    const metadata = extractMetadata(clean.pages.map((p) => p.text).join('\n\n'));
    expect(metadata).toMatchObject({ date: '2020-03-02', reference: 'WEN.9823.2020.RFZ' });
    expect(clean.metadata?.receivedDate).toBe('2020-03-04');
  });

  it('keeps paragraphs: lines of one paragraph together, a blank line between paragraphs', () => {
    const paragraphs = (upright.pages[0]?.text ?? '').split('\n\n');
    expect(paragraphs).toContain('Grzegorz Krzak');
    expect(paragraphs.find((p) => p.startsWith('W 2013 roku'))).toMatch(/Liaoning\.$/);
  });

  it('never writes the language model to the working directory (nothing cached or downloaded)', () => {
    expect(fs.existsSync(path.join(process.cwd(), 'pol.traineddata'))).toBe(false);
  });

  it('without OCR an image-only PDF fails as no_text, saying OCR is off', async () => {
    const error = await expectIngestError(extractPdf(uprightPdf, { maxPages: 5 }), 'no_text');
    expect(error.message).toMatch(/OCR is needed but switched off/);
  });

  it(
    'the sync marks OCR letters, and stops a file over its time limit with reason timeout',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-ocr-'));
      const index = new SqliteIndex({ path: ':memory:' });
      try {
        fs.writeFileSync(
          path.join(dir, 'skan.pdf'),
          await makeScannedPdf({
            pages: [
              'Katowice, 3 kwietnia 2024 r.\n\nOdpowiedź w sprawie budowy żłobka przy ulicy Wolności.',
            ],
          }),
        );
        const ok = await syncArchive({
          index,
          archiveDir: dir,
          maxBytes: 5e6,
          maxPages: 5,
          logger: silentLogger(),
          ocr: pool,
        });
        expect(ok).toMatchObject({ added: 1, failed: 0 });
        expect(await index.getLetter(letterIdFor('skan.pdf'))).toMatchObject({
          ocr: true,
          date: '2024-04-03',
        });

        // Rendering a page at 300 dpi alone takes longer than 200 ms.
        fs.writeFileSync(path.join(dir, 'wolny.pdf'), uprightPdf);
        const slow = await syncArchive({
          index,
          archiveDir: dir,
          maxBytes: 5e6,
          maxPages: 5,
          logger: silentLogger(),
          ocr: pool,
          fileTimeoutMs: 200,
        });
        expect(slow.failures).toEqual([
          {
            file: 'wolny.pdf',
            reason: 'timeout',
            message: expect.stringMatching(/^stopped after 200 ms \(INGEST_FILE_TIMEOUT_S\)/),
          },
        ]);
      } finally {
        await index.close();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    OCR_TIMEOUT_MS,
  );

  it(
    'a recognition stopped mid-way terminates its worker and the pool carries on',
    async () => {
      const page = renderPage(PAGE_ONE, { dpi: 300, fontSize: 10.5, rotate: 0 });
      await expectIngestError(
        pool.recognize(page, { signal: AbortSignal.timeout(300) }),
        'timeout',
      );
      const again = await extractPdf(
        await makeScannedPdf({ pages: ['Gliwice, 1 lutego 2024 r.'] }),
        { maxPages: 5, ocr: pool },
      );
      expect(again.pages[0]?.text).toContain('Gliwice');
    },
    OCR_TIMEOUT_MS,
  );
});
