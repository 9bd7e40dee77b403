/**
 * `npm run bench -- [--corpus DIR] [--json] [--scales 0.1,1,10]`
 *
 * For several corpus sizes (subsets of DIR, and DIR replicated for sizes over
 * 1×), measures side by side with the naive FTS5 peer (bench/baseline):
 * cold ingest throughput, the incremental no-op re-sync, query latency p50/p95
 * over real questions, and peak RSS. Ratios are Kancelaria / baseline.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { silentLogger } from '../src/logger.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { chunkPages } from '../ingest/chunk.js';
import { extractorFor } from '../ingest/extract/extract-file.js';
import { scanArchive } from '../ingest/scan-archive.js';
import { syncArchive } from '../ingest/sync-archive.js';
import { NaiveFts5Index } from './baseline/naive-fts5.js';
import { readQuestions } from './eval/questions.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const program = new Command()
  .option('--corpus <dir>', 'archive to measure on', fs.existsSync(path.join(ROOT, '../shared/corpus')) ? path.join(ROOT, '../shared/corpus') : path.join(ROOT, 'samples/letters'))
  .option('--questions <file>', 'questions (JSONL) for query latency', path.join(ROOT, '../shared/eval/titles-dev.jsonl'))
  .option('--scales <list>', 'corpus sizes as multiples of the corpus', '0.1,1,10')
  .option('--queries <n>', 'questions timed per size', (v) => Number.parseInt(v, 10), 300)
  .option('--json', 'print the results as one JSON object on the last line')
  .parse(process.argv);
const opts = program.opts<{ corpus: string; questions: string; scales: string; queries: number; json?: boolean }>();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
const ms = (x: number) => Math.round(x * 100) / 100;

/** Lays out a corpus of `scale` × DIR in a temp folder (copies with suffixed names beyond 1×). */
async function buildScaledCorpus(dir: string, scale: number): Promise<string> {
  const { files } = await scanArchive(dir);
  const target = fs.mkdtempSync(path.join(os.tmpdir(), `kancelaria-bench-${scale}x-`));
  const copies = Math.max(1, Math.ceil(scale));
  const perCopy = scale < 1 ? Math.max(1, Math.round(files.length * scale)) : files.length;
  for (let c = 0; c < copies; c++) {
    for (const f of files.slice(0, perCopy)) {
      const rel = c === 0 ? f.relativePath : `copy${c}/${f.relativePath}`;
      fs.mkdirSync(path.dirname(path.join(target, rel)), { recursive: true });
      // Hard links: same bytes, no extra disk; letters in copies get their own ids from their paths.
      fs.linkSync(f.absolutePath, path.join(target, rel));
    }
  }
  return target;
}

async function measureKancelaria(corpus: string, questions: string[]) {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-bench-db-'));
  const index = new SqliteIndex({ path: path.join(dbDir, 'index.sqlite') });
  const opts = { index, archiveDir: corpus, maxBytes: 50 * 1024 * 1024, maxPages: 500, logger: silentLogger() };
  const t0 = performance.now();
  const cold = await syncArchive(opts);
  const ingestMs = performance.now() - t0;
  const t1 = performance.now();
  await syncArchive(opts);
  const resyncMs = performance.now() - t1;
  const times: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    await retrievePassages({ index, question: q, k: 10, perLetter: 1 });
    times.push(performance.now() - t);
  }
  await index.close();
  fs.rmSync(dbDir, { recursive: true, force: true });
  return { letters: cold.letters, passages: cold.passages, ingestMs, resyncMs, p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function measureBaseline(corpus: string, questions: string[]) {
  const dbDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-bench-base-'));
  const index = new NaiveFts5Index(path.join(dbDir, 'naive.sqlite'));
  const t0 = performance.now();
  for (const file of (await scanArchive(corpus)).files) {
    try {
      const bytes = fs.readFileSync(file.absolutePath);
      const doc = await extractorFor(file.relativePath)(bytes, { maxPages: 500 });
      index.add(file.relativePath, chunkPages(file.relativePath, doc.pages).passages.map((p) => p.text));
    } catch {
      // The baseline skips what it cannot read, as Kancelaria reports it.
    }
  }
  const ingestMs = performance.now() - t0;
  // The naive peer has no incremental sync: "re-sync" means re-reading and hashing nothing; it must rebuild.
  const times: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    index.search(q, 10);
    times.push(performance.now() - t);
  }
  index.close();
  fs.rmSync(dbDir, { recursive: true, force: true });
  return { ingestMs, resyncMs: ingestMs, p50: percentile(times, 50), p95: percentile(times, 95) };
}

const questions = fs.existsSync(opts.questions)
  ? readQuestions(opts.questions).map((q) => q.question).slice(0, opts.queries)
  : ['Jak wyglądała współpraca Chorzowa z prowincją Liaoning?', 'podwyżki wynagrodzeń nauczycieli', 'legitymacja doktorancka'];
const rows = [];
for (const scale of opts.scales.split(',').map(Number)) {
  const corpus = await buildScaledCorpus(opts.corpus, scale);
  const ours = await measureKancelaria(corpus, questions);
  const base = await measureBaseline(corpus, questions);
  fs.rmSync(corpus, { recursive: true, force: true });
  rows.push({
    scale,
    letters: ours.letters,
    passages: ours.passages,
    ingest_letters_per_s: Math.round((ours.letters / ours.ingestMs) * 1000),
    baseline_ingest_letters_per_s: Math.round((ours.letters / base.ingestMs) * 1000),
    ingest_ratio: ms(base.ingestMs / ours.ingestMs),
    resync_noop_ms: ms(ours.resyncMs),
    baseline_resync_ms: ms(base.resyncMs),
    query_p50_ms: ms(ours.p50),
    query_p95_ms: ms(ours.p95),
    baseline_query_p50_ms: ms(base.p50),
    baseline_query_p95_ms: ms(base.p95),
    query_p95_ratio: ms(ours.p95 / Math.max(base.p95, 0.001)),
  });
  if (!opts.json) console.log(JSON.stringify(rows.at(-1)));
}
const result = { corpus: opts.corpus, questions: questions.length, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), rows };
if (opts.json) console.log(JSON.stringify(result));
else {
  console.table(rows);
  console.log(`peak RSS: ${result.peak_rss_mb} MB (whole run)`);
}
