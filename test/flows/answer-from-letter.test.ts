/**
 * Two mechanisms on real letters: the asked fact is looked for in the whole answering letter, not only in the
 * passages retrieval returned (`answeringLetterPassages`): the date of the
 * „BEZPIECZNA DROGA S-3” check and the price of the Washington building sit
 * in passages that repeat fewer of the question's words than others do.
 * And a lower-case name that no letter holds and the Polish dictionary does
 * not know (`firmy sanofi`) is a missing constraint, as a capitalised one is.
 * Real letters from the shared corpus, a fresh DATA_DIR, `kancelaria ask --json`.
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/letters');

let dataDir: string;
let archive: string;
let config: Config;

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
  citations: { n: number; file: string; quote: string }[];
  passages: { file: string; text: string }[];
}
const ask = async (question: string): Promise<AskJson> => {
  const { out, text } = sink();
  await runAsk({ config, logger: silentLogger(), question, json: true, out });
  return JSON.parse(text()) as AskJson;
};

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-whole-letter-'));
  // Eleven letters of the near-miss fixtures (the S3 letter among them) and the Washington one: term
  // rarities as in an archive, not as in two letters.
  archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-whole-letter-archive-'));
  fs.cpSync(path.join(FIXTURES, 'constraints'), archive, { recursive: true });
  fs.cpSync(path.join(FIXTURES, 'whole-letter'), archive, { recursive: true });
  config = loadConfig({ DATA_DIR: dataDir });
  const { out, text } = sink();
  await runIngest({ config, logger: silentLogger(), dir: archive, out });
  expect(text()).toMatch(/added 14, updated 0, deleted 0, unchanged 0, failed 0/);
}, 60_000);
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(archive, { recursive: true, force: true });
});

describe('kancelaria ask --json: the asked fact from the whole answering letter', () => {
  it('answers „kiedy” with the date from a passage retrieval ranked below others', async () => {
    const a = await ask('czy kgp robila akcje kontroli trzezwosci na s3 w lubuskim i kiedy');
    expect(a.refused).toBe(false);
    expect(a.answer.split('\n')[0]).toContain('23 lutego 2026');
  });

  it('covers both parts of a compound question, the price from another passage', async () => {
    const a = await ask(
      'Za jaką cenę MSZ kupiło budynek na nową siedzibę ambasady w Waszyngtonie i kiedy sfinalizowano tę transakcję?',
    );
    expect(a.refused).toBe(false);
    expect(a.answer).toContain('20.103.093,- USD');
    expect(a.answer).toContain('24.12.2024');
  });

  it('shows every quoted passage, so each citation points at a passage in the answer', async () => {
    const a = await ask('czy kgp robila akcje kontroli trzezwosci na s3 w lubuskim i kiedy');
    const norm = (s: string) => s.replace(/\s+/g, ' ');
    for (const c of a.citations)
      for (const fragment of c.quote.split(' … '))
        expect(a.passages.some((p) => norm(p.text).includes(norm(fragment)))).toBe(true);
  });
});

describe('kancelaria ask --json: a lower-case name unknown to the archive and the dictionary', () => {
  it('refuses „firmy sanofi” against the letter on Pfizer drugs, naming it missing', async () => {
    const a = await ask('ktore leki firmy sanofi sa refundowane i ile nfz na nie wydal w 2025');
    expect(a.refused).toBe(true);
    expect(a.missing).toContain('sanofi');
  });

  it('holds a chat-typed acronym of a name the letter writes out (wihie)', async () => {
    const a = await ask('jaki wynik finansowy mial wihie w 2025');
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toMatch(/i16903-DW2HL9\.txt$/);
  });

  it('answers the same question about Pfizer, typo and all', async () => {
    const a = await ask('ktore leki firmy pfizer sa refundowne i ile nfz na nie wydal w 2025');
    expect(a.refused).toBe(false);
    expect(a.citations[0]?.file).toMatch(/i18695-DX3JFF\.txt$/);
  });
});
