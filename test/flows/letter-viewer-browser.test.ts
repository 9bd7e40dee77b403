/**
 * The letter viewer end to end in a real headless Chromium (Debian
 * `chromium`, driven by playwright-core): a real archive folder synced into
 * a real SQLite index, the real assistant with signed viewer links, the web
 * console and the viewer on one server on 127.0.0.1. The Liaoning question
 * is asked in the console, `[1]` is clicked, and the viewer must show the
 * Chorzów letter at the cited page with exactly the quote highlighted: from
 * the PDF's text layer, and on a scan from the OCR word boxes. Signed links
 * refuse tampering, expiry and an ungranted user with one sentence and
 * nothing of the letter. Screenshots go to `$TMPDIR/kancelaria-viewer-artifacts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { createOcrPool, type OcrPool } from '../../ingest/extract/ocr-pool.js';
import { syncArchive } from '../../ingest/sync-archive.js';
import type { Answer } from '../../src/answer/types.js';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { withViewerLinks } from '../../src/assistant/add-viewer-links.js';
import { createAssistant, collectAnswer } from '../../src/assistant/create-assistant.js';
import { createLetterReader } from '../../src/assistant/read-letter.js';
import { createLetterLinks, type LetterLinks } from '../../src/assistant/sign-letter-links.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { compactText } from '../../src/channels/viewer/locate-quote.js';
import { createLetterViewer } from '../../src/channels/viewer/create-letter-viewer.js';
import { createWebConsole } from '../../src/channels/web/create-web-console.js';
import { renderSourcesBlocks } from '../../src/channels/slack/render-answer.js';
import { buildAiMessageEntity } from '../../src/channels/teams/render-answer.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { VIEWER_TEXT } from '../../src/messages.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { chorzowScanPages } from '../fixtures/chorzow-scan.js';
import { makeScannedPdf } from '../fixtures/make-scanned-pdf.js';
import { channelDeps } from '../helpers/channel-deps.js';
import { launchChromium } from '../helpers/launch-chromium.js';

const TOKEN = 'staff-secret-0123456789';
const KEY = 'viewer-signing-key-0123456789abcdef0123';
const QUESTION = 'Jak wyglądała współpraca z prowincją Liaoning?';
const SAMPLE_PDF = fileURLToPath(
  new URL(
    '../../samples/letters/chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf',
    import.meta.url,
  ),
);
const ARTIFACTS = path.join(os.tmpdir(), 'kancelaria-viewer-artifacts');

interface Harness {
  readonly url: string;
  readonly links: LetterLinks;
  readonly index: SqliteIndex;
  ask(user?: string): Promise<Answer>;
  close(): Promise<void>;
}

/** A folder with `files`, synced, served with the console and the viewer. */
async function startViewer(
  files: Record<string, Buffer | string>,
  { ocr }: { ocr?: OcrPool } = {},
): Promise<Harness> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'viewer-'));
  const archiveDir = path.join(root, 'archive');
  for (const [name, bytes] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(archiveDir, name)), { recursive: true });
    fs.writeFileSync(path.join(archiveDir, name), bytes);
  }
  const logger = silentLogger();
  const index = new SqliteIndex({ path: ':memory:' });
  const summary = await syncArchive({
    index,
    archiveDir,
    maxBytes: 50e6,
    maxPages: 50,
    logger,
    ...(ocr ? { ocr } : {}),
  });
  expect(summary.failures).toEqual([]);
  const config = loadConfig({
    WEB_CONSOLE_TOKEN: TOKEN,
    PUBLIC_BASE_URL: 'https://kancelaria.example.pl',
    LINK_SIGNING_KEY: KEY,
    ARCHIVE_DIR: archiveDir,
    DATA_DIR: path.join(root, 'data'),
    ACCESS_GROUPS: 'web:anna=zarzad',
  });
  const links = createLetterLinks({ key: KEY, baseUrl: config.PUBLIC_BASE_URL!, ttlSeconds: 600 });
  const assistant = withViewerLinks(createAssistant({ index, logger }), links);
  const store = new StateStore({ path: ':memory:' });
  const letters = createLetterReader({ index: async () => index, archiveDir });
  const deps = channelDeps({ config, assistant, logger, store, letters });
  const web = createWebConsole(deps);
  const viewer = createLetterViewer(deps, ocr ? { ocr } : {});
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: [...web.routes, ...viewer.routes],
    logger,
    health: async () => ({}),
  });
  return {
    url: server.url,
    links,
    index,
    ask: (user = 'web:anna') =>
      collectAnswer(assistant, { question: QUESTION, audience: 'asker', user: { id: user } }),
    async close() {
      await server.close();
      store.close();
      await index.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The path and query of an absolute viewer link, on the test server. */
function onServer(harness: Harness, link: string): string {
  const u = new URL(link);
  return `${harness.url}${u.pathname}${u.search}`;
}

/** The highlighted characters, read back from the page's marks, fragment by fragment in the quote's order. */
async function readHighlight(page: Page): Promise<string> {
  const marks = page.locator('mark[data-hl]');
  const byFragment = new Map<number, string>();
  for (let i = 0; i < (await marks.count()); i += 1) {
    const k = Number((await marks.nth(i).getAttribute('data-fragment')) ?? 0);
    byFragment.set(
      k,
      (byFragment.get(k) ?? '') +
        (((await marks.nth(i).textContent()) ?? '') +
          ((await marks.nth(i).getAttribute('data-continued')) ?? '')),
    );
  }
  return [...byFragment.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)
    .join(' … ');
}

async function login(page: Page, harness: Harness): Promise<void> {
  await page.goto(harness.url);
  await page.fill('#token', TOKEN);
  await Promise.all([page.waitForURL(`${harness.url}/`), page.click('button[type=submit]')]);
}

/** Asks in the console as `staff`, clicks [1], returns the viewer tab once its highlight is decided. */
async function askAndOpen(page: Page, staff: string): Promise<Page> {
  await page.fill('#staff', staff);
  await page.dispatchEvent('#staff', 'change');
  await page.fill('#question', QUESTION);
  await page.click('#ask-form button[type=submit]');
  const cite = page.locator('#conversation li.turn').last().locator('a.cite').first();
  await cite.waitFor({ timeout: 20_000 });
  expect(await cite.getAttribute('href')).toMatch(/^\/letters\/[^?]+\?page=\d+&q=/);
  await page.screenshot({ path: path.join(ARTIFACTS, `console-${staff}.png`), fullPage: true });
  // The turn stays with its feedback buttons; a thumb goes into the shared store.
  await page.locator('#conversation li.turn').last().locator('button[data-rating=up]').click();
  await page.waitForSelector('#conversation button[data-rating=up][aria-pressed=true]');
  expect(await page.inputValue('#draft-request')).toBe(QUESTION);
  const [viewer] = await Promise.all([page.context().waitForEvent('page'), cite.click()]);
  await viewer.waitForSelector('body[data-highlight]', { timeout: 30_000 });
  return viewer;
}

let browser: Browser;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('letter viewer in a browser (PDF with a text layer)', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startViewer({
      'chorzow/liaoning.pdf': fs.readFileSync(SAMPLE_PDF),
      'zarzad/notatka.txt':
        'Notatka służbowa\n\nPoufna notatka: delegacja do prowincji Liaoning kosztowała 80 tysięcy złotych.\n',
      'zarzad/notatka.txt.meta.json': JSON.stringify({ accessGroup: 'zarzad' }),
    });
  });
  afterAll(() => harness.close());

  test('[1] in the console opens the Chorzów letter at the cited page with the quote highlighted', async () => {
    const answer = await harness.ask();
    const first = answer.citations[0]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, harness);
    const viewer = await askAndOpen(page, 'anna');
    await viewer.screenshot({ path: path.join(ARTIFACTS, 'viewer-pdf.png'), fullPage: true });
    expect(await viewer.locator('body').getAttribute('data-highlight')).toBe('text-layer');
    expect(await viewer.textContent('h1')).toContain('WEN.9823.2020.RFZ');
    expect(await viewer.textContent('#page-label')).toBe(
      VIEWER_TEXT.pageOf(first.page!, 2).replace(/z \d+$/, 'z 2'),
    );
    const marked = await readHighlight(viewer);
    expect(compactText(marked).compact).toBe(compactText(first.quote).compact);
    await context.close();
  }, 60_000);

  test('/favicon.ico is an icon, not a 404', async () => {
    const res = await fetch(`${harness.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/x-icon');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
  });

  test('a tampered page, an expired link and an ungranted user are refused with one sentence', async () => {
    const answer = await harness.ask();
    const link = answer.citations[0]!.viewerUrl!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, harness);
    const tampered = new URL(link);
    tampered.searchParams.set('page', '2');
    const longer = new URL(link);
    longer.searchParams.set('exp', String(Number(longer.searchParams.get('exp')) + 3600));
    for (const url of [tampered.toString(), longer.toString()]) {
      const res = await page.goto(onServer(harness, url));
      expect(res?.status()).toBe(403);
      expect(await page.textContent('#refusal')).toBe(VIEWER_TEXT.refused.tampered);
      expect(await page.content()).not.toContain('WEN.9823');
    }
    const expiredLinks = createLetterLinks({
      key: KEY,
      baseUrl: 'https://kancelaria.example.pl',
      ttlSeconds: 60,
      now: () => new Date(Date.now() - 3_600_000),
    });
    const first = answer.citations[0]!;
    const expired = expiredLinks.signUrl({ ...first, userId: 'web:anna' });
    const res = await page.goto(onServer(harness, expired));
    expect(res?.status()).toBe(410);
    expect(await page.textContent('#refusal')).toBe(VIEWER_TEXT.refused.expired);

    // The restricted note, linked for someone ACCESS_GROUPS does not grant: refused, nothing of it shown.
    const [secret] = (await harness.index.listLetters()).filter((l) =>
      l.file.startsWith('zarzad/'),
    );
    const forJan = harness.links.signUrl({
      letterId: secret!.id,
      page: null,
      quote: 'delegacja do prowincji Liaoning kosztowała 80 tysięcy złotych',
      userId: 'web:jan',
    });
    const denied = await page.goto(onServer(harness, forJan));
    expect(denied?.status()).toBe(403);
    expect(await page.textContent('#refusal')).toBe(VIEWER_TEXT.refused.restricted);
    expect(await page.content()).not.toContain('80 tysięcy');
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-refused.png') });
    // The same letter for anna (granted): opened, the sentence marked in the text.
    const forAnna = harness.links.signUrl({
      letterId: secret!.id,
      page: null,
      quote: 'delegacja do prowincji Liaoning kosztowała 80 tysięcy złotych',
      userId: 'web:anna',
    });
    await page.goto(onServer(harness, forAnna));
    expect(await page.textContent('mark[data-hl]')).toBe(
      'delegacja do prowincji Liaoning kosztowała 80 tysięcy złotych',
    );
    // A console user's link outside the console (no session): refused as another user's.
    const stranger = await browser.newContext();
    const outside = await stranger.newPage();
    const other = await outside.goto(onServer(harness, link));
    expect(other?.status()).toBe(403);
    expect(await outside.textContent('#refusal')).toBe(VIEWER_TEXT.refused.otherUser);
    await stranger.close();
    await context.close();
  }, 60_000);

  test('a Slack source link and a Teams citation url open the same viewer', async () => {
    const answer = await harness.ask('slack:U123');
    const slackText = JSON.stringify(renderSourcesBlocks(answer));
    const slackUrl = /<(https:\/\/kancelaria\.example\.pl\/letters\/[^|>]+)\|/.exec(
      JSON.parse(slackText)[0].text.text as string,
    )?.[1];
    const teams = buildAiMessageEntity(answer.citations) as unknown as {
      citation: { appearance: { url?: string } }[];
    };
    const teamsUrl = teams.citation[0]!.appearance.url;
    expect(slackUrl).toBe(answer.citations[0]!.viewerUrl);
    expect(teamsUrl).toBe(answer.citations[0]!.viewerUrl);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(onServer(harness, slackUrl!));
    await page.waitForSelector('body[data-highlight]');
    expect(await page.locator('body').getAttribute('data-highlight')).toBe('text-layer');
    const marked = await readHighlight(page);
    expect(compactText(marked).compact).toBe(compactText(answer.citations[0]!.quote).compact);
    await page.screenshot({ path: path.join(ARTIFACTS, 'viewer-from-slack.png'), fullPage: true });
    await context.close();
  }, 60_000);
});

describe('letter viewer in a browser (scanned PDF)', () => {
  let harness: Harness;
  let ocr: OcrPool;
  beforeAll(async () => {
    ocr = createOcrPool({ workers: 1 });
    harness = await startViewer(
      {
        // Page 1 only: every sentence the Liaoning answer cites is there, and OCR at ingest costs half.
        'chorzow/liaoning-skan.pdf': await makeScannedPdf({ pages: [chorzowScanPages()[0]] }),
      },
      { ocr },
    );
  }, 120_000);
  afterAll(async () => {
    await harness.close();
    await ocr.close();
  });

  test('[1] opens the scan at the cited page with OCR boxes over exactly the quote', async () => {
    const answer = await harness.ask();
    const first = answer.citations[0]!;
    expect(first.ocr).toBe(true);
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, harness);
    const viewer = await askAndOpen(page, 'anna');
    await viewer.screenshot({ path: path.join(ARTIFACTS, 'viewer-scan.png'), fullPage: true });
    expect(await viewer.locator('body').getAttribute('data-highlight')).toBe('ocr');
    expect(await viewer.locator('#boxes div').count()).toBeGreaterThan(0);
    const read = await viewer.locator('#boxes').getAttribute('data-text');
    expect(compactText(read ?? '').compact).toBe(compactText(first.quote).compact);
    expect(await viewer.textContent('#page-label')).toContain(`Strona ${first.page}`);
    await context.close();
  }, 90_000);
});
