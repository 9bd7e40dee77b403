/**
 * The server under concurrent questions (issue 16, part 3): starts the built
 * `serve` (`node bin/kancelaria.js serve`) on an existing DATA_DIR, once with
 * the answer pool (ANSWER_WORKERS, default 2) and once answering on the main
 * thread (ANSWER_WORKERS=0), and for each sends the same questions through the
 * web console (`POST /api/ask`, the whole answer as a channel gets it): first
 * one at a time, then `--concurrency` at a time. Meanwhile it polls
 * `GET /healthz` every 10 ms and records how long each took. Prints JSON:
 * throughput (questions/s) per mode (best of `--rounds`), the ratios,
 * /healthz p50/p99/max, and the server's peak RSS (VmHWM: main thread and
 * workers are one process).
 *
 * `npx tsx bench/measure-answer-pool.ts --data-dir DIR [--questions FILE.jsonl] [--limit 200] [--concurrency 8] [--workers 2] [--out FILE.json]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { readQuestions } from './eval/questions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'bench-console-token-0123456789';

const program = new Command()
  .requiredOption('--data-dir <dir>', 'DATA_DIR holding index.sqlite (from `kancelaria ingest`)')
  .option('--questions <file>', 'JSONL questions', '/work/shared/eval/titles-dev.jsonl')
  .option('--limit <n>', 'questions per pass', '200')
  .option('--concurrency <n>', 'questions in flight in the concurrent pass', '8')
  .option('--workers <n>', 'ANSWER_WORKERS of the pooled server', '2')
  .option('--rounds <n>', 'timed rounds (each: every mode once per server)', '2')
  .option('--out <file>', 'write the JSON result here as well');
program.parse();
const opts = program.opts<{
  dataDir: string;
  questions: string;
  limit: string;
  concurrency: string;
  workers: string;
  rounds: string;
  out?: string;
}>();

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (x: number) => +x.toFixed(1);

interface Serve {
  readonly url: string;
  readonly child: ChildProcess;
}

async function startServe(workers: number): Promise<Serve> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/kancelaria.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DATA_DIR: opts.dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_CONSOLE_TOKEN: TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      ANSWER_WORKERS: String(workers),
      ANSWER_QUEUE_MAX: '1000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /"url":"(http:[^"]+)"/.exec(stderr);
      if (match) resolve(match[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
  });
  return { url, child };
}

async function ask(url: string, question: string): Promise<string> {
  const res = await fetch(`${url}/api/ask`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const body = await res.text();
  const finals = body.split('\n').filter((l) => l.startsWith('data:') && l.includes('"final"'));
  if (finals.length !== 1) throw new Error(`no final answer: ${body.slice(0, 300)}`);
  // The answer's feedback key is new per answer (a UUID): not part of what is compared.
  return finals[0]!.replace(/"answerKey":"[^"]*"/, '"answerKey":""');
}

/** Runs `questions` with `concurrency` in flight; returns wall ms and /healthz latencies meanwhile. */
async function pass(url: string, questions: readonly string[], concurrency: number) {
  const health: number[] = [];
  let isRunning = true;
  const poll = (async () => {
    while (isRunning) {
      const t0 = performance.now();
      await (await fetch(`${url}/healthz`)).json();
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const t0 = performance.now();
  let next = 0;
  const answers: string[] = new Array<string>(questions.length);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < questions.length) {
        const i = next++;
        answers[i] = await ask(url, questions[i]!);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  isRunning = false;
  await poll;
  const sorted = [...health].sort((a, b) => a - b);
  return {
    answers,
    result: {
      concurrency,
      questions: questions.length,
      wall_ms: Math.round(wallMs),
      questions_per_s: +((questions.length / wallMs) * 1000).toFixed(2),
      healthz: {
        n: sorted.length,
        p50_ms: round(percentile(sorted, 50)),
        p99_ms: round(percentile(sorted, 99)),
        max_ms: round(sorted.at(-1) ?? 0),
      },
    },
  };
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const questions = readQuestions(opts.questions)
  .slice(0, Number(opts.limit))
  .map((q) => q.question);
const concurrency = Number(opts.concurrency);
const rounds = Number(opts.rounds);
// Both servers run side by side and take turns pass by pass, so load from other processes on the
// machine hits both alike; the idle one only waits.
const modes = [Number(opts.workers), 0];
const servers = await Promise.all(modes.map((workers) => startServe(workers)));
type PassResult = Awaited<ReturnType<typeof pass>>['result'];
const passes = new Map<string, PassResult[]>();
const answersByRun: string[][] = [];
let peaks: number[] = [];
try {
  // Warm-up: the first questions fill the stem and term caches of every thread.
  for (const serve of servers)
    await pass(serve.url, questions.slice(0, concurrency * 4), concurrency);
  for (let round = 0; round < rounds; round++) {
    for (const c of [1, concurrency]) {
      for (const [i, serve] of servers.entries()) {
        const { answers, result } = await pass(serve.url, questions, c);
        answersByRun.push(answers);
        const key = `${modes[i]}:${c}`;
        passes.set(key, [...(passes.get(key) ?? []), result]);
      }
    }
  }
} finally {
  peaks = servers.map((serve) => peakRssMb(serve.child.pid!));
  for (const serve of servers) {
    serve.child.kill('SIGTERM');
    await new Promise((r) => serve.child.once('exit', r));
  }
}
/** The best of the rounds: the one least disturbed by other processes. */
const best = (key: string) =>
  [...(passes.get(key) ?? [])].sort((a, b) => b.questions_per_s - a.questions_per_s)[0]!;
const runs = modes.map((workers, i) => ({
  answer_workers: workers,
  one_at_a_time: best(`${workers}:1`),
  concurrent: best(`${workers}:${concurrency}`),
  all_passes: {
    one_at_a_time: passes.get(`${workers}:1`),
    concurrent: passes.get(`${workers}:${concurrency}`),
  },
  serve_peak_rss_mb: peaks[i],
}));
const [pooled, inProcess] = runs;
// The same final answers whichever thread wrote them and however many were in flight.
const differing = questions.filter((_, i) => new Set(answersByRun.map((a) => a[i])).size !== 1);
const result = {
  data_dir: opts.dataDir,
  questions: questions.length,
  rounds,
  runs,
  ratios: {
    pooled_concurrent_vs_in_process_one_at_a_time: +(
      pooled!.concurrent.questions_per_s / inProcess!.one_at_a_time.questions_per_s
    ).toFixed(2),
    pooled_concurrent_vs_pooled_one_at_a_time: +(
      pooled!.concurrent.questions_per_s / pooled!.one_at_a_time.questions_per_s
    ).toFixed(2),
    in_process_concurrent_vs_in_process_one_at_a_time: +(
      inProcess!.concurrent.questions_per_s / inProcess!.one_at_a_time.questions_per_s
    ).toFixed(2),
  },
  answers_differing: differing.length,
};
const json = JSON.stringify(result, null, 2);
if (opts.out) fs.writeFileSync(opts.out, json);
console.log(json);
