/**
 * The admin page in a real headless Chromium (Debian `chromium` via
 * playwright-core, as the viewer's browser test launches it), over the real
 * app: log in with the admin secret, upload a file whose bytes are not what
 * its name says (refused, the reason shown), re-index and watch the progress
 * reach done. Screenshots go to `$TMPDIR/kancelaria-admin-artifacts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ADMIN_TEXT } from '../../src/messages.js';
import {
  ADMIN_TOKEN,
  BROKEN_PDF,
  startAdminConsole,
  type AdminHarness,
} from '../helpers/admin-harness.js';

const ARTIFACTS = path.join(os.tmpdir(), 'kancelaria-admin-artifacts');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

let browser: Browser;
let harness: AdminHarness;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  [browser, harness] = await Promise.all([
    chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS }),
    startAdminConsole(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

test('an admin logs in, a fake PDF is refused with its reason, and a re-index shows progress to done', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${harness.url}/admin`);
  await page.fill('#token', ADMIN_TOKEN);
  await Promise.all([page.waitForURL(`${harness.url}/admin`), page.click('button[type=submit]')]);
  // The last sync's failure is on the page with the file's name.
  expect(await page.locator('#failures').textContent()).toContain(BROKEN_PDF);

  await page.setInputFiles('#upload-file', {
    name: 'faktura.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('MZ\x90\x00 to jest program, nie PDF'),
  });
  await page.click('#upload-form button[type=submit]');
  const uploadStatus = page.locator('#upload-status.error');
  await uploadStatus.waitFor();
  expect(await uploadStatus.textContent()).toBe(ADMIN_TEXT.uploadRefused.bad_content);
  expect(fs.existsSync(path.join(harness.archiveDir, 'faktura.pdf'))).toBe(false);

  await page.click('#reindex');
  await page
    .locator('#reindex-status', { hasText: ADMIN_TEXT.reindexDone })
    .waitFor({ timeout: 20_000 });
  expect(await page.locator('#reindex-status').textContent()).toMatch(
    /^Postęp: (\d+) z \1 plików — /,
  );
  expect(await page.locator('#reindex-summary').textContent()).toContain(BROKEN_PDF);
  await page.screenshot({ path: path.join(ARTIFACTS, 'admin-page.png'), fullPage: true });
  await context.close();
});
