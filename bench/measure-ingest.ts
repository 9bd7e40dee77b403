/**
 * What `ingest` is compared with (issue 16, part 5), on one archive folder:
 * the naive peer's cold ingest (our extraction and chunking, one FTS5 row per
 * passage, one thread: the peer of `npm run bench`), and the floors of a
 * no-op re-sync (`scanArchive` alone; then reading and hashing every listed
 * file). Run it alternated with `node bin/kancelaria.js ingest …` under
 * `/usr/bin/time -v` (docs/performance.md), so both see the same load.
 *
 *   npx tsx bench/measure-ingest.ts ARCHIVE [--skip-peer] [--skip-floors]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { chunkPages } from '../ingest/chunk.js';
import { extractorFor } from '../ingest/extract/extract-file.js';
import { scanArchive } from '../ingest/scan-archive.js';
import { NaiveFts5Index } from './baseline/naive-fts5.js';

const program = new Command()
  .argument('<archive>', 'archive folder')
  .option('--skip-peer', 'only the floors')
  .option('--skip-floors', 'only the peer')
  .parse(process.argv);
const archive = program.args[0]!;
const opts = program.opts<{ skipPeer?: boolean; skipFloors?: boolean }>();

/** Wall and CPU (user + system, this process) of one step. */
async function timed<T>(run: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000, value };
}
const ms = (x: number) => Math.round(x);

const result: Record<string, unknown> = { archive, load: os.loadavg().map((l) => l.toFixed(2)) };
if (!opts.skipFloors) {
  const scan = await timed(() => scanArchive(archive));
  const hash = await timed(async () => {
    for (const f of scan.value.files)
      createHash('sha256').update(fs.readFileSync(f.absolutePath)).digest('hex');
  });
  Object.assign(result, {
    files: scan.value.files.length,
    scan_stat_ms: ms(scan.wall),
    scan_stat_cpu_ms: ms(scan.cpu),
    read_hash_ms: ms(scan.wall + hash.wall),
    read_hash_cpu_ms: ms(scan.cpu + hash.cpu),
  });
}
if (!opts.skipPeer) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measure-ingest-'));
  try {
    const naive = new NaiveFts5Index(path.join(dir, 'naive.sqlite'));
    const ingest = await timed(async () => {
      let letters = 0;
      for (const file of (await scanArchive(archive)).files) {
        try {
          const doc = await extractorFor(file.relativePath)(fs.readFileSync(file.absolutePath), {
            maxPages: 500,
          });
          naive.add(
            file.relativePath,
            chunkPages(file.relativePath, doc.pages).passages.map((p) => p.text),
          );
          letters += 1;
        } catch {
          // The peer skips what it cannot read, as in `npm run bench`.
        }
      }
      return letters;
    });
    naive.close();
    Object.assign(result, {
      peer_letters: ingest.value,
      peer_ingest_ms: ms(ingest.wall),
      peer_ingest_cpu_ms: ms(ingest.cpu),
      peer_letters_per_s: Math.round(ingest.value / (ingest.wall / 1000)),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(result));
