/**
 * Operations as a careless admin runs them: real `kancelaria` processes,
 * real files and SQLite, where the exit code is the point.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/kancelaria.js');
const SAMPLES = path.join(ROOT, 'samples/letters');

let work: string;
let dataDir: string;
interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
const kancelaria = (args: string[], env: Record<string, string> = {}, uid?: number): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: work,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        OCR_ENABLED: 'false',
        ...env,
      },
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
const SLOW = 180_000;

const copySamples = (to: string) => fs.cpSync(SAMPLES, to, { recursive: true });

beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-ops-'));
  dataDir = path.join(work, 'data');
});
afterEach(() => {
  spawnSync('chmod', ['-R', 'u+rwx', work]);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('safe operations (CLI)', () => {
  test(
    'ingest with no folder and no ARCHIVE_DIR is a usage error (exit 2) and touches nothing',
    async () => {
      const run = await kancelaria(['ingest']);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        'no archive folder: give one (kancelaria ingest DIR) or set ARCHIVE_DIR',
      );
      expect(fs.existsSync(path.join(dataDir, 'index.sqlite'))).toBe(false);
    },
    SLOW,
  );

  test(
    'a second ingest while one runs names the holder and exits non-zero; --wait queues behind it; no letter lost',
    async () => {
      const archive = path.join(work, 'archiwum');
      copySamples(archive);
      const first = kancelaria(['ingest', archive]);
      // The first one holds the lock from its start until its summary.
      const lockFile = path.join(dataDir, 'ingest.lock');
      for (let i = 0; i < 600 && !fs.existsSync(lockFile); i++)
        await new Promise((r) => setTimeout(r, 50));
      const holder = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as { pid: number };
      const [refused, waited] = await Promise.all([
        kancelaria(['ingest', archive]),
        kancelaria(['ingest', '--wait', archive]),
      ]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`another ingest is running (pid ${holder.pid}`);
      const done = await first;
      expect(done.code).toBe(0);
      const added = Number(/added (\d+)/.exec(done.stdout)?.[1]);
      expect(added).toBeGreaterThan(15);
      expect(waited.code).toBe(0);
      expect(waited.stdout).toContain(`waiting for the ingest running as pid ${holder.pid}`);
      expect(waited.stdout).toContain(`unchanged ${added}, failed 0 — index: ${added} letters`);
    },
    SLOW,
  );

  test(
    'a sync that would empty the index stops without --allow-deletions; --dry-run shows the plan',
    async () => {
      const archive = path.join(work, 'archiwum');
      copySamples(archive);
      expect((await kancelaria(['ingest', archive])).code).toBe(0);
      const emptyFolder = path.join(work, 'pusty');
      fs.mkdirSync(emptyFolder);
      const guarded = await kancelaria(['ingest', emptyFolder]);
      expect(guarded.code).toBe(1);
      expect(guarded.stderr).toMatch(
        /would delete \d+ of \d+ indexed letters .*pass --allow-deletions if this is intended; nothing was changed/,
      );
      const plan = await kancelaria(['ingest', '--dry-run', emptyFolder]);
      expect(plan.code).toBe(0);
      expect(plan.stdout).toMatch(/would delete: .*\.(pdf|txt|docx|eml)/);
      expect(plan.stdout).toMatch(/dry run, nothing written: added 0, updated 0, deleted \d+/);
      const again = await kancelaria(['ingest', archive]);
      expect(again.stdout).toMatch(/added 0, updated 0, deleted 0, unchanged \d+, failed 0/);
    },
    SLOW,
  );

  test(
    'ask on an empty index says so and exits 1; a 0-byte or corrupt index.sqlite is named with the fix',
    async () => {
      const empty = await kancelaria(['ask', 'Jak wyglądała współpraca z Liaoning?']);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toContain(
        `the index (${path.join(dataDir, 'index.sqlite')}) is empty: run \`kancelaria ingest DIR\` first`,
      );
      fs.writeFileSync(path.join(dataDir, 'index.sqlite'), '');
      const zero = await kancelaria(['ask', 'Liaoning?']);
      expect(zero.code).toBe(1);
      expect(zero.stderr).toContain(
        `the index ${path.join(dataDir, 'index.sqlite')} is 0 bytes (truncated or damaged): move it aside (or delete it) and run \`kancelaria ingest --full\``,
      );
      fs.writeFileSync(path.join(dataDir, 'index.sqlite'), 'to nie jest baza danych'.repeat(500));
      const corrupt = await kancelaria(['ask', 'Liaoning?']);
      expect(corrupt.code).toBe(1);
      expect(corrupt.stderr).toMatch(
        /the index .*index\.sqlite is damaged \(file is not a database\)/,
      );
    },
    SLOW,
  );

  test(
    'the demo never touches DATA_DIR',
    async () => {
      const run = await kancelaria(['demo']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Yingkou');
      expect(fs.existsSync(dataDir)).toBe(false);
    },
    SLOW,
  );

  test(
    'an unreadable subfolder is reported and its letters kept; the rest syncs (run as an unprivileged user)',
    async () => {
      const archive = path.join(work, 'archiwum');
      fs.mkdirSync(path.join(archive, 'tajne'), { recursive: true });
      fs.writeFileSync(
        path.join(archive, 'jawne.txt'),
        'Pismo w sprawie remontu ulicy Wolności w Chorzowie.',
      );
      fs.writeFileSync(
        path.join(archive, 'tajne/pismo.txt'),
        'Pismo w sprawie budowy żłobka przy ulicy Katowickiej.',
      );
      fs.chmodSync(work, 0o777);
      fs.mkdirSync(dataDir, { mode: 0o777 });
      fs.chmodSync(dataDir, 0o777);
      const nobody = 65534;
      expect((await kancelaria(['ingest', archive], {}, nobody)).stdout).toContain('added 2');
      fs.writeFileSync(
        path.join(archive, 'nowe.txt'),
        'Pismo w sprawie oświetlenia parku Śląskiego.',
      );
      fs.chmodSync(path.join(archive, 'tajne'), 0o000);
      const run = await kancelaria(['ingest', archive], {}, nobody);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'failed: tajne: unreadable: folder cannot be read (EACCES); its letters are kept as indexed',
      );
      expect(run.stdout).toMatch(
        /added 1, updated 0, deleted 0, unchanged 1, failed 1 — index: 3 letters/,
      );
    },
    SLOW,
  );
});
