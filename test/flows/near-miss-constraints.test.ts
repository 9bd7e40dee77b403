/**
 * The question's hard constraints, end to end through `kancelaria ask --json`
 * on real Sejm letters (test/fixtures/letters/constraints): a programme's
 * period is no data for each year in it, a road number is a constraint, the
 * cost asked for needs an amount, a name written out in the question is held
 * by the letter's acronym, a letter ranked below the first answers when it
 * alone meets the question's year, and chat-style names are not over-read.
 * Real processes, a fresh DATA_DIR.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/kancelaria.js');
const FIXTURES = path.join(ROOT, 'test/fixtures/letters/constraints');

let dataDir: string;
let archive: string;
const kancelaria = (args: string[]) =>
  run(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    timeout: 120_000,
  });

interface AskJson {
  answer: string;
  refused: boolean;
  missing?: string[];
  citations: { n: number; file: string; quote: string }[];
}
const ask = async (question: string): Promise<AskJson> =>
  JSON.parse((await kancelaria(['ask', '--json', question])).stdout) as AskJson;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-constraints-'));
  archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-constraints-archive-'));
  fs.cpSync(FIXTURES, path.join(archive, 'sejm'), { recursive: true });
  // Two more letters (the sport ministry's awards, crisis management in a gmina) for the ministry and
  // office-holder questions, apart so that the other flows keep their term rarities.
  fs.cpSync(path.join(FIXTURES, '../ministries'), path.join(archive, 'sejm'), { recursive: true });
  const { stdout } = await kancelaria(['ingest', archive]);
  expect(stdout).toMatch(/added 13, updated 0, deleted 0, unchanged 0, failed 0/);
}, 240_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(archive, { recursive: true, force: true });
});

describe('kancelaria ask --json: constraints the letters must meet', () => {
  it('refuses a year that only falls inside a programme period (FEnIKS 2021-2027) and answers the year the letter gives', async () => {
    const miss = await ask(
      'Jaka kwota była w planie MSPiR na wynagrodzenia pracowników w 2022 r.?',
    );
    expect(miss.refused).toBe(true);
    expect(miss.missing).toEqual(['2022']);
    expect(miss.answer).toMatch(/i18620-DX2JAC\.txt/);
    const hit = await ask('Jaka kwota była w planie MSPiR na wynagrodzenia pracowników w 2026 r.?');
    expect(hit.refused).toBe(false);
    expect(hit.answer).toContain('34 905 tys. zł');
  });

  it('refuses another road than the letter covers (S5 against S3 / S-3)', async () => {
    const miss = await ask(
      'ilu pijanych kierowcow zlapala policja na S5 w akcji kontroli trzezwosci',
    );
    expect(miss.refused).toBe(true);
    expect(miss.missing).toEqual(['S5']);
    const hit = await ask(
      'ilu pijanych kierowcow zlapala policja na S3 w akcji kontroli trzezwosci',
    );
    expect(hit.refused).toBe(false);
    expect(hit.citations[0]?.file).toBe('sejm/i18924-DX5HF8.txt');
  });

  it('takes a chat typo of a word the letter has for that word, not for an unknown name (drgoga)', async () => {
    const a = await ask(
      'ilu nietrzezwych kierowcow zlapala policja na S3 w akcji bezpieczna drgoga',
    );
    expect(a.refused).toBe(false);
    expect(a.missing).toBeUndefined();
    expect(a.citations[0]?.file).toBe('sejm/i18924-DX5HF8.txt');
  });

  it('refuses „ile kosztuje” when the letter gives no amount of money, naming the letter it has', async () => {
    const a = await ask('Ile kosztuje policję akcja kontroli trzeźwości BEZPIECZNA DROGA S-3?');
    expect(a.refused).toBe(true);
    expect(a.missing).toEqual(['kwota']);
    expect(a.answer).toMatch(/i18924-DX5HF8\.txt/);
  });

  it('answers when the question writes out a body the letter names by its acronym (Komisja Europejska = KE)', async () => {
    const a = await ask(
      'Ile wydatków z programu „Czyste Powietrze” zostało dotąd certyfikowanych we wnioskach zatwierdzonych przez Komisję Europejską?',
    );
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toBe('sejm/i18091-DVXJ87.txt');
  });

  it('answers from the letter ranked below the first when only it holds the asked year (and says so in the first citation)', async () => {
    // The school-vacancies letter ranks first (it cites GUS forecasts) but has no 2015; the letter on
    // Warmia's population has it.
    const a = await ask('o ile spadla liczba mieszkancow warm-maz od 2015 wg gus');
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toBe('sejm/i17287-DW2HLE.txt');
    expect(a.answer).toContain('2015');
  });
  it('joins a place in an unusual case form to the letter (janowowi lubelskiemu ~ Janowie Lubelskim), typed chat-style', async () => {
    const a = await ask(
      'ile nfz-et nie zaplacil janowowi lubelskiemu za nadwykonania limitowane za 2025',
    );
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toBe('sejm/i18603-DWTJ4C.txt');
  });

  it('takes a verb after „gminy” for a verb, not a place name (rada gminy dopłacić)', async () => {
    const a = await ask(
      'Który przepis pozwala radzie gminy dopłacić do systemu odbioru odpadów z dochodów własnych?',
    );
    expect(a.refused).toBe(false);
    expect(a.missing).toBeUndefined();
    expect(a.answer).toContain('art. 6r ust. 2da');
  });

  it('refuses a question about another ministry than the letter is by (ministerstwo kultury against the sport ministry), and answers its own', async () => {
    const miss = await ask('ile nagrod wyplacilo ministerstwo kultury pracownikom w 2024?');
    expect(miss.refused).toBe(true);
    expect(miss.missing).toEqual(['ministerstwo kultury']);
    expect(miss.answer).toMatch(/i16475-DVDH9Z\.txt/);
    const hit = await ask('ile nagrod wyplacilo ministerstwo sportu pracownikom w 2024?');
    expect(hit.refused).toBe(false);
    expect(hit.citations[0]?.file).toBe('sejm/i16475-DVDH9Z.txt');
  });

  it('reads „kto jest organem właściwym” as asking for a body, not an office holder', async () => {
    const a = await ask(
      'Kto jest organem właściwym w sprawach zarządzania kryzysowego na terenie gminy?',
    );
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toBe('sejm/i17768-DVYHXD.txt');
    expect(a.missing).toBeUndefined();
  });
});
