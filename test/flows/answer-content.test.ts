/**
 * What the bot says, end to end through `kancelaria ask --json`: answer types
 * and compound questions answered part by part, no letterhead or signature
 * quoted, near misses refused with what is missing, and the Chorzów letter
 * held twice (its text-layer PDF and an OCR'd scan) cited as one source.
 * Real PDFs, real OCR, a fresh DATA_DIR; the commands' own code called
 * in-process (`runIngest`, `runAsk`), since this file is about what is said,
 * not the process boundary (test/flows/cli.test.ts runs the processes).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runAsk } from '../../src/cli/commands/ask.js';
import { runIngest } from '../../src/cli/commands/ingest.js';
import { loadConfig, type Config } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { chorzowScanPages } from '../fixtures/chorzow-scan.js';
import { makeScannedPdf } from '../fixtures/make-scanned-pdf.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/letters');

let dataDir: string;
let archive: string;
let config: Config;

/** What a command printed to stdout. */
function sink(): { out: PassThrough; text: () => string } {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
}

interface AskJson {
  answer: string;
  refused: boolean;
  missing?: string[];
  citations: { n: number; file: string; quote: string; author: string | null }[];
}
const ask = async (question: string): Promise<AskJson> => {
  const { out, text } = sink();
  await runAsk({ config, logger: silentLogger(), question, json: true, out });
  return JSON.parse(text()) as AskJson;
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-answers-'));
  archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-answers-archive-'));
  fs.cpSync(path.join(FIXTURES, 'answers'), path.join(archive, 'sejm'), { recursive: true });
  fs.mkdirSync(path.join(archive, 'chorzow'));
  fs.copyFileSync(
    path.join(ROOT, 'samples/letters/chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'),
    path.join(archive, 'chorzow/liaoning.pdf'),
  );
  fs.writeFileSync(
    path.join(archive, 'chorzow/liaoning-skan.pdf'),
    await makeScannedPdf({ pages: chorzowScanPages() }),
  );
  config = loadConfig({ DATA_DIR: dataDir, OCR_WORKERS: '1' });
  const { out, text } = sink();
  await runIngest({ config, logger: silentLogger(), dir: archive, out });
  expect(text()).toMatch(/added 10, updated 0, deleted 0, unchanged 0, failed 0/);
}, 240_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(archive, { recursive: true, force: true });
});

/** Letterheads, contact lines, greetings, signature blocks: never in an answer. */
const BOILERPLATE =
  /\+48|@\w|Szanown|Z wyrazami szacunku|Z poważaniem|\$ezd|podpisan[oy] elektronicznie|Do wiadomości|\bdnia,? \d+ marca 2020|Marszałek Sejmu RP|Dotyczy:/u;

describe('kancelaria ask --json: what the answer says', () => {
  it('answers „kiedy” with the date, first, from the scanned letter too', async () => {
    const a = await ask('Kiedy goście z Yingkou odwiedzili Chorzów?');
    expect(a.refused).toBe(false);
    expect(a.answer.split('\n')[0]).toContain('2-3 lipca 2013');
    expect(a.answer).not.toMatch(BOILERPLATE);
  });

  it('cites the Chorzów letter once although the archive holds it twice (PDF and scan)', async () => {
    const a = await ask('Jak wyglądała współpraca Chorzowa z prowincją Liaoning?');
    const chorzow = new Set(a.citations.map((c) => c.file).filter((f) => f.startsWith('chorzow/')));
    expect(chorzow.size).toBe(1);
    const printed = sink();
    await runAsk({
      config,
      logger: silentLogger(),
      question: 'Jak wyglądała współpraca Chorzowa z prowincją Liaoning?',
      out: printed.out,
    });
    expect(printed.text()).toMatch(/także: chorzow\/liaoning(-skan)?\.pdf/);
    const quotes = a.citations.flatMap((c) => c.quote.split(' … '));
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it('answers both parts of a compound question', async () => {
    const a = await ask(
      'Ile kluczowych projektów obejmuje program SAFE i jaka część pożyczek ma trafić do polskiego przemysłu obronnego?',
    );
    expect(a.answer).toContain('129');
    expect(a.answer).toContain('89%');
    const b = await ask(
      'Ile umów w trybie pilnej potrzeby operacyjnej podpisała Agencja Uzbrojenia i jaki to odsetek wszystkich kontraktów?',
    );
    expect(b.answer).toContain('8 umów');
    expect(b.answer).toContain('3%');
  });

  it('names the signatory for „kto podpisał”', async () => {
    const a = await ask('Kto podpisał odpowiedź radnemu Krzakowi w sprawie współpracy z Liaoning?');
    expect(a.answer.split('\n')[0]).toContain('Marcin Michalik');
  });

  it('quotes no letterhead, greeting or signature on questions about letters full of them', async () => {
    for (const q of [
      'Co ministerstwo cyfryzacji wydało na reklamy w mediach?',
      'Jak rząd wspiera polskie hutnictwo?',
      'Jaki jest poziom zaszczepienia przeciw HPV?',
      // i17831-DVUHHS: a two-column letterhead, the addressee block and a „Dotyczy:” line before the text.
      'Co ministerstwo rolnictwa zrobiło ze skargą Stowarzyszenia Goniec Miastecki?',
    ]) {
      const a = await ask(q);
      expect([q, a.refused]).toEqual([q, false]);
      expect([q, BOILERPLATE.exec(a.answer)?.[0] ?? null]).toEqual([q, null]);
    }
  });

  it('refuses a near miss (a year the letter does not cover) and says what is missing', async () => {
    const a = await ask('Ile kluczowych projektów obejmował program SAFE w 2023 roku?');
    expect(a.refused).toBe(true);
    expect(a.missing).toEqual(['2023']);
    expect(a.answer).toContain('2023');
    expect(a.answer).toMatch(/i17350-DW2HLG\.txt/);
  });
});
