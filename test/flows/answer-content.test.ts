/**
 * What the bot says, end to end through `kancelaria ask --json`: answer types
 * and compound questions answered part by part, no letterhead or signature
 * quoted, near misses refused with what is missing, and the Chorzów letter
 * held twice (its text-layer PDF and an OCR'd scan) cited as one source.
 * Real processes, real PDFs, real OCR, a fresh DATA_DIR.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chorzowScanPages } from '../fixtures/chorzow-scan.js';
import { makeScannedPdf } from '../fixtures/make-scanned-pdf.js';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run-sources.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/letters');

let dataDir: string;
let archive: string;
const kancelaria = (args: string[]) =>
  run(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'warn', OCR_WORKERS: '1' },
    timeout: 120_000,
  });

interface AskJson {
  answer: string;
  refused: boolean;
  missing?: string[];
  citations: { n: number; file: string; quote: string; author: string | null }[];
}
const ask = async (question: string): Promise<AskJson> => JSON.parse((await kancelaria(['ask', '--json', question])).stdout) as AskJson;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-answers-'));
  archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-answers-archive-'));
  fs.cpSync(path.join(FIXTURES, 'answers'), path.join(archive, 'sejm'), { recursive: true });
  fs.mkdirSync(path.join(archive, 'chorzow'));
  fs.copyFileSync(path.join(ROOT, 'samples/letters/chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'), path.join(archive, 'chorzow/liaoning.pdf'));
  fs.writeFileSync(path.join(archive, 'chorzow/liaoning-skan.pdf'), await makeScannedPdf({ pages: chorzowScanPages() }));
  const { stdout } = await kancelaria(['ingest', archive]);
  expect(stdout).toMatch(/added 9, updated 0, deleted 0, unchanged 0, failed 0/);
}, 240_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(archive, { recursive: true, force: true });
});

/** Letterheads, contact lines, greetings, signature blocks: never in an answer. */
const BOILERPLATE = /\+48|@\w|Szanown|Z wyrazami szacunku|Z poważaniem|\$ezd|podpisan[oy] elektronicznie|Do wiadomości|\bdnia,? \d+ marca 2020/u;

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
    const { stdout } = await kancelaria(['ask', 'Jak wyglądała współpraca Chorzowa z prowincją Liaoning?']);
    expect(stdout).toMatch(/także: chorzow\/liaoning(-skan)?\.pdf/);
    const quotes = a.citations.flatMap((c) => c.quote.split(' … '));
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it('answers both parts of a compound question', async () => {
    const a = await ask('Ile kluczowych projektów obejmuje program SAFE i jaka część pożyczek ma trafić do polskiego przemysłu obronnego?');
    expect(a.answer).toContain('129');
    expect(a.answer).toContain('89%');
    const b = await ask('Ile umów w trybie pilnej potrzeby operacyjnej podpisała Agencja Uzbrojenia i jaki to odsetek wszystkich kontraktów?');
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
