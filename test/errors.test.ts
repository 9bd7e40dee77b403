import { withRetry } from '../src/archive/qdrant-retry.js';
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
    expect(toBotError(plain)).toMatchObject({ code: 'internal', message: 'SQLITE_BUSY', cause: plain });
    expect(toBotError('boom')).toMatchObject({ code: 'internal', message: 'boom' });
  });

  test('a cancelled LLM request is not a BotError (nothing is shown for it)', () => {
    expect(new LlmAbortedError()).not.toBeInstanceOf(BotError);
  });
});

describe('each error code has a thrower and a Polish sentence', () => {
  test('index_unavailable: retries of an outage used up', async () => {
    const outage = new TypeError('fetch failed');
    expect(await shown(() => withRetry(() => Promise.reject(outage), { retries: 1, sleep: async () => undefined }))).toEqual({
      code: 'index_unavailable',
      text: 'Archiwum jest chwilowo niedostępne. Spróbuj ponownie za chwilę.',
    });
  });

  test('config_invalid: a channel built without its credentials', async () => {
    const store = new StateStore({ path: ':memory:' });
    const config = { SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: undefined, SLACK_API_URL: undefined, SLACK_ADMIN_USER_IDS: [], TEAMS_ADMIN_AAD_IDS: [], ACCESS_GROUPS: {} };
    const { code, text } = await shown(() =>
      createSlackChannel({ config, assistant: { answer: async function* () {} }, store, logger: silentLogger(), status: async () => { throw new Error('unused'); }, reindex: async () => '' }),
    );
    store.close();
    expect(code).toBe('config_invalid');
    expect(text).toBe('Asystent jest źle skonfigurowany. Administrator został powiadomiony.');
  });

  test('bad_request: a body a channel cannot read', async () => {
    expect(await shown(() => { throw new BadPayloadError(400, 'not JSON'); })).toEqual({ code: 'bad_request', text: 'Nie rozumiem tej wiadomości.' });
  });

  test('llm_failed and llm_timeout: the LLM server refuses or hangs up', async () => {
    const refused = createLlmClient({ model: 'm', apiKey: 'k', baseUrl: 'http://127.0.0.1:9/v1', timeoutMs: 2_000, maxRetries: 0 });
    const { code, text } = await shown(() => refused.complete([{ role: 'user', content: 'x' }]));
    expect(['llm_failed', 'llm_timeout']).toContain(code);
    expect(text).toMatch(/^(Nie udało się wygenerować odpowiedzi\.|Generowanie odpowiedzi trwało zbyt długo\.)$/);
  });

  test('internal: anything else', async () => {
    expect(await shown(() => { throw new Error('SQLITE_CORRUPT'); })).toEqual({ code: 'internal', text: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.' });
  });
});
