/**
 * The console's admin page in a real headless Chromium (Debian `chromium` via
 * playwright-core, as the viewer's browser test launches it), over the real
 * app: log in with the admin secret, upload a file whose bytes are not what
 * its name says (refused, the reason shown), re-index and watch the progress
 * reach done; and the console's recent conversations (kept in the browser
 * per staff name) reopen turn by turn. Screenshots go to
 * `$TMPDIR/kancelaria-admin-artifacts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ADMIN_TEXT, WEB_TEXT } from '../../src/messages.js';
import {
  ADMIN_TOKEN,
  BROKEN_PDF,
  STAFF_TOKEN,
  startAdminConsole,
  type AdminHarness,
} from '../helpers/admin-harness.js';
import { launchChromium } from '../helpers/launch-chromium.js';

const ARTIFACTS = path.join(os.tmpdir(), 'kancelaria-admin-artifacts');

let browser: Browser;
let harness: AdminHarness;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  [browser, harness] = await Promise.all([launchChromium(), startAdminConsole()]);
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

test('recent conversations of this staff name are listed and reopen turn by turn', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(harness.url);
  await page.fill('#token', STAFF_TOKEN);
  await Promise.all([page.waitForURL(`${harness.url}/`), page.click('button[type=submit]')]);
  expect(await page.locator('#recent').isHidden()).toBe(true);
  await page.fill('#staff', 'anna.nowak');
  await page.dispatchEvent('#staff', 'change');

  const ask = async (question: string, turnsAfter: number) => {
    await page.fill('#question', question);
    await page.click('#ask-form button[type=submit]');
    await page
      .locator('#conversation li.turn')
      .nth(turnsAfter - 1)
      .waitFor({ timeout: 20_000 });
  };
  await ask('Jak wygląda współpraca z prowincją Liaoning?', 1);
  await ask('Kto podpisał list intencyjny?', 2);
  const shown = await page.locator('#conversation li.turn .answer').allTextContents();
  expect(shown[0]).toMatch(/Liaoning|list intencyjny/);
  await page.click('#new-conversation');
  await ask('Kiedy zakończy się remont ulicy Wolności?', 1);

  // After a reload the list survives, latest first; another staff name on this browser sees none of it.
  await page.reload();
  const recent = page.locator('#recent-list button');
  expect(await recent.allTextContents()).toEqual([
    'Kiedy zakończy się remont ulicy Wolności?',
    'Jak wygląda współpraca z prowincją Liaoning?',
  ]);
  await recent.nth(1).click();
  const questions = await page.locator('#conversation .turn-question').allTextContents();
  expect(questions).toEqual([
    `${WEB_TEXT.questionPrefix} Jak wygląda współpraca z prowincją Liaoning?`,
    `${WEB_TEXT.questionPrefix} Kto podpisał list intencyjny?`,
  ]);
  // The answers come back as they were shown (text with its [n] marks), not asked again.
  expect(await page.locator('#conversation li.turn .answer').allTextContents()).toEqual(shown);
  await page.screenshot({ path: path.join(ARTIFACTS, 'console-recent.png'), fullPage: true });

  await page.fill('#staff', 'jan.kowalski');
  await page.dispatchEvent('#staff', 'change');
  expect(await page.locator('#recent').isHidden()).toBe(true);
  await context.close();
});
