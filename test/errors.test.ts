import http from 'node:http';
import net from 'node:net';
import { loadConfig } from '../src/config.js';
import { channelDeps } from './helpers/channel-deps.js';
import { withRetry } from '../src/archive/qdrant-retry.js';
import { SqliteIndex } from '../src/archive/sqlite-index.js';
import { createAdminCommands } from '../src/assistant/admin-commands.js';
import { createAssistant } from '../src/assistant/create-assistant.js';
import { withRateLimit } from '../src/assistant/rate-limit.js';
import { createConsoleAccess } from '../src/channels/web/check-access.js';
import { runAdminCommand } from '../src/channels/teams/run-admin-command.js';
import { createSlackChannel } from '../src/channels/slack/create-slack-channel.js';
import { BadPayloadError } from '../src/channels/web/web-payloads.js';
import { StateStore } from '../src/assistant/state-store.js';
import { createLlmClient } from '../src/answer/llm-client.js';
import { BotError, LlmAbortedError, toBotError, type BotErrorCode } from '../src/errors.js';
import { silentLogger } from '../src/logger.js';
import { USER_MESSAGES_PL } from '../src/messages.js';

/** The code and the Polish sentence a user would see for whatever `run` throws. */
async function shown(run: () => unknown): Promise<{ code: BotErrorCode; text: string }> {
  try {
    await run();
  } catch (error) {
    const { code } = toBotError(error);
    return { code, text: USER_MESSAGES_PL[code] };
  }
  throw new Error('expected a failure');
}

describe('toBotError', () => {
  test('keeps a BotError, wraps anything else as internal with the original as cause', () => {
    const coded = new BotError('rate_limited', 'x');
    expect(toBotError(coded)).toBe(coded);
    const plain = new Error('SQLITE_BUSY');
    expect(toBotError(plain)).toMatchObject({
      code: 'internal',
      message: 'SQLITE_BUSY',
      cause: plain,
    });
    expect(toBotError('boom')).toMatchObject({ code: 'internal', message: 'boom' });
  });

  test('a cancelled LLM request is not a BotError (nothing is shown for it)', () => {
    expect(new LlmAbortedError()).not.toBeInstanceOf(BotError);
  });
});

describe('each error code has a thrower and a Polish sentence', () => {
  test('index_unavailable: retries of an outage used up', async () => {
    const outage = new TypeError('fetch failed');
    expect(
      await shown(() =>
        withRetry(() => Promise.reject(outage), { retries: 1, sleep: async () => undefined }),
      ),
    ).toEqual({
      code: 'index_unavailable',
      text: 'Archiwum jest chwilowo niedostępne. Spróbuj ponownie za chwilę.',
    });
  });

  test('config_invalid: a channel built without its credentials', async () => {
    const store = new StateStore({ path: ':memory:' });
    const { code, text } = await shown(() =>
      createSlackChannel(
        channelDeps({
          config: loadConfig({}),
          assistant: { answer: async function* () {} },
          store,
          logger: silentLogger(),
        }),
      ),
    );
    store.close();
    expect(code).toBe('config_invalid');
    expect(text).toBe('Asystent jest źle skonfigurowany. Administrator został powiadomiony.');
  });

  test('bad_request: a body a channel cannot read', async () => {
    expect(
      await shown(() => {
        throw new BadPayloadError(400, 'not JSON');
      }),
    ).toEqual({ code: 'bad_request', text: 'Nie rozumiem tej wiadomości.' });
  });

  test('llm_failed and llm_timeout: the LLM server refuses or hangs up', async () => {
    const refused = createLlmClient({
      model: 'm',
      apiKey: 'k',
      baseUrl: 'http://127.0.0.1:9/v1',
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    const { code, text } = await shown(() => refused.complete([{ role: 'user', content: 'x' }]));
    expect(['llm_failed', 'llm_timeout']).toContain(code);
    expect(text).toMatch(
      /^(Nie udało się wygenerować odpowiedzi\.|Generowanie odpowiedzi trwało zbyt długo\.)$/,
    );
  });

  test('access_denied: a Teams admin command by a non-admin (audited), the console without its token', async () => {
    const store = new StateStore({ path: ':memory:' });
    const admin = createAdminCommands({
      status: async () => {
        throw new Error('not for non-admins');
      },
      reindex: async () => '',
      audit: (record) => store.audit(record),
    });
    const replies: string[] = [];
    const teams = await shown(() =>
      runAdminCommand({
        command: 'status',
        userId: 'teams:aad-user-1',
        isAdmin: false,
        admin,
        reply: async (text) => (replies.push(text), 'id'),
        update: async () => undefined,
        progressIntervalMs: 0,
        now: Date.now,
        logger: silentLogger(),
      }),
    );
    expect(teams).toEqual({ code: 'access_denied', text: 'Nie masz uprawnień do tej operacji.' });
    expect(replies).toEqual([]);
    expect(store.listAudit()).toEqual([
      expect.objectContaining({ channel: 'teams', action: 'status', allowed: false }),
    ]);
    store.close();

    const access = createConsoleAccess('staff-secret-0123456789');
    const request = (headers: http.IncomingHttpHeaders) =>
      Object.assign(new http.IncomingMessage(new net.Socket()), { headers });
    expect(await shown(() => access.authorize(request({ authorization: 'Bearer wrong' })))).toEqual(
      { code: 'access_denied', text: 'Nie masz uprawnień do tej operacji.' },
    );
    expect(await shown(() => access.authorize(request({})))).toMatchObject({
      code: 'access_denied',
    });
    expect(() =>
      access.authorize(request({ authorization: 'Bearer staff-secret-0123456789' })),
    ).not.toThrow();
  });

  test('rate_limited: a draft over the per-user limit', async () => {
    const index = new SqliteIndex({ path: ':memory:' });
    const assistant = withRateLimit(createAssistant({ index, logger: silentLogger() }), {
      perMinute: 1,
    });
    const request = {
      request: 'Prośba o informację o remoncie ulicy Wolności',
      user: { id: 'web:anna' },
      channel: 'web',
    } as const;
    await assistant.draft(request);
    expect(await shown(() => assistant.draft(request))).toEqual({
      code: 'rate_limited',
      text: 'Zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za minutę.',
    });
    await index.close();
  });

  test('internal: anything else', async () => {
    expect(
      await shown(() => {
        throw new Error('SQLITE_CORRUPT');
      }),
    ).toEqual({ code: 'internal', text: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.' });
  });
});
