/**
 * The archive as an MCP server, driven by the SDK's own client over both
 * transports: `POST /mcp` on the real server on loopback (Streamable HTTP,
 * bearer tokens) and `kancelaria mcp` as a real child process (stdio). The
 * archive is the committed sample archive (less its Sejm PDFs) plus restricted letters, synced by
 * the real ingest into a temporary DATA_DIR.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { createApp, type App } from '../../src/app.js';
import { createChannelAdapters } from '../../src/channels/channel-registry.js';
import { hashToken } from '../../src/channels/mcp/verify-bearer-token.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { ANSWER_TEXT, MCP_TEXT } from '../../src/messages.js';
import { startServer, type RunningServer } from '../../src/server.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/run-sources.js');
const LIAONING_QUESTION = 'Jak wyglądała współpraca z prowincją Liaoning?';
const LIAONING_REFERENCE = 'WEN.9823.2020.RFZ';
const UNANSWERABLE = 'Jaki jest przepis na pierogi ruskie?';
const TOKENS = { granted: 'granted-token-7f3a9c', outsider: 'outsider-token-2b8e41' };

/** Restricted letters (group `poufne`): the question aimed at each, and codes that must never reach an outsider. */
const SECRETS = [
  {
    file: 'poufne/odszkodowanie.txt',
    text: 'Odszkodowanie dla mieszkańca ulicy Klonowej za zalanie piwnicy wyniesie 48 300 zł, kod sprawy KP-7311.',
    question: 'Ile wyniesie odszkodowanie za zalanie piwnicy przy ulicy Klonowej?',
    canary: 'KP-7311',
  },
  {
    file: 'poufne/premie.txt',
    text: 'Premia roczna prezesa spółki Wodociągi Chorzowskie wyniesie 91 700 zł, kod sprawy KZ-2264.',
    question: 'Jaka jest premia roczna prezesa spółki Wodociągi Chorzowskie?',
    canary: 'KZ-2264',
  },
  {
    file: 'poufne/dzialka.txt',
    text: 'Negocjacje zakupu działki przy ulicy Parkowej: cena 1 250 000 zł, kod sprawy KP-5519.',
    question: 'Jaka jest cena działki przy ulicy Parkowej?',
    canary: 'KP-5519',
  },
  {
    file: 'poufne/skarga.txt',
    text: 'Skarga radnego na dyrektora szkoły nr 7 dotyczy mobbingu wobec nauczycieli, kod sprawy KP-8842.',
    question: 'Czego dotyczy skarga na dyrektora szkoły nr 7?',
    canary: 'KP-8842',
  },
] as const;

const leaks = (output: unknown) =>
  SECRETS.filter((s) => JSON.stringify(output).includes(s.canary)).map((s) => s.canary);

let root: string;
let dataDir: string;
let app: App;
let server: RunningServer;
/** Letter id per restricted file, as the index knows it. */
const secretIds = new Map<string, string>();

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'kancelaria-mcp-'));
  const archiveDir = path.join(root, 'archive');
  dataDir = path.join(root, 'data');
  // The sample archive without its Sejm PDFs (their extraction is most of the ingest time, and no test reads them).
  fs.cpSync(path.join(ROOT, 'samples/letters'), archiveDir, {
    recursive: true,
    filter: (source) => !(source.includes(`${path.sep}sejm${path.sep}`) && source.endsWith('.pdf')),
  });
  for (const secret of SECRETS) {
    const file = path.join(archiveDir, secret.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret.text);
    fs.writeFileSync(`${file}.meta.json`, JSON.stringify({ accessGroup: 'poufne' }));
  }
  const config = loadConfig({
    DATA_DIR: dataDir,
    OCR_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '1000',
    MCP_TOKENS: JSON.stringify([
      { sha256: hashToken(TOKENS.granted), user: 'anna', groups: ['poufne'] },
      { sha256: hashToken(TOKENS.outsider).toUpperCase(), user: 'jan' },
    ]),
  });
  app = await createApp(config, silentLogger());
  const { summary } = await app.ingest({ dir: archiveDir });
  expect(summary.failed).toBe(0);
  const adapters = await createChannelAdapters(app);
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: adapters.flatMap((a) => a.routes),
    health: () => Promise.resolve({}),
    logger: silentLogger(),
  });
  const index = await app.openIndex();
  for (const digest of await index.listLetters())
    if (digest.file.startsWith('poufne/')) secretIds.set(digest.file, digest.id);
  expect(secretIds.size).toBe(SECRETS.length);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await app?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** The SDK client connected to `POST /mcp` with `token`. */
async function httpClient(token: string): Promise<Client> {
  const client = new Client({ name: 'kancelaria-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

type Structured = Record<string, unknown> & {
  citations?: { reference: string | null; letterId: string }[];
  refused?: boolean;
  letters?: { letterId: string; file: string }[];
};

async function call(client: Client, name: string, args: Record<string, unknown>) {
  // The current result shape (content, structuredContent, isError), not the protocol's legacy one.
  const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
  return { ...result, structured: result.structuredContent as Structured | undefined };
}

describe('POST /mcp (Streamable HTTP)', () => {
  test('lists the three tools with their input and output schemas', async () => {
    const client = await httpClient(TOKENS.outsider);
    try {
      const { tools } = await client.listTools();
      const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
      expect(Object.keys(byName).sort()).toEqual(['ask_archive', 'get_letter', 'search_archive']);
      expect(byName.search_archive!.inputSchema.required).toEqual(['query']);
      expect(Object.keys(byName.search_archive!.inputSchema.properties ?? {})).toEqual([
        'query',
        'k',
        'dateFrom',
        'dateTo',
        'reference',
      ]);
      expect(byName.ask_archive!.inputSchema.required).toEqual(['question']);
      expect(byName.get_letter!.inputSchema.required).toEqual(['letterId']);
      expect(byName.ask_archive!.outputSchema?.required).toEqual(
        expect.arrayContaining(['answer', 'refused', 'citations']),
      );
      expect(byName.search_archive!.outputSchema?.properties).toHaveProperty('letters');
      expect(byName.get_letter!.outputSchema?.properties).toHaveProperty('passages');
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['letter://{letterId}']);
    } finally {
      await client.close();
    }
  });

  test('ask_archive cites the Chorzów letter on Liaoning, and refuses what the archive lacks', async () => {
    const client = await httpClient(TOKENS.outsider);
    try {
      const answer = await call(client, 'ask_archive', { question: LIAONING_QUESTION });
      expect(answer.isError).toBeFalsy();
      expect(answer.structured?.refused).toBe(false);
      const cited = answer.structured?.citations ?? [];
      expect(cited.map((c) => c.reference)).toContain(LIAONING_REFERENCE);
      // The text content carries the same answer with its sources list.
      expect(JSON.stringify(answer.content)).toContain(LIAONING_REFERENCE);
      // A citation's letter is readable as a resource.
      const liaoning = cited.find((c) => c.reference === LIAONING_REFERENCE)!;
      const read = await client.readResource({ uri: `letter://${liaoning.letterId}` });
      expect(JSON.stringify(read.contents)).toContain('Liaoning');

      const refusal = await call(client, 'ask_archive', { question: UNANSWERABLE });
      expect(refusal.structured).toMatchObject({
        refused: true,
        answer: ANSWER_TEXT.pl.refusal,
        citations: [],
      });
    } finally {
      await client.close();
    }
  });

  test('search_archive returns letters with reference, date, author, page and score; filters apply', async () => {
    const client = await httpClient(TOKENS.outsider);
    try {
      const found = await call(client, 'search_archive', { query: 'prowincja Liaoning', k: 5 });
      const first = (found.structured?.letters ?? [])[0] as unknown as Record<string, unknown>;
      expect(first).toMatchObject({
        reference: LIAONING_REFERENCE,
        date: '2020-03-02',
        author: 'Marcin Michalik',
      });
      expect(first.passages).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ page: expect.any(Number), score: expect.any(Number) }),
        ]),
      );
      const outOfRange = await call(client, 'search_archive', {
        query: 'prowincja Liaoning',
        dateFrom: '2021-01-01',
      });
      expect(JSON.stringify(outOfRange.structured)).not.toContain(LIAONING_REFERENCE);
      const invalid = await call(client, 'search_archive', { query: 'x', dateFrom: '2 marca' });
      expect(invalid.isError).toBe(true);
    } finally {
      await client.close();
    }
  });

  test('an ungranted token never sees a restricted letter in search, ask, get_letter or resources (a granted one does)', async () => {
    const outsider = await httpClient(TOKENS.outsider);
    const granted = await httpClient(TOKENS.granted);
    try {
      const leaked: string[] = [];
      let grantedSaw = 0;
      for (const secret of SECRETS) {
        const id = secretIds.get(secret.file)!;
        const letter = await call(outsider, 'get_letter', { letterId: id });
        const resource = await outsider
          .readResource({ uri: `letter://${id}` })
          .catch((error: unknown) => ({ error: String(error) }));
        const outputs = [
          await call(outsider, 'search_archive', { query: secret.question, k: 50 }),
          await call(outsider, 'search_archive', { query: secret.canary }),
          await call(outsider, 'ask_archive', { question: secret.question }),
          await call(outsider, 'ask_archive', { question: `Sprawa ${secret.canary}` }),
          letter,
          resource,
        ];
        leaked.push(...outputs.flatMap(leaks));
        // A restricted letter looks exactly like a missing one.
        expect(letter.isError).toBe(true);
        expect(letter.content).toEqual([{ type: 'text', text: MCP_TEXT.letterNotFound(id) }]);
        expect(resource).toEqual({ error: expect.stringContaining(MCP_TEXT.letterNotFound(id)) });
        const seen = [
          await call(granted, 'search_archive', { query: secret.question }),
          await call(granted, 'get_letter', { letterId: id }),
          await granted.readResource({ uri: `letter://${id}` }),
        ];
        if (seen.every((o) => leaks(o).includes(secret.canary))) grantedSaw += 1;
      }
      expect(leaked).toEqual([]);
      expect(grantedSaw).toBe(SECRETS.length);
    } finally {
      await outsider.close();
      await granted.close();
    }
  }, 30_000);

  test('a missing or wrong token gets 401 with WWW-Authenticate, and the SDK client cannot connect', async () => {
    const initialize = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      },
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/mcp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: initialize,
      });
    const missing = await post({});
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="kancelaria"');
    const wrong = await post({ authorization: 'Bearer not-a-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
    // The hash itself is no token.
    const hashed = await post({ authorization: `Bearer ${hashToken(TOKENS.granted)}` });
    expect(hashed.status).toBe(401);
    const ok = await post({ authorization: `Bearer ${TOKENS.granted}` });
    expect(ok.status).toBe(200);
    await expect(httpClient('wrong-token')).rejects.toThrow();
  });

  test('the audit records each call with the token’s user', async () => {
    const before = app.store.listAudit().length;
    const client = await httpClient(TOKENS.outsider);
    try {
      await call(client, 'search_archive', { query: 'Liaoning' });
      await call(client, 'ask_archive', { question: LIAONING_QUESTION });
      await call(client, 'get_letter', { letterId: secretIds.get(SECRETS[0].file)! });
      await client.readResource({ uri: 'letter://no-such-letter' }).catch(() => null);
    } finally {
      await client.close();
    }
    const records = app.store.listAudit().slice(before);
    expect(records.map((r) => [r.channel, r.userId, r.action, r.allowed])).toEqual([
      ['mcp', 'mcp:jan', 'search', true],
      ['mcp', 'mcp:jan', 'ask', true],
      ['mcp', 'mcp:jan', 'letter', false],
      ['mcp', 'mcp:jan', 'letter', false],
    ]);
    expect(records[1]!.detail).toBe(LIAONING_QUESTION);
  });

  test('a search whose client hangs up before the reply is still audited', async () => {
    // The record waits for the reply to be out; a client that is gone by then must not take the record with it.
    const query = `Liaoning rozłączenie ${Date.now()}`;
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'search_archive', arguments: { query } },
    });
    const { port } = new URL(server.url);
    const request = http.request({
      host: '127.0.0.1',
      port,
      path: '/mcp',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        authorization: `Bearer ${TOKENS.outsider}`,
        'content-length': Buffer.byteLength(body),
      },
    });
    let answered = false;
    request.on('response', () => (answered = true));
    request.on('error', () => undefined);
    // The whole request is sent, then the connection reset (RST) before any reply could come.
    request.end(body, () => request.socket?.resetAndDestroy());
    const audited = () =>
      app.store.listAudit().filter((r) => r.action === 'search' && r.detail === query);
    for (let waited = 0; audited().length === 0 && waited < 5000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(false);
    expect(audited().map((r) => [r.channel, r.userId, r.allowed])).toEqual([
      ['mcp', 'mcp:jan', true],
    ]);
  });
});

describe('kancelaria mcp (stdio)', () => {
  test('a desktop client spawning the CLI gets cited answers as MCP_STDIO_USER, without restricted letters', async () => {
    const client = new Client({ name: 'desktop', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [BIN, 'mcp'],
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          MCP_STDIO_USER: 'clerk',
          // Another user's grant must not reach the stdio user.
          ACCESS_GROUPS: 'mcp:anna=poufne',
        },
        stderr: 'pipe',
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual([
        'ask_archive',
        'get_letter',
        'search_archive',
      ]);
      const answer = await call(client, 'ask_archive', { question: LIAONING_QUESTION });
      expect((answer.structured?.citations ?? []).map((c) => c.reference)).toContain(
        LIAONING_REFERENCE,
      );
      const searched = await call(client, 'search_archive', { query: SECRETS[0].question });
      const letter = await call(client, 'get_letter', {
        letterId: secretIds.get(SECRETS[0].file)!,
      });
      expect([...leaks(searched), ...leaks(letter)]).toEqual([]);
      expect(letter.isError).toBe(true);
    } finally {
      await client.close();
    }
    // The child wrote its audit into the same state store.
    expect(
      app.store
        .listAudit()
        .filter((r) => r.userId === 'mcp:clerk')
        .map((r) => [r.channel, r.action, r.allowed]),
    ).toEqual([
      ['mcp', 'ask', true],
      ['mcp', 'search', true],
      ['mcp', 'letter', false],
    ]);
  }, 30_000);
});
