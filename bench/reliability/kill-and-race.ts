/**
 * Crash and concurrency safety of `kancelaria ingest`: SIGKILL at random
 * points of a first ingest, an incremental one and a `--full` one, then a
 * clean run; and pairs of ingests started together. After each, the index
 * is checked against a reference index of the same archive: same letters,
 * same content hashes, every letter with passages, no orphan passages. Any
 * run that exited 0 must have left a complete index.
 *
 *   npx tsx bench/reliability/kill-and-race.ts [--kills 20] [--pairs 5] [--seed 1]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: number) =>
  process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback;
const kills = arg('--kills', 20);
const pairs = arg('--pairs', 5);
let seed = arg('--seed', 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-kill-'));
const archive = path.join(work, 'archiwum');
fs.cpSync(path.join(ROOT, 'samples/letters'), archive, { recursive: true });

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}
function ingest(dataDir: string, extra: string[] = [], killAfterMs?: number): Promise<Run> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin/kancelaria.js'), 'ingest', archive, '--allow-deletions', ...extra],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: work,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        OCR_WORKERS: '1',
      },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  if (killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) =>
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started }),
    ),
  );
}

type Snapshot = Map<string, string>; // file → content hash
function snapshot(dataDir: string): { letters: Snapshot; problems: string[] } {
  const db = new Database(path.join(dataDir, 'index.sqlite'), { readonly: true });
  try {
    const letters = new Map(
      (
        db.prepare('SELECT file, content_hash AS h FROM letters').all() as {
          file: string;
          h: string;
        }[]
      ).map((r) => [r.file, r.h]),
    );
    const problems: string[] = [];
    const empty = db
      .prepare(
        'SELECT count(*) AS n FROM letters l WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.letter_id = l.id)',
      )
      .get() as { n: number };
    if (empty.n > 0) problems.push(`${empty.n} letters without passages`);
    const orphans = db
      .prepare(
        'SELECT count(*) AS n FROM passages p WHERE NOT EXISTS (SELECT 1 FROM letters l WHERE l.id = p.letter_id)',
      )
      .get() as { n: number };
    if (orphans.n > 0) problems.push(`${orphans.n} orphan passages`);
    return { letters, problems };
  } finally {
    db.close();
  }
}
function compare(actual: Snapshot, expected: Snapshot): string[] {
  const out: string[] = [];
  for (const [file, hash] of expected)
    if (actual.get(file) !== hash) out.push(actual.has(file) ? `stale ${file}` : `missing ${file}`);
  for (const file of actual.keys()) if (!expected.has(file)) out.push(`extra ${file}`);
  return out;
}

/** The incremental scenario's edit: one letter changed, one removed, one added (undone by `restore`). */
const firstTxt = fs.readdirSync(path.join(archive, 'sejm')).find((f) => f.endsWith('.txt'))!;
const secondTxt = fs.readdirSync(path.join(archive, 'sejm')).filter((f) => f.endsWith('.txt'))[1]!;
const original = {
  a: fs.readFileSync(path.join(archive, 'sejm', firstTxt)),
  b: fs.readFileSync(path.join(archive, 'sejm', secondTxt)),
};
function edit(round: number): void {
  fs.writeFileSync(
    path.join(archive, 'sejm', firstTxt),
    Buffer.concat([original.a, Buffer.from(`\n\nDopisek ${round}.`)]),
  );
  fs.rmSync(path.join(archive, 'sejm', secondTxt), { force: true });
  fs.writeFileSync(
    path.join(archive, `nowe-${round}.txt`),
    `Chorzów, 1 marca 2024 r.\n\nPismo nr ${round} w sprawie remontu ulicy Wolności.`,
  );
}
function restore(round: number): void {
  fs.writeFileSync(path.join(archive, 'sejm', firstTxt), original.a);
  fs.writeFileSync(path.join(archive, 'sejm', secondTxt), original.b);
  fs.rmSync(path.join(archive, `nowe-${round}.txt`), { force: true });
}

async function reference(): Promise<{ snap: Snapshot; ms: number }> {
  const dir = fs.mkdtempSync(path.join(work, 'ref-'));
  const run = await ingest(dir);
  if (run.code !== 0) throw new Error(`reference ingest failed: ${run.stderr}`);
  const snap = snapshot(dir).letters;
  fs.rmSync(dir, { recursive: true, force: true });
  return { snap, ms: run.ms };
}

const results = {
  kills: 0,
  killedMidway: 0,
  finishedBeforeKill: 0,
  inconsistencies: 0,
  exit0Lost: 0,
  pairs: 0,
  pairRefused: 0,
  pairWaitedOrSerial: 0,
};
const notes: string[] = [];
const base = await reference();
const scenarios = ['first', 'incremental', 'full'] as const;
for (let k = 0; k < kills; k++) {
  const scenario = scenarios[k % scenarios.length]!;
  const dataDir = fs.mkdtempSync(path.join(work, `kill-${k}-`));
  let expected = base.snap;
  if (scenario !== 'first') {
    await ingest(dataDir);
    if (scenario === 'incremental') {
      edit(k);
      expected = (await reference()).snap;
    }
  }
  const killAt = Math.round(300 + random() * base.ms);
  const killed = await ingest(dataDir, scenario === 'full' ? ['--full'] : [], killAt);
  results.kills += 1;
  if (killed.signal === 'SIGKILL') results.killedMidway += 1;
  else results.finishedBeforeKill += 1;
  if (killed.code === 0) {
    const lost = compare(snapshot(dataDir).letters, expected);
    if (lost.length > 0) {
      results.exit0Lost += 1;
      notes.push(`kill ${k + 1} (${scenario}) exited 0 with ${lost.join(', ')}`);
    }
  }
  // Whatever the killed run left must be a consistent index (letters whole, nothing orphaned).
  if (fs.existsSync(path.join(dataDir, 'index.sqlite'))) {
    const mid = snapshot(dataDir);
    if (mid.problems.length > 0) {
      results.inconsistencies += 1;
      notes.push(`kill ${k + 1} (${scenario}) at ${killAt} ms left ${mid.problems.join(', ')}`);
    }
  }
  const clean = await ingest(dataDir);
  const after = snapshot(dataDir);
  const diff = [...compare(after.letters, expected), ...after.problems];
  if (clean.code !== 0 || diff.length > 0) {
    results.inconsistencies += 1;
    notes.push(
      `kill ${k + 1} (${scenario}) at ${killAt} ms: clean run exit ${clean.code}, ${diff.join(', ') || clean.stderr.trim()}`,
    );
  }
  // Numbered like the progress lines (1-based): notes once counted from 0, which paired them with the wrong rounds.
  if (clean.stdout.includes('took over the stale lock'))
    notes.push(`kill ${k + 1} (${killed.signal ?? `exit ${killed.code}`}): stale lock taken over`);
  if (scenario === 'incremental') restore(k);
  fs.rmSync(dataDir, { recursive: true, force: true });
  console.log(
    `kill ${k + 1}/${kills} ${scenario} at ${killAt} ms: ${killed.signal ?? `exit ${killed.code}`}, clean run exit ${clean.code}, ${diff.length === 0 ? 'consistent' : diff.join(', ')}`,
  );
}
for (let p = 0; p < pairs; p++) {
  const dataDir = fs.mkdtempSync(path.join(work, `pair-${p}-`));
  const [a, b] = await Promise.all([
    ingest(dataDir),
    ingest(dataDir, p % 2 === 1 ? ['--wait'] : []),
  ]);
  results.pairs += 1;
  for (const run of [a, b]) {
    if (run.code === 0) {
      // Checked after both ended: an exit-0 run promises a complete index.
      const lost = compare(snapshot(dataDir).letters, base.snap);
      if (lost.length > 0) {
        results.exit0Lost += 1;
        notes.push(`pair ${p}: exit 0 with ${lost.join(', ')}`);
      }
    } else if (/another ingest is running/.test(run.stderr)) {
      results.pairRefused += 1;
    } else {
      results.inconsistencies += 1;
      notes.push(`pair ${p}: exit ${run.code}: ${run.stderr.trim().slice(0, 200)}`);
    }
  }
  if (a.code === 0 && b.code === 0) results.pairWaitedOrSerial += 1;
  const after = snapshot(dataDir);
  const diff = [...compare(after.letters, base.snap), ...after.problems];
  if (diff.length > 0) {
    results.inconsistencies += 1;
    notes.push(`pair ${p}: ${diff.join(', ')}`);
  }
  console.log(
    `pair ${p + 1}/${pairs}${p % 2 === 1 ? ' (second with --wait)' : ''}: exits ${a.code}/${b.code}, ${diff.length === 0 ? 'consistent' : diff.join(', ')}`,
  );
}
console.log(JSON.stringify({ ...results, referenceIngestMs: base.ms, letters: base.snap.size }));
for (const note of notes) console.log(`note: ${note}`);
fs.rmSync(work, { recursive: true, force: true });
