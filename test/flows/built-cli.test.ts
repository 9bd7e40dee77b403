/**
 * `npx kancelaria` runs the compiled build (dist/, made by `npm ci` through
 * `prepare`), while every other test runs the TypeScript sources. Code that
 * finds files next to itself (the extraction worker's entry, prompts, term
 * lists) can work from src/ and break in the build, so this test compiles a
 * build of its own and syncs and asks through it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD_TIMEOUT_MS = 240_000;

let outDir: string;
let dataDir: string;
let archive: string;

beforeAll(async () => {
  // Inside the package (under the git-ignored .tmp/), so the build finds package.json, prompts and samples as dist/ does.
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  outDir = fs.mkdtempSync(path.join(ROOT, '.tmp', 'build-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-built-'));
  archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-built-archive-'));
  fs.cpSync(path.join(ROOT, 'samples/letters/chorzow'), path.join(archive, 'chorzow'), {
    recursive: true,
  });
  await run(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      path.join(ROOT, 'tsconfig.build.json'),
      '--outDir',
      outDir,
    ],
    {
      cwd: ROOT,
    },
  );
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  for (const dir of [outDir, dataDir, archive])
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const kancelaria = (args: string[]) =>
  run(process.execPath, [path.join(outDir, 'src/cli/main.js'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, ARCHIVE_DIR: '', NODE_ENV: 'test' },
  });

describe('the compiled CLI', () => {
  test(
    'ingests through its extraction worker and answers with a citation',
    async () => {
      const ingest = await kancelaria(['ingest', archive]);
      expect(ingest.stdout).toMatch(/added [1-9]\d*, .*failed 0/);
      const ask = await kancelaria([
        'ask',
        '--json',
        'Z jakim miastem Chorzów nawiązał współpracę w prowincji Liaoning?',
      ]);
      const answer = JSON.parse(ask.stdout) as {
        refused: boolean;
        citations: { reference?: string }[];
      };
      expect(answer.refused).toBe(false);
      expect(JSON.stringify(answer.citations)).toContain('WEN.9823.2020.RFZ');
    },
    BUILD_TIMEOUT_MS,
  );
});
