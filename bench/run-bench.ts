/**
 * `npm run bench -- [--corpus DIR] [--json] [--scales 1,10] [--with-100x]`
 *
 * For each archive size (distinct-text archives from bench/scale/derive-archive.ts),
 * measured in one run and interleaved question by question so load on the
 * shared machine hits every system alike:
 * - answer latency on the production path: the assistant as a channel calls it
 *   (access groups on, answerability, extractive answer), and our `search` alone;
 * - the peers' retrieval: naive FTS5 with our stop words (the fair baseline) and
 *   the naive FTS5 of issue 3 (raw question words OR-ed); MiniSearch tuned (folded,
 *   stop words, title boost) over the same passages and titles;
 * - recall@1/5/10 of every system on the same archive (questions → source letters);
 * - cold ingest (ours and the naive peer), the no-op re-sync beside its floors
 *   (scan + stat, read + hash of every file);
 * - peak RSS of a serving process (a child on the build, bench/serve-answers.mjs).
 * Ratios are ours / peer. `--json` prints one object on the last line;
 * bench/render-chart.ts turns it into the SVG in docs/performance.md.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { STOP_WORDS } from '../src/archive/analyzer.js';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { collectAnswer, createAssistant } from '../src/assistant/create-assistant.js';
import { silentLogger } from '../src/logger.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { chunkPages } from '../ingest/chunk.js';
import { extractorFor } from '../ingest/extract/extract-file.js';
import { scanArchive } from '../ingest/scan-archive.js';
import { syncArchive } from '../ingest/sync-archive.js';
import { MiniSearchPeer } from './baseline/minisearch-peer.js';
import { NaiveFts5Index } from './baseline/naive-fts5.js';
import { readQuestions } from './eval/questions.js';
import { deriveArchive } from './scale/derive-archive.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SHARED = path.join(ROOT, '../../shared');
const program = new Command()
  .option(
    '--corpus <dir>',
    'archive to scale',
    fs.existsSync(path.join(SHARED, 'corpus/sejm'))
      ? path.join(SHARED, 'corpus/sejm')
      : path.join(ROOT, 'samples/letters'),
  )
  .option(
    '--questions <file>',
    'questions (JSONL) with relevant files',
    path.join(SHARED, 'eval/titles-dev.jsonl'),
  )
  .option('--scales <list>', 'archive sizes as whole multiples of the corpus', '1,10')
  .option('--with-100x', 'add the 100× archive (long on 2 cores)')
  .option('--queries <n>', 'questions timed per size', (v) => Number.parseInt(v, 10), 300)
  .option('--seed <n>', 'seed of the derived letters', (v) => Number.parseInt(v, 10), 16)
  .option('--json', 'print the results as one JSON object on the last line')
  .parse(process.argv);
const opts = program.opts<{
  corpus: string;
  questions: string;
  scales: string;
  with100x?: boolean;
  queries: number;
  seed: number;
  json?: boolean;
}>();

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
  );
}
const round = (x: number) => Math.round(x * 100) / 100;
const latency = (times: readonly number[]) => ({
  p50_ms: round(percentile(times, 50)),
  p95_ms: round(percentile(times, 95)),
});

interface Question {
  readonly question: string;
  readonly relevant: readonly string[];
}

/** Recall@k over ranked file names: found when a relevant base name is among the first k distinct letters. */
class Recall {
  readonly #found = { 1: 0, 5: 0, 10: 0 };
  #n = 0;
  add(files: readonly string[], relevant: readonly string[]): void {
    this.#n++;
    const rank = files.findIndex((f) => relevant.includes(path.basename(f)));
    for (const k of [1, 5, 10] as const) if (rank !== -1 && rank < k) this.#found[k]++;
  }
  result() {
    const r = (k: 1 | 5 | 10) => (this.#n === 0 ? null : round(this.#found[k] / this.#n));
    return { recall_at_1: r(1), recall_at_5: r(5), recall_at_10: r(10) };
  }
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await run();
  return { ms: performance.now() - t, value };
}

/** The floors a no-op re-sync is compared with: list + stat every file, and read + hash every file. */
async function measureFloors(corpus: string) {
  const stat = await timed(async () => {
    const { files } = await scanArchive(corpus);
    for (const f of files) fs.statSync(f.absolutePath);
    return files;
  });
  const hash = await timed(async () => {
    for (const f of stat.value)
      createHash('sha256').update(fs.readFileSync(f.absolutePath)).digest('hex');
  });
  return { scan_stat_ms: round(stat.ms), read_hash_ms: round(hash.ms) };
}

/** Peak RSS of the compiled app answering the questions in a child process on the index in `dataDir`. */
async function measureServingRss(dataDir: string, questions: readonly string[]) {
  if (!fs.existsSync(path.join(ROOT, 'dist/BUILT')))
    return { peak_rss_mb: null, note: 'no build (npm run build)' };
  const file = path.join(dataDir, 'questions.json');
  fs.writeFileSync(file, JSON.stringify(questions));
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [path.join(ROOT, 'bench/serve-answers.mjs'), file],
    {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_MINUTE: '0',
      },
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    peak_rss_mb: number;
    refused: number;
  };
}

async function measureScale(copies: number, questions: readonly Question[]) {
  const corpus = fs.mkdtempSync(path.join(os.tmpdir(), `kancelaria-bench-${copies}x-`));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-bench-data-'));
  try {
    const files = deriveArchive({
      sourceDir: opts.corpus,
      targetDir: corpus,
      copies,
      seed: opts.seed,
    });
    const index = new SqliteIndex({ path: path.join(dataDir, 'index.sqlite') });
    const sync = {
      index,
      archiveDir: corpus,
      maxBytes: 50 * 1024 * 1024,
      maxPages: 500,
      logger: silentLogger(),
    };
    const cold = await timed(() => syncArchive(sync));
    const resync = await timed(() => syncArchive(sync));
    const floors = await measureFloors(corpus);

    // The naive peer's ingest: our extraction and chunking, one FTS5 row per passage.
    const naive = new NaiveFts5Index(path.join(dataDir, 'naive.sqlite'));
    const extracted: { file: string; texts: string[] }[] = [];
    const naiveIngest = await timed(async () => {
      for (const file of (await scanArchive(corpus)).files) {
        try {
          const doc = await extractorFor(file.relativePath)(fs.readFileSync(file.absolutePath), {
            maxPages: 500,
          });
          const texts = chunkPages(file.relativePath, doc.pages).passages.map((p) => p.text);
          naive.add(file.relativePath, texts);
          extracted.push({ file: file.relativePath, texts });
        } catch {
          // The peer skips what it cannot read; Kancelaria reports it in its summary.
        }
      }
    });
    naive.close();
    // MiniSearch gets the same passages, and the titles our letter parser found (it has no parser of its own).
    const titles = new Map<string, string>();
    for (const { id, file } of await index.listLetters())
      titles.set(file, (await index.getLetter(id))?.title ?? '');
    const mini = new MiniSearchPeer();
    const miniBuild = await timed(() => {
      for (const { file, texts } of extracted) mini.add(file, titles.get(file) ?? '', texts);
    });
    extracted.length = 0;
    // Both naive peers read the same table; only the question they send differs.
    const raw = new NaiveFts5Index(path.join(dataDir, 'naive.sqlite'));
    const fair = new NaiveFts5Index(path.join(dataDir, 'naive.sqlite'), { stopWords: STOP_WORDS });
    const assistant = createAssistant({ index, logger: silentLogger(), passages: 6 });
    const user = { id: 'bench:user', accessGroups: ['radni'] };

    const times = {
      answer: [] as number[],
      search: [] as number[],
      fair: [] as number[],
      raw: [] as number[],
      mini: [] as number[],
    };
    const recall = {
      ours: new Recall(),
      fair: new Recall(),
      raw: new Recall(),
      mini: new Recall(),
    };
    // Interleaved: each question goes to every system before the next one.
    for (const q of questions) {
      const answer = await timed(() => collectAnswer(assistant, { question: q.question, user }));
      times.answer.push(answer.ms);
      const search = await timed(() =>
        retrievePassages({
          index,
          question: q.question,
          k: 10,
          perLetter: 1,
          filter: { accessGroups: user.accessGroups },
        }),
      );
      times.search.push(search.ms);
      recall.ours.add(
        search.value.map((h) => h.letter.file),
        q.relevant,
      );
      const f = await timed(() => fair.search(q.question, 10));
      times.fair.push(f.ms);
      recall.fair.add(
        f.value.map((h) => h.file),
        q.relevant,
      );
      const r = await timed(() => raw.search(q.question, 10));
      times.raw.push(r.ms);
      recall.raw.add(
        r.value.map((h) => h.file),
        q.relevant,
      );
      const m = await timed(() => mini.search(q.question, 10));
      times.mini.push(m.ms);
      recall.mini.add(
        m.value.map((h) => h.file),
        q.relevant,
      );
    }
    raw.close();
    fair.close();
    await index.close();
    const serving = await measureServingRss(
      dataDir,
      questions.map((q) => q.question),
    );
    const ours = latency(times.answer);
    const fairPeer = latency(times.fair);
    return {
      scale: copies,
      files,
      letters: cold.value.letters,
      passages: cold.value.passages,
      ours: {
        answer: ours,
        search: latency(times.search),
        ...recall.ours.result(),
        ingest_letters_per_s: Math.round((cold.value.letters / cold.ms) * 1000),
        resync_noop_ms: round(resync.ms),
        ...floors,
        serving_peak_rss_mb: serving.peak_rss_mb,
      },
      naive_fts5_stopwords: {
        search: fairPeer,
        ...recall.fair.result(),
        ingest_letters_per_s: Math.round((files / naiveIngest.ms) * 1000),
      },
      naive_fts5_raw: { search: latency(times.raw), ...recall.raw.result() },
      minisearch: {
        search: latency(times.mini),
        ...recall.mini.result(),
        index_build_ms: round(miniBuild.ms),
      },
      ratios: {
        answer_p95_vs_fair_search_p95: round(ours.p95_ms / Math.max(fairPeer.p95_ms, 0.001)),
        answer_p95_vs_minisearch_p95: round(
          ours.p95_ms / Math.max(latency(times.mini).p95_ms, 0.001),
        ),
        search_p95_vs_fair_search_p95: round(
          latency(times.search).p95_ms / Math.max(fairPeer.p95_ms, 0.001),
        ),
        resync_vs_scan_stat: round(resync.ms / Math.max(floors.scan_stat_ms, 0.001)),
        resync_vs_read_hash: round(resync.ms / Math.max(floors.read_hash_ms, 0.001)),
        ingest_vs_naive: round(naiveIngest.ms / cold.ms),
      },
    };
  } finally {
    fs.rmSync(corpus, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const questions: Question[] = fs.existsSync(opts.questions)
  ? readQuestions(opts.questions)
      .slice(0, opts.queries)
      .map((q) => ({ question: q.question, relevant: q.relevant }))
  : [
      {
        question: 'Jak wyglądała współpraca Chorzowa z prowincją Liaoning?',
        relevant: ['chorzow-liaoning.txt'],
      },
    ];
const scales = [
  ...new Set([...opts.scales.split(',').map(Number), ...(opts.with100x ? [100] : [])]),
].filter((s) => Number.isInteger(s) && s >= 1);
const rows = [];
for (const scale of scales) {
  rows.push(await measureScale(scale, questions));
  if (!opts.json) console.log(JSON.stringify(rows.at(-1)));
}
const result = {
  corpus: opts.corpus,
  questions: questions.length,
  seed: opts.seed,
  cpus: os.cpus().length,
  load_average: os.loadavg().map(round),
  measured_at: new Date().toISOString(),
  rows,
};
console.log(JSON.stringify(result));
