/**
 * Measures the letter viewer in headless Chromium (Debian `chromium`):
 *
 * 1. Highlight correctness: the relevant letters of an eval question set are
 *    made into PDFs (the sample script's layout, `test/fixtures/make-pdf.ts`)
 *    and, for a second corpus, into image-only scans
 *    (`test/fixtures/make-scanned-pdf.ts`, OCR'd at ingest); every question
 *    is answered and every citation opened in the viewer. A citation counts
 *    as correct when the page shown is the citation's (the passage's) page
 *    and the highlighted characters read back from the page (text-layer
 *    marks, or the OCR boxes' characters) equal the quote's letters and digits.
 * 2. First paint of a 10-page PDF: navigation start → first contentful paint,
 *    and → the cited page drawn on the canvas (`viewer-page-drawn` mark).
 *
 * Run: `npx tsx bench/viewer/measure-viewer.ts [--questions FILE] [--limit N] [--scan-limit N] [--json]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { createOcrPool, type OcrPool } from '../../ingest/extract/ocr-pool.js';
import { syncArchive } from '../../ingest/sync-archive.js';
import type { Citation } from '../../src/answer/types.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { withViewerLinks } from '../../src/assistant/add-viewer-links.js';
import { collectAnswer, createAssistant } from '../../src/assistant/create-assistant.js';
import { createLetterReader } from '../../src/assistant/read-letter.js';
import { createLetterLinks, type LetterLinks } from '../../src/assistant/sign-letter-links.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { createAdminCommands } from '../../src/assistant/admin-commands.js';
import { compactText } from '../../src/channels/viewer/locate-quote.js';
import { createLetterViewer } from '../../src/channels/viewer/create-letter-viewer.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { makePdf, type PdfParagraph } from '../../test/fixtures/make-pdf.js';
import { makeScannedPdf } from '../../test/fixtures/make-scanned-pdf.js';
import { launchChromium } from '../../test/helpers/launch-chromium.js';

const { values: args } = parseArgs({
  options: {
    questions: { type: 'string', default: 'bench/questions/chat-dev.jsonl' },
    corpus: { type: 'string', default: '/work/shared/corpus/sejm' },
    limit: { type: 'string', default: '45' },
    'scan-limit': { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
    /** `scan`: only the scanned corpus; `paint`: only the first paint (the rest is skipped). */
    only: { type: 'string' },
  },
});
const KEY = 'bench-viewer-signing-key-0123456789abcdef';

interface Question {
  readonly id: string;
  readonly question: string;
  readonly relevant?: readonly string[];
}

function paragraphsOf(text: string): PdfParagraph[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .join('\n')
        .trim(),
    )
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? { text: p, bold: true } : p));
}

interface Served {
  readonly url: string;
  readonly links: LetterLinks;
  readonly index: SqliteIndex;
  ask(question: string): Promise<readonly Citation[]>;
  close(): Promise<void>;
}

async function serve(archiveDir: string, dataDir: string, ocr?: OcrPool): Promise<Served> {
  const logger = silentLogger();
  const index = new SqliteIndex({ path: ':memory:' });
  const summary = await syncArchive({
    index,
    archiveDir,
    maxBytes: 50e6,
    maxPages: 100,
    logger,
    ...(ocr ? { ocr } : {}),
  });
  if (summary.failures.length > 0) throw new Error(JSON.stringify(summary.failures));
  const config = loadConfig({
    PUBLIC_BASE_URL: 'https://kancelaria.example.pl',
    LINK_SIGNING_KEY: KEY,
    ARCHIVE_DIR: archiveDir,
    DATA_DIR: dataDir,
  });
  const links = createLetterLinks({ key: KEY, baseUrl: config.PUBLIC_BASE_URL!, ttlSeconds: 3600 });
  const assistant = withViewerLinks(createAssistant({ index, logger }), links);
  const store = new StateStore({ path: ':memory:' });
  const viewer = createLetterViewer(
    {
      config,
      assistant: { ...assistant, draft: () => Promise.reject(new Error('no drafts here')) },
      store,
      logger,
      admin: createAdminCommands({
        status: () => Promise.reject(new Error('none')),
        reindex: () => Promise.reject(new Error('none')),
        audit: () => undefined,
      }),
      letters: createLetterReader({ index: async () => index, archiveDir }),
    },
    ocr ? { ocr } : {},
  );
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: viewer.routes,
    logger,
    health: async () => ({}),
  });
  return {
    url: server.url,
    links,
    index,
    async ask(question) {
      const answer = await collectAnswer(assistant, {
        question,
        audience: 'asker',
        user: { id: 'slack:BENCH' },
      });
      return answer.citations;
    },
    async close() {
      await server.close();
      store.close();
      await index.close();
    },
  };
}

function local(served: Served, link: string): string {
  const u = new URL(link);
  return `${served.url}${u.pathname}${u.search}`;
}

/** What the page highlighted, fragment by fragment in the quote's order. */
async function readBack(page: Page): Promise<{ how: string; text: string; shownPage: string }> {
  const how = (await page.locator('body').getAttribute('data-highlight')) ?? '';
  const shownPage = (await page.locator('#page-label').textContent()) ?? '';
  if (how === 'ocr')
    return { how, shownPage, text: (await page.locator('#boxes').getAttribute('data-text')) ?? '' };
  const marks = page.locator('mark[data-hl]');
  const parts = new Map<number, string>();
  for (let i = 0; i < (await marks.count()); i += 1) {
    const k = Number((await marks.nth(i).getAttribute('data-fragment')) ?? 0);
    parts.set(
      k,
      (parts.get(k) ?? '') +
        (((await marks.nth(i).textContent()) ?? '') +
          ((await marks.nth(i).getAttribute('data-continued')) ?? '')),
    );
  }
  return {
    how,
    shownPage,
    text: [...parts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, t]) => t)
      .join(' … '),
  };
}

interface Correctness {
  readonly citations: number;
  readonly correct: number;
  readonly share: number | null;
  readonly misses: readonly {
    question: string;
    file: string;
    page: number | null;
    how: string;
    detail?: string;
  }[];
}

async function measureCorrectness(
  served: Served,
  questions: readonly Question[],
  page: Page,
): Promise<Correctness> {
  let citations = 0;
  let correct = 0;
  const misses: {
    question: string;
    file: string;
    page: number | null;
    how: string;
    detail?: string;
  }[] = [];
  for (const q of questions) {
    for (const c of await served.ask(q.question)) {
      citations += 1;
      await page.goto(local(served, c.viewerUrl!));
      await page.waitForSelector('body[data-highlight]', { timeout: 120_000 });
      const { how, text, shownPage } = await readBack(page);
      const isPageRight = c.page === null || shownPage.startsWith(`Strona ${c.page} `);
      const isTextRight = compactText(text).compact === compactText(c.quote).compact;
      if (isPageRight && isTextRight && how !== 'not-found') correct += 1;
      else {
        // Where the quote and the page part: the first fragment's longest prefix found in the page's text layer.
        const layer = compactText(
          (await page
            .locator('#text-layer')
            .textContent()
            .catch(() => '')) ?? '',
        ).compact;
        const parts = c.quote.split('…').map((f) => compactText(f).compact);
        const missing = parts.find((n) => !layer.includes(n)) ?? '';
        let k = missing.length;
        while (k > 0 && !layer.includes(missing.slice(0, k))) k -= 1;
        const at = layer.indexOf(missing.slice(0, k));
        misses.push({
          question: q.id,
          file: c.file,
          page: c.page,
          how,
          detail: `${missing.slice(Math.max(0, k - 25), k)} | quote: ${missing.slice(k, k + 30)} | page: ${at >= 0 ? layer.slice(at + k, at + k + 30) : '(none)'}`,
        });
      }
    }
  }
  return { citations, correct, share: citations ? correct / citations : null, misses };
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-viewer-'));
  const questions = fs
    .readFileSync(args.questions, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question)
    .filter((q) => (q.relevant ?? []).length > 0)
    .slice(0, Number(args.limit));
  const files = [...new Set(questions.flatMap((q) => q.relevant ?? []))].filter((f) =>
    fs.existsSync(path.join(args.corpus, f)),
  );
  const browser = await launchChromium();
  const page = await browser.newPage();
  try {
    // 1a. PDFs with a text layer.
    const pdfDir = path.join(root, 'pdf');
    fs.mkdirSync(pdfDir, { recursive: true });
    for (const f of files) {
      const text = fs.readFileSync(path.join(args.corpus, f), 'utf8');
      fs.writeFileSync(
        path.join(pdfDir, f.replace(/\.txt$/, '.pdf')),
        await makePdf({ pages: [paragraphsOf(text)], hyphenate: true }),
      );
    }
    const isScanOnly = args.only === 'scan';
    const isPaintOnly = args.only === 'paint';
    const pdfServed = await serve(pdfDir, path.join(root, 'data-pdf'));
    const pdf =
      isScanOnly || isPaintOnly
        ? { citations: 0, correct: 0, share: null, misses: [] }
        : await measureCorrectness(pdfServed, questions, page);
    console.error(`PDF: ${pdf.correct}/${pdf.citations} ${JSON.stringify(pdf.misses)}`);

    // 2. First paint of a 10-page PDF (the viewer's page for a quote on page 5).
    const longDir = path.join(root, 'long');
    fs.mkdirSync(longDir, { recursive: true });
    const texts = files.slice(0, 10).map((f) => fs.readFileSync(path.join(args.corpus, f), 'utf8'));
    const tenPages = await makePdf({
      // One paragraph of at most ~2000 characters per page, so each fits its page (no overflow pages).
      pages: Array.from({ length: 10 }, (_, i) => [
        texts[i % texts.length]!.replace(/\s+/g, ' ')
          .slice(0, 2000)
          .replace(/\s\S*$/, '.'),
      ]),
      hyphenate: true,
    });
    fs.writeFileSync(path.join(longDir, 'dziesiec-stron.pdf'), tenPages);
    await pdfServed.close();
    const longServed = await serve(longDir, path.join(root, 'data-long'));
    const [digest] = await longServed.index.listLetters();
    const letter = await longServed.index.getLetter(digest!.id);
    const passages = await longServed.index.getPassages(digest!.id);
    const onFive = passages.find((p) => p.page === 5) ?? passages[0]!;
    const link = longServed.links.signUrl({
      letterId: digest!.id,
      page: onFive.page,
      quote: onFive.text.split(/(?<=\.)\s/)[0]!.slice(0, 200),
      userId: 'slack:BENCH',
    });
    const fcp: number[] = [];
    const drawn: number[] = [];
    // The first open warms the browser's cache of pdf.js (as any second citation opened does).
    for (let i = 0; i < (isScanOnly ? 0 : 11); i += 1) {
      const fresh = await browser.newPage();
      await fresh.goto(local(longServed, link));
      await fresh.waitForSelector('body[data-highlight]');
      const t = await fresh.evaluate(`(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const mark = performance.getEntriesByName('viewer-page-drawn')[0];
        return { fcp: paint ? paint.startTime : -1, drawn: mark ? mark.startTime : -1 };
      })()`);
      const { fcp: f, drawn: d } = t as { fcp: number; drawn: number };
      if (i > 0) {
        fcp.push(f);
        drawn.push(d);
      }
      await fresh.close();
    }
    await longServed.close();
    console.error(`first paint: fcp ${JSON.stringify(fcp)} drawn ${JSON.stringify(drawn)}`);

    // 1b. Scans (image-only PDFs, OCR'd at ingest and again, cached, for the boxes).
    const scanQuestions = questions
      .filter(() => !isPaintOnly)
      .filter((q) => (q.relevant ?? []).every((f) => files.includes(f)))
      .slice(0, Number(args['scan-limit']));
    const scanFiles = [...new Set(scanQuestions.flatMap((q) => q.relevant ?? []))];
    const scanDir = path.join(root, 'scan');
    fs.mkdirSync(scanDir, { recursive: true });
    for (const f of scanFiles) {
      const text = fs.readFileSync(path.join(args.corpus, f), 'utf8').trim();
      // About one A4 page of text per scanned page, split at paragraphs.
      const pages: string[] = [];
      let current = '';
      let lines = 0;
      // Paragraphs (a long one by its sentences), about 40 lines of ~80 characters per page; the page holds ~50.
      const pieces = text
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
        .filter((p) => p !== '')
        .flatMap((p) => (p.length > 1400 ? p.split(/(?<=[.;:])\s+/) : [p]));
      for (const p of pieces) {
        const cost = Math.ceil(p.length / 80) + 0.6;
        if (current && lines + cost > 40) {
          pages.push(current);
          current = '';
          lines = 0;
        }
        current = current ? `${current}\n\n${p}` : p;
        lines += cost;
      }
      if (current) pages.push(current);
      fs.writeFileSync(
        path.join(scanDir, f.replace(/\.txt$/, '.pdf')),
        await makeScannedPdf({ pages }),
      );
    }
    const ocr = createOcrPool({ workers: 2 });
    const scanServed = await serve(scanDir, path.join(root, 'data-scan'), ocr);
    const scan = await measureCorrectness(scanServed, scanQuestions, page);
    await scanServed.close();
    await ocr.close();

    const result = {
      questions: questions.length,
      pdfLetters: files.length,
      pdf: { citations: pdf.citations, correct: pdf.correct, share: pdf.share },
      scanQuestions: scanQuestions.length,
      scanLetters: scanFiles.length,
      scan: { citations: scan.citations, correct: scan.correct, share: scan.share },
      firstPaint10Pages: {
        runs: fcp.length,
        fcpMedianMs: Math.round(quantile(fcp, 0.5)),
        fcpP95Ms: Math.round(quantile(fcp, 0.95)),
        pageDrawnMedianMs: Math.round(quantile(drawn, 0.5)),
        pageDrawnP95Ms: Math.round(quantile(drawn, 0.95)),
        pages: letter?.pages ?? null,
      },
      misses: [
        ...pdf.misses.map((m) => ({ ...m, corpus: 'pdf' })),
        ...scan.misses.map((m) => ({ ...m, corpus: 'scan' })),
      ],
    };
    if (!args.json) {
      console.log(
        `PDF: ${pdf.correct}/${pdf.citations} citations highlighted exactly (${files.length} letters)`,
      );
      console.log(
        `Scan: ${scan.correct}/${scan.citations} citations highlighted exactly (${scanFiles.length} letters)`,
      );
      console.log(
        `10-page PDF: first contentful paint median ${result.firstPaint10Pages.fcpMedianMs} ms (p95 ${result.firstPaint10Pages.fcpP95Ms}); cited page drawn median ${result.firstPaint10Pages.pageDrawnMedianMs} ms (p95 ${result.firstPaint10Pages.pageDrawnP95Ms})`,
      );
      for (const m of result.misses) console.log(`miss: ${JSON.stringify(m)}`);
    }
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
