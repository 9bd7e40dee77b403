/**
 * What the MCP server adds to a search: `search_archive` called by the SDK's
 * own client over Streamable HTTP on loopback (bearer check, a server built
 * for the token's user, JSON-RPC, zod validation of input and output, the
 * audit row in the state store) against the CLI's retrieval in process
 * (`retrievePassages`, the call `search_archive` makes, with the same k,
 * passages per letter and access groups). Both run on the same index of the
 * corpus, alternately question by question (which goes first alternates
 * too), after one untimed warm-up pass. Prints one JSON object: p50/p95 of
 * both, the p95 difference (docs/mcp.md, target: within 5 ms), and the
 * paired per-question overhead, which load hitting both paths alike cancels.
 *
 * `npx tsx bench/measure-mcp-search.ts [--corpus DIR] [--questions FILE.jsonl] [--rounds 2]`
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createAdminCommands } from '../src/assistant/admin-commands.js';
import { createAssistant } from '../src/assistant/create-assistant.js';
import { createArchiveReader } from '../src/assistant/read-archive.js';
import { StateStore } from '../src/assistant/state-store.js';
import { createMcpChannel } from '../src/channels/mcp/create-mcp-channel.js';
import { hashToken } from '../src/channels/mcp/verify-bearer-token.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import { retrievePassages } from '../src/retrieval/retrieve-passages.js';
import { startServer } from '../src/server.js';
import { buildEvalIndex } from './eval/build-eval-index.js';
import { readQuestions } from './eval/questions.js';

const program = new Command()
  .option(
    '--corpus <dir>',
    'archive folder, indexed once (cached like the eval)',
    '/work/shared/corpus',
  )
  .option('--questions <file>', 'JSONL questions', '/work/shared/eval/titles-dev.jsonl')
  .option('--rounds <n>', 'timed passes over the questions (after one warm-up pass)', '2');
program.parse();
const options = program.opts<{ corpus: string; questions: string; rounds: string }>();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (x: number) => +x.toFixed(2);
  return { p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)) };
}

const K = 10;
/** What `ArchiveReader.search` asks of retrieval (its PASSAGES_PER_LETTER). */
const PER_LETTER = 3;
const GROUPS = ['radni'];
const TOKEN = 'bench-token-0123456789';

const logger = silentLogger();
const { index } = await buildEvalIndex({ corpus: path.resolve(options.corpus), logger });
const questions = readQuestions(options.questions).map((q) => q.question);
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-mcp-bench-'));
const store = new StateStore({ path: path.join(stateDir, 'state.sqlite') });
const config = loadConfig({
  DATA_DIR: stateDir,
  MCP_TOKENS: JSON.stringify([{ sha256: hashToken(TOKEN), user: 'bench', groups: GROUPS }]),
});
// No rate limit: one user asking a thousand questions a minute is the point here.
const reader = createArchiveReader({ index, logger, audit: (r) => store.audit(r) });
const channel = createMcpChannel({
  config,
  assistant: createAssistant({ index, logger }),
  reader,
  store,
  logger,
  admin: createAdminCommands({
    status: () => Promise.reject(new Error('not in this bench')),
    reindex: () => Promise.reject(new Error('not in this bench')),
    audit: () => undefined,
  }),
});
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  routes: channel.routes,
  health: () => Promise.resolve({}),
  logger,
});
const client = new Client({ name: 'bench', version: '1.0.0' });
await client.connect(
  new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
  }),
);

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
/**
 * CPU time of this process per call (client and server both run here): what
 * each path costs in work, which waiting for a busy machine's cores does not
 * inflate the way it inflates wall time.
 */
const cpu = { cli: [] as number[], mcp: [] as number[] };
const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
let differing = 0;
const rounds = Number(options.rounds);
for (let round = 0; round <= rounds; round += 1) {
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
        const viaMcp = (result as { structuredContent?: { letters: { letterId: string }[] } })
          .structuredContent?.letters[0]?.letterId;
        const direct = (await cli(question))[0]?.letter.id;
        if (viaMcp !== direct) differing += 1;
      }
    }
    if (round > 0) paired.push(pair.mcp - pair.cli);
  }
}
await client.close();
await server.close();
store.close();
await index.close();
fs.rmSync(stateDir, { recursive: true, force: true });

const cliSummary = summary(times.cli);
const mcpSummary = summary(times.mcp);
console.log(
  JSON.stringify({
    corpus: options.corpus,
    questions: questions.length,
    rounds,
    top_letter_differs: differing,
    cli_retrieval: cliSummary,
    mcp_search_archive_http: mcpSummary,
    p95_difference_ms: +(mcpSummary.p95_ms - cliSummary.p95_ms).toFixed(2),
    p50_difference_ms: +(mcpSummary.p50_ms - cliSummary.p50_ms).toFixed(2),
    paired_overhead: summary(paired),
    cpu_time: {
      cli_retrieval: summary(cpu.cli),
      mcp_search_archive_http: summary(cpu.mcp),
      p95_difference_ms: +(summary(cpu.mcp).p95_ms - summary(cpu.cli).p95_ms).toFixed(2),
    },
    // The machine's load while measuring: figures from a shared, busy machine read differently.
    load_average_1m: +os.loadavg()[0]!.toFixed(2),
    cpus: os.cpus().length,
  }),
);
