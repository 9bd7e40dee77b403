/**
 * The staff web console end to end: a real server on 127.0.0.1:0, a real
 * SQLite index seeded with the sample letters, the real assistant core.
 */
import vm from 'node:vm';
import mammoth from 'mammoth';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import { withRateLimit } from '../../src/assistant/rate-limit.js';
import http from 'node:http';
import { StateStore } from '../../src/assistant/state-store.js';
import { channelDeps } from '../helpers/channel-deps.js';
import { createWebConsole } from '../../src/channels/web/create-web-console.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { USER_MESSAGES_PL } from '../../src/messages.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import {
  LIAONING_QUESTION,
  LIAONING_REFERENCE,
  LIAONING_URL,
  seedSampleArchive,
} from '../helpers/sample-archive.js';

const TOKEN = 'staff-secret-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const json = { ...auth, 'content-type': 'application/json' };

interface Harness {
  readonly url: string;
  readonly store: StateStore;
  close(): Promise<void>;
}

async function startConsole(
  env: Record<string, string> = {},
  { perMinute }: { perMinute?: number } = {},
): Promise<Harness> {
  const config = loadConfig({ WEB_CONSOLE_TOKEN: TOKEN, ...env });
  const index = new SqliteIndex({ path: ':memory:' });
  await seedSampleArchive(index);
  await index.upsertLetter(
    makeLetter({ id: 'secret', reference: 'ZAR.0001.2021', accessGroup: 'zarzad' }),
    makePassages('secret', ['Poufna notatka: delegacja do Yingkou kosztowała 80 tysięcy złotych.']),
  );
  const logger = silentLogger();
  const store = new StateStore({ path: ':memory:' });
  // Composed as the app composes it: drafts audited in the state store, one per-user rate limit.
  const assistant = withRateLimit(
    createAssistant({ index, logger, audit: (record) => store.audit(record) }),
    { perMinute: perMinute ?? config.RATE_LIMIT_PER_MINUTE },
  );
  const web = createWebConsole(channelDeps({ config, assistant, logger, store }));
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: web.routes,
    logger,
    health: async () => ({}),
  });
  return {
    url: server.url,
    store,
    async close() {
      await server.close();
      store.close();
      await index.close();
    },
  };
}

/** Parses a `text/event-stream` body into its `data:` JSON objects. */
function parseEvents(body: string): Array<{ type: string; [key: string]: unknown }> {
  return body
    .split('\n\n')
    .map((block) =>
      block
        .split('\n')
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n'),
    )
    .filter(Boolean)
    .map((data) => JSON.parse(data) as { type: string });
}

let harness: Harness;
beforeEach(async () => {
  harness = await startConsole({ ACCESS_GROUPS: 'web:anna=zarzad' });
});
afterEach(async () => {
  await harness.close();
});

describe('web console access', () => {
  test('401 without a token and with a wrong one, for the page and the API', async () => {
    const page = await fetch(`${harness.url}/`);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('name="token"');
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong-token-0123456789' },
      { cookie: 'kancelaria_console=forged' },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${harness.url}/api/ask`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'x' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
    }
    expect(
      (
        await fetch(`${harness.url}/`, {
          headers: { authorization: 'Bearer wrong-token-0123456789' },
        })
      ).status,
    ).toBe(401);
  });

  test('GET / with the token returns the self-contained Polish page', async () => {
    const res = await fetch(`${harness.url}/`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="pl">');
    expect(html).toContain('Szkic odpowiedzi');
    expect(html).toContain('Pobierz DOCX');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//);
    // The inline script and its strings parse (no build step would catch a typo).
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(2);
    expect(() => JSON.parse(scripts[0]![2]!)).not.toThrow();
    expect(() => new vm.Script(scripts[1]![2]!)).not.toThrow();
    const nonce = /nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    for (const [, attrs] of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  test('the login form sets a session cookie that opens the page and the API', async () => {
    const bad = await fetch(`${harness.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: 'nope' }),
      redirect: 'manual',
    });
    expect(bad.status).toBe(401);
    const login = await fetch(`${harness.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0]!;
    expect((await fetch(`${harness.url}/`, { headers: { cookie } })).status).toBe(200);
  });
});

describe('POST /api/ask', () => {
  test('streams status → citations → delta → final, citing the Liaoning letter', async () => {
    const res = await fetch(`${harness.url}/api/ask`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ question: LIAONING_QUESTION }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseEvents(await res.text());
    const order = events.map((e) => e.type).filter((type, i, all) => type !== all[i - 1]);
    expect(order).toEqual(['status', 'citations', 'delta', 'final']);
    const final = events.at(-1) as unknown as {
      answer: {
        kind: string;
        text: string;
        citations: Array<{ reference: string; url: string }>;
        passages?: unknown;
      };
    };
    expect(final.answer.kind).not.toBe('refusal');
    expect(final.answer.text).toMatch(/\[1\]/);
    expect(final.answer.citations[0]).toMatchObject({
      reference: LIAONING_REFERENCE,
      url: LIAONING_URL,
    });
    // Server-side letter records (paths) stay on the server.
    expect(final.answer.passages).toBeUndefined();
  });

  test('refuses an unanswerable question, citing nothing', async () => {
    const res = await fetch(`${harness.url}/api/ask`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ question: 'Ile kosztowała budowa mostu w Wąbrzeźnie?' }),
    });
    const final = parseEvents(await res.text()).at(-1) as unknown as {
      type: string;
      answer: { kind: string; text: string; citations: unknown[] };
    };
    expect(final.type).toBe('final');
    expect(final.answer).toMatchObject({
      kind: 'refusal',
      text: 'Nie znalazłem w archiwum odpowiedzi na to pytanie.',
      citations: [],
    });
  });

  test('malformed JSON and bad payloads get 400 and the server keeps serving', async () => {
    const broken = await fetch(`${harness.url}/api/ask`, {
      method: 'POST',
      headers: json,
      body: '{"question": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      error: 'bad_request',
      message: 'Nie rozumiem tej wiadomości.',
    });
    expect(
      (
        await fetch(`${harness.url}/api/ask`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ question: '' }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await fetch(`${harness.url}/api/ask`, {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ question: 'x', staff: '<script>' }),
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await fetch(`${harness.url}/api/ask`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/plain' },
          body: '{"question":"x"}',
        })
      ).status,
    ).toBe(415);
    const after = await fetch(`${harness.url}/api/ask`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ question: LIAONING_QUESTION }),
    });
    expect(parseEvents(await after.text()).at(-1)?.type).toBe('final');
  });

  test('ACCESS_GROUPS apply to the web:<name> staff identity', async () => {
    const ask = async (staff?: string) => {
      const res = await fetch(`${harness.url}/api/ask`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          question: 'Ile kosztowała delegacja do Yingkou?',
          ...(staff ? { staff } : {}),
        }),
      });
      const final = parseEvents(await res.text()).at(-1) as unknown as {
        answer: { citations: Array<{ letterId: string }> };
      };
      return final.answer.citations.map((c) => c.letterId);
    };
    expect(await ask()).not.toContain('secret');
    expect(await ask('anna')).toContain('secret');
  });
});

describe('POST /api/draft and /api/draft.docx', () => {
  const request = 'Proszę o informację o wizycie przedstawicieli Yingkou w Chorzowie.';

  test('a draft as JSON, then exactly that draft (with the clerk’s edits) as DOCX', async () => {
    const res = await fetch(`${harness.url}/api/draft`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ request, to: 'Grzegorz Krzak, Radny Miasta Chorzów' }),
    });
    expect(res.status).toBe(200);
    const draft = (await res.json()) as {
      draftId: string;
      kind: string;
      text: string;
      sources: Array<{ reference: string; description: string }>;
    };
    expect(draft.kind).toBe('extractive');
    expect(draft.text).toMatch(/^Szanowny Panie Radny,/);
    expect(draft.sources[0]).toMatchObject({ reference: LIAONING_REFERENCE });
    expect(draft.sources[0]!.description).toContain(LIAONING_REFERENCE);

    const edited = `${draft.text}\n\nDopisek urzędnika.`;
    const docx = await fetch(`${harness.url}/api/draft.docx`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ draftId: draft.draftId, text: edited }),
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers.get('content-disposition')).toMatch(
      /^attachment; filename="szkic-odpowiedzi-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
      .value;
    expect(text).toContain('Yingkou');
    expect(text).toContain('Dopisek urzędnika.');
    expect(text).toContain(LIAONING_REFERENCE);
    expect(harness.store.listAudit().map((a) => a.action)).toEqual(['draft', 'draft.docx']);
  });

  test('a DOCX straight from a request; another staff member’s draft id is refused', async () => {
    const docx = await fetch(`${harness.url}/api/draft.docx`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ request, to: 'Anna Nowak' }),
    });
    expect(docx.status).toBe(200);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) }))
      .value;
    expect(text).toContain('Yingkou');
    expect(text).toContain('Szanowna Pani,');

    const shown = (await (
      await fetch(`${harness.url}/api/draft`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ request, staff: 'anna' }),
      })
    ).json()) as { draftId: string };
    const other = await fetch(`${harness.url}/api/draft.docx`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ draftId: shown.draftId, staff: 'jan' }),
    });
    expect(other.status).toBe(404);
    expect(
      (await fetch(`${harness.url}/api/draft`, { method: 'POST', headers: json, body: '[]' }))
        .status,
    ).toBe(400);
  });

  test('drafts are rate-limited per staff member (429, Polish sentence) and each written draft is audited', async () => {
    await harness.close();
    harness = await startConsole({ RATE_LIMIT_PER_MINUTE: '2' });
    const draftAs = (staff: string) =>
      fetch(`${harness.url}/api/draft`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ request, staff }),
      });
    expect((await draftAs('anna')).status).toBe(200);
    expect((await draftAs('anna')).status).toBe(200);
    const refused = await draftAs('anna');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      error: 'rate_limited',
      message: USER_MESSAGES_PL.rate_limited,
    });
    expect((await draftAs('jan')).status).toBe(200);
    expect(harness.store.listAudit().map((a) => [a.channel, a.userId, a.action])).toEqual([
      ['web', 'web:anna', 'draft'],
      ['web', 'web:anna', 'draft'],
      ['web', 'web:jan', 'draft'],
    ]);
  });
});

/** POSTs JSON from a chosen loopback source address (127.0.0.x are all this machine). */
function postFrom(
  localAddress: string,
  url: string,
  body: unknown,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', localAddress, headers: json }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('web console limits', () => {
  test('wrong tokens from one address are throttled with 429; another address can still log in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await fetch(`${harness.url}/login`, {
        method: 'POST',
        body: new URLSearchParams({ token: `guess-${i}` }),
        redirect: 'manual',
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    // Even the right token waits: a guesser cannot tell a hit during the lockout.
    const right = await fetch(`${harness.url}/login`, {
      method: 'POST',
      body: new URLSearchParams({ token: TOKEN }),
      redirect: 'manual',
    });
    expect(right.status).toBe(429);
    const other = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${harness.url}/login`,
        {
          method: 'POST',
          localAddress: '127.0.0.2',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(new URLSearchParams({ token: TOKEN }).toString());
    });
    expect(other).toBe(303);
  });

  test('a rate-limited question gets HTTP 429; anonymous users at two addresses have separate buckets', async () => {
    await harness.close();
    harness = await startConsole({}, { perMinute: 2 });
    const ask = (from: string) =>
      postFrom(from, `${harness.url}/api/ask`, { question: LIAONING_QUESTION });
    expect((await ask('127.0.0.1')).status).toBe(200);
    expect((await ask('127.0.0.1')).status).toBe(200);
    const limited = await ask('127.0.0.1');
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ error: 'rate_limited' });
    expect((await ask('127.0.0.3')).status).toBe(200);
  });
});
