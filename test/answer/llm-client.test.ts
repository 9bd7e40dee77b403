import { createLlmClient } from '../../src/answer/llm-client.js';
import { LlmAbortedError } from '../../src/errors.js';
import { LlmFailedError, LlmTimeoutError } from '../../src/errors.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';

describe('createLlmClient', () => {
  let server: FakeOpenAiServer;
  beforeEach(async () => {
    server = await startFakeOpenAiServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const client = (overrides: { timeoutMs?: number; maxRetries?: number } = {}) =>
    createLlmClient({
      model: 'test-model',
      apiKey: 'sk-test',
      baseUrl: server.baseUrl,
      timeoutMs: 2_000,
      maxRetries: 2,
      ...overrides,
    });

  test('streams the reply in pieces and sends the model and messages', async () => {
    server.enqueue({ text: 'Ala ma kota [1].', chunks: 4 });
    const pieces: string[] = [];
    for await (const p of client().stream([{ role: 'user', content: 'Pytanie' }])) pieces.push(p);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe('Ala ma kota [1].');
    expect(server.requests[0]!.body).toMatchObject({
      model: 'test-model',
      stream: true,
      messages: [{ role: 'user', content: 'Pytanie' }],
    });
  });

  test('retries a 429 and then succeeds', async () => {
    server.enqueue({ status: 429, retryAfterMs: 10 }, { text: 'Gotowe.' });
    expect(await client().complete([{ role: 'user', content: 'x' }])).toBe('Gotowe.');
    expect(server.requests).toHaveLength(2);
  });

  test('retries a 503 and gives up with a coded error after maxRetries', async () => {
    server.fallback = { status: 503, retryAfterMs: 5 };
    await expect(
      client({ maxRetries: 1 }).complete([{ role: 'user', content: 'x' }]),
    ).rejects.toBeInstanceOf(LlmFailedError);
    expect(server.requests).toHaveLength(2);
  });

  test('a hung server times out with LlmTimeoutError', async () => {
    server.fallback = { hang: true };
    const started = Date.now();
    await expect(
      client({ timeoutMs: 200, maxRetries: 0 }).complete([{ role: 'user', content: 'x' }]),
    ).rejects.toBeInstanceOf(LlmTimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('a stream that stalls mid-answer times out too', async () => {
    server.enqueue({ text: 'Powoli, bardzo powoli.', chunks: 3, delayMs: 400 });
    await expect(
      client({ timeoutMs: 150, maxRetries: 0 }).complete([{ role: 'user', content: 'x' }]),
    ).rejects.toBeInstanceOf(LlmTimeoutError);
  });

  test('the caller can cancel', async () => {
    server.fallback = { hang: true };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      client().complete([{ role: 'user', content: 'x' }], { signal: controller.signal }),
    ).rejects.toBeInstanceOf(LlmAbortedError);
  });
});
