// Peak memory of a serving process under load (issue 16, docs/performance.md):
//   node bench/measure-serve-memory.mjs ROOT DATA_DIR WORKERS [QUESTIONS] [IN_FLIGHT]
// starts `ROOT/bin/kancelaria.js serve` on DATA_DIR (web console only, ANSWER_WORKERS=WORKERS), asks
// QUESTIONS titles-dev questions IN_FLIGHT at a time through /api/ask, and prints the process's RSS
// and high-water mark (VmHWM, from /proc) idle and after, with its CPU time per thread.
/* global fetch */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const [root, dataDir, workers, count = '60', inFlight = '8'] = process.argv.slice(2);
if (!root || !dataDir || !workers) {
  console.error('usage: measure-serve-memory.mjs ROOT DATA_DIR WORKERS [QUESTIONS] [IN_FLIGHT]');
  process.exit(2);
}
const TOKEN = 'bench-console-token-0123456789';
const child = spawn(
  process.execPath,
  [
    ...(process.env.NODEFLAGS ? process.env.NODEFLAGS.split(' ') : []),
    `${root}/bin/kancelaria.js`,
    'serve',
  ],
  {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_LEVEL: 'info',
      WEB_CONSOLE_TOKEN: TOKEN,
      RATE_LIMIT_PER_MINUTE: '0',
      ANSWER_WORKERS: workers,
      ANSWER_QUEUE_MAX: '1000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
let stderr = '';
const url = await new Promise((resolve, reject) => {
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    const m = /"url":"(http:[^"]+)"/.exec(stderr);
    if (m) resolve(m[1].replace('localhost', '127.0.0.1'));
  });
  child.once('exit', () => reject(new Error(stderr)));
});
const memory = () => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const mb = (key) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]) / 1024);
  return `rss ${mb('VmRSS')} hwm ${mb('VmHWM')} anon ${mb('RssAnon')} file ${mb('RssFile')} MB`;
};
await sleep(1500);
console.log('idle', memory());
const questions = fs
  .readFileSync('/work/shared/eval/titles-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .slice(0, Number(count))
  .map((l) => JSON.parse(l).question);
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Number(inFlight) }, async () => {
    while (next < questions.length) {
      const question = questions[next++];
      const res = await fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      });
      await res.text();
    }
  }),
);
const ticks = (stat) => {
  const f = stat.split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const cpu = ticks(fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8'));
console.log(
  `cpu ${cpu} ms; ${questions.length} questions in ${Math.round(performance.now() - started)} ms;`,
  memory(),
);
for (const task of fs.readdirSync(`/proc/${child.pid}/task`)) {
  const stat = fs.readFileSync(`/proc/${child.pid}/task/${task}/stat`, 'utf8');
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const ms = ticks(stat);
  if (ms >= 100) console.log('  thread', task, name, ms, 'ms');
}
child.kill('SIGTERM');
