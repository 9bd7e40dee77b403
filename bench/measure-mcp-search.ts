/**
 * What the MCP server adds to a search, measured the way an assistant meets
 * it: the server is another process. The bench starts the real
 * `kancelaria serve` (`bin/kancelaria.js`: the build in dist/ when it is
 * fresh, the sources otherwise; the output says which) on a DATA_DIR holding
 * the corpus's index, and calls `search_archive` through the SDK's own client
 * over Streamable HTTP on loopback, after `tools/list` as a client does (so
 * the client checks results against the output schema). Against it: the
 * CLI's retrieval in this process, opened the way `kancelaria ask` opens the
 * index (`openIndex` of the same config), `retrievePassages` with the k,
 * passages per letter and access groups `search_archive` uses. The two run
 * alternately question by question (which goes first alternates too), after
 * one untimed warm-up pass.
 *
 * Prints one JSON object: wall-time p50/p95 of both and their difference
 * (docs/mcp.md, target: p95 within 5 ms), the paired per-question overhead
 * (load that hits both paths alike cancels), CPU time per call of the CLI
 * path, of the MCP client (this process) and of the server (its own
 * process, per request, recorded by `bench/record-server-cpu.mjs` preloaded
 * into it), and the load average before and after.
 *
 * `npx tsx bench/measure-mcp-search.ts [--corpus DIR] [--questions FILE.jsonl] [--rounds 2] [--limit N] [--out FILE.json] [--server-cpu-prof DIR]`
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openIndex } from '../src/app.js';
import { hashToken } from '../src/channels/mcp/verify-bearer-token.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { buildEvalIndex } from './eval/build-eval-index.js';
import { readQuestions } from './eval/questions.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const program = new Command()
  .option(
    '--corpus <dir>',
    'archive folder, indexed once (cached like the eval)',
    '/work/shared/corpus',
  )
  .option('--questions <file>', 'JSONL questions', '/work/shared/eval/titles-dev.jsonl')
  .option('--rounds <n>', 'timed passes over the questions (after one warm-up pass)', '2')
  .option('--limit <n>', 'first N questions only')
  .option('--out <file>', 'write the JSON result here as well')
  .option(
    '--server-cpu-prof <dir>',
    "write the server's CPU profile (node --cpu-prof) into this folder",
  );
program.parse();
const options = program.opts<{
  corpus: string;
  questions: string;
  rounds: string;
  limit?: string;
  out?: string;
  serverCpuProf?: string;
}>();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const round2 = (x: number) => +x.toFixed(2);
function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50_ms: round2(percentile(sorted, 50)), p95_ms: round2(percentile(sorted, 95)) };
}

const K = 10;
/** What `ArchiveReader.search` asks of retrieval (its PASSAGES_PER_LETTER). */
const PER_LETTER = 3;
const GROUPS = ['radni'];
const TOKEN = 'bench-token-0123456789';

/** What the preloaded recorder reports (bench/record-server-cpu.mjs). */
interface ServerReport {
  readonly records: readonly { method: string; url: string; cpu_ms: number; wall_ms: number }[];
  readonly process_cpu_ms: number;
  readonly process_wall_ms: number;
}

interface Serve {
  readonly url: string;
  readonly child: ChildProcess;
  readonly ask: <T>(message: 'reset' | 'report') => Promise<T>;
}

/** Whether bin/kancelaria.js runs the build (dist/) or the sources, by the check it makes itself. */
function runsBuild(): boolean {
  const stamp = path.join(ROOT, 'dist/BUILT');
  if (!fs.existsSync(stamp)) return false;
  const built = fs.statSync(stamp).mtimeMs;
  const newest = (dir: string): number =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .reduce(
        (max, e) =>
          Math.max(
            max,
            e.isDirectory()
              ? newest(path.join(dir, e.name))
              : e.name.endsWith('.ts')
                ? fs.statSync(path.join(dir, e.name)).mtimeMs
                : 0,
          ),
        0,
      );
  return newest(path.join(ROOT, 'src')) <= built && newest(path.join(ROOT, 'ingest')) <= built;
}

/** `kancelaria serve` on `dataDir` with the MCP route on, the request recorder preloaded. */
async function startServe(dataDir: string): Promise<Serve> {
  const logFile = path.join(dataDir, 'serve.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [
      ...(options.serverCpuProf
        ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(options.serverCpuProf)]
        : []),
      '--import',
      path.join(ROOT, 'bench/record-server-cpu.mjs'),
      path.join(ROOT, 'bin/kancelaria.js'),
      'serve',
    ],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TMPDIR: os.tmpdir(),
        DATA_DIR: dataDir,
        PORT: '0',
        // The production default: the per-call log line is part of the server's work.
        LOG_LEVEL: 'info',
        MCP_TOKENS: JSON.stringify([{ sha256: hashToken(TOKEN), user: 'bench', groups: GROUPS }]),
        // One user asking a thousand questions a minute is the point here.
        RATE_LIMIT_PER_MINUTE: '0',
      },
      // The log goes to a file, not a pipe this process would have to drain while it measures.
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  fs.closeSync(log);
  const url = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`serve exited (${code}): ${fs.readFileSync(logFile, 'utf8')}`));
    child.once('exit', onExit);
    const poll = setInterval(() => {
      const match = /"url":"(http:[^"]+)"/.exec(fs.readFileSync(logFile, 'utf8'));
      if (!match) return;
      clearInterval(poll);
      child.off('exit', onExit);
      resolve(match[1]!.replace('localhost', '127.0.0.1'));
    }, 50);
  });
  const ask = <T>(message: 'reset' | 'report') =>
    new Promise<T>((resolve) => {
      child.once('message', (reply) => resolve(reply as T));
      child.send(message);
    });
  return { url, child, ask };
}

const logger = silentLogger();
const evalIndex = await buildEvalIndex({ corpus: path.resolve(options.corpus), logger });
await evalIndex.index.close();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-mcp-bench-'));
fs.copyFileSync(evalIndex.file, path.join(dataDir, 'index.sqlite'));
const questions = readQuestions(options.questions)
  .map((q) => q.question)
  .slice(0, options.limit ? Number(options.limit) : undefined);
const index = await openIndex(loadConfig({ DATA_DIR: dataDir }), logger);
const isBuild = runsBuild();
const serve = await startServe(dataDir);
const client = new Client({ name: 'bench', version: '1.0.0' });
await client.connect(
  new StreamableHTTPClientTransport(new URL(`${serve.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
  }),
);
// As an assistant does: it learns the tools first, and from then on checks results against their output schemas.
await client.listTools();

const cli = (question: string) =>
  retrievePassages({
    index,
    question,
    k: K,
    perLetter: PER_LETTER,
    filter: { accessGroups: GROUPS },
  });
const mcp = (question: string) =>
  client.callTool({ name: 'search_archive', arguments: { query: question, k: K } });

const times = { cli: [] as number[], mcp: [] as number[] };
/** Per question and round, MCP minus CLI: the overhead paired, so load that hits both alike cancels. */
const paired: number[] = [];
/** CPU time of this process per call: all of the CLI path; the client's share of the MCP path. */
const cpu = { cli: [] as number[], mcp: [] as number[] };
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
let differing = 0;
let resultBytes = 0;
const rounds = Number(options.rounds);
const loadBefore = os.loadavg()[0]!;
for (let round = 0; round <= rounds; round += 1) {
  // After the warm-up: the server's records from here on are the timed calls, in order.
  if (round === 1) await serve.ask('reset');
  for (const [i, question] of questions.entries()) {
    const order = (i + round) % 2 === 0 ? (['cli', 'mcp'] as const) : (['mcp', 'cli'] as const);
    const pair = { cli: 0, mcp: 0 };
    for (const which of order) {
      const started = performance.now();
      const startedCpu = process.cpuUsage();
      const result = which === 'cli' ? await cli(question) : await mcp(question);
      const ms = performance.now() - started;
      pair[which] = ms;
      if (round > 0) {
        times[which].push(ms);
        cpu[which].push(cpuMs(startedCpu));
      }
      if (round === 0 && which === 'mcp') {
        // Same retrieval, so the same letters first: a check that the two paths really compare alike.
        const structured = (result as { structuredContent?: { letters: { letterId: string }[] } })
          .structuredContent;
        resultBytes += JSON.stringify(result).length;
        const direct = (await cli(question))[0]?.letter.id;
        if (structured?.letters[0]?.letterId !== direct) differing += 1;
      }
    }
    if (round > 0) paired.push(pair.mcp - pair.cli);
  }
}
const loadAfter = os.loadavg()[0]!;
const report = await serve.ask<ServerReport>('report');
await client.close();
serve.child.kill('SIGTERM');
await new Promise((resolve) => serve.child.once('exit', resolve));
await index.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const calls = report.records.filter((r) => r.method === 'POST' && r.url === '/mcp');
if (calls.length !== times.mcp.length)
  throw new Error(
    `server recorded ${calls.length} MCP requests, the client made ${times.mcp.length}`,
  );
const cliSummary = summary(times.cli);
const mcpSummary = summary(times.mcp);
const serverCpu = summary(calls.map((c) => c.cpu_ms));
const result = {
  corpus: options.corpus,
  questions: questions.length,
  rounds,
  server: `node bin/kancelaria.js serve (${isBuild ? 'dist/ build' : 'sources through tsx'})`,
  top_letter_differs: differing,
  mcp_result_bytes_mean: Math.round(resultBytes / questions.length),
  wall_time: {
    cli_retrieval: cliSummary,
    mcp_search_archive: mcpSummary,
    p50_difference_ms: round2(mcpSummary.p50_ms - cliSummary.p50_ms),
    p95_difference_ms: round2(mcpSummary.p95_ms - cliSummary.p95_ms),
    paired_overhead: summary(paired),
    server_request: summary(calls.map((c) => c.wall_ms)),
  },
  cpu_time: {
    cli_retrieval: summary(cpu.cli),
    mcp_client: summary(cpu.mcp),
    mcp_server_request: serverCpu,
    /** The server process's CPU over the timed calls, per call: also what it spends outside requests (GC, timers, idle workers). */
    mcp_server_process_mean_ms: round2(report.process_cpu_ms / calls.length),
    server_p95_minus_cli_p95_ms: round2(serverCpu.p95_ms - summary(cpu.cli).p95_ms),
  },
  // The machine's load while measuring: figures from a shared, busy machine read differently.
  load_average_1m: { before: round2(loadBefore), after: round2(loadAfter) },
  cpus: os.cpus().length,
};
const json = JSON.stringify(result, null, 2);
console.log(json);
if (options.out) fs.writeFileSync(options.out, `${json}\n`);
