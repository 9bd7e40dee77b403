/**
 * Measures OCR on this machine: the Chorzów letter rendered to an image-only
 * PDF (upright, and one sideways page), OCR'd through `extractPdf` with the
 * worker pool. Prints seconds per page and the character error rate against
 * the letter's text (noise lines removed by the extractor count as errors).
 * Run: `npx tsx scripts/measure-ocr.ts [--workers N] [--json]`.
 */
import { availableParallelism } from 'node:os';
import { extractPdf } from '../ingest/extract/pdf.js';
import { createOcrPool } from '../ingest/extract/ocr-pool.js';
import { characterErrorRate, chorzowScanPages } from '../test/fixtures/chorzow-scan.js';
import { makeScannedPdf } from '../test/fixtures/make-scanned-pdf.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const workersArg = args.indexOf('--workers');
  const workers = workersArg >= 0 ? Number(args[workersArg + 1]) : 0;
  const pages = chorzowScanPages();
  const upright = await makeScannedPdf({ pages });
  const sideways = await makeScannedPdf({ pages: [pages[0]], rotate: 90 });
  const pool = createOcrPool({ workers });
  try {
    let started = performance.now();
    // Warm-up: worker start-up (WASM compile, model load) is paid once per sync, not per page.
    await extractPdf(await makeScannedPdf({ pages: ['Rozgrzewka: Chorzów, 2 marca 2020 r.'] }), {
      maxPages: 10,
      ocr: pool,
    });
    const warmup = (performance.now() - started) / 1000;

    started = performance.now();
    const doc = await extractPdf(upright, { maxPages: 10, ocr: pool });
    const uprightSeconds = (performance.now() - started) / 1000;
    const text = doc.pages.map((p) => p.text).join('\n\n');
    const cer = characterErrorRate(text, pages.join('\n\n'));
    const withNoise = characterErrorRate(
      [...doc.pages.map((p) => p.text), ...(doc.noise ?? [])].join('\n\n'),
      pages.join('\n\n'),
    );

    started = performance.now();
    const rotated = await extractPdf(sideways, { maxPages: 10, ocr: pool });
    const rotatedSeconds = (performance.now() - started) / 1000;
    const rotatedCer = characterErrorRate(rotated.pages[0]?.text ?? '', pages[0]);

    const result = {
      cores: availableParallelism(),
      workers: pool.concurrency,
      warmup_seconds: round(warmup),
      pages: doc.pages.length,
      seconds_per_page: round(uprightSeconds / doc.pages.length),
      confidence: doc.pages.map((p) => p.ocrConfidence ?? null),
      cer: round(cer, 4),
      rotated_seconds_per_page: round(rotatedSeconds),
      rotated_cer_page1: round(rotatedCer, 4),
      cer_note:
        'whitespace-normalised Levenshtein / reference length; the pages minus removed noise vs the full letter text',
      cer_with_noise_lines_appended: round(withNoise, 4),
    };
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        `${JSON.stringify(result, null, 2)}\n--- OCR text ---\n${text}\n--- noise ---\n${(doc.noise ?? []).join('\n')}\n`,
      );
    }
  } finally {
    await pool.close();
  }
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

await main();
