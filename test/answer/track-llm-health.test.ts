/**
 * The LLM's health for `/healthz` before any question: the probe (`GET /models`
 * through the real `openai` client) against the loopback fake and a dead port.
 */
import net from 'node:net';
import { createLlmClient } from '../../src/answer/llm-client.js';
import { trackLlmHealth } from '../../src/answer/track-llm-health.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(async () => {
  await server.close();
});

const client = (baseUrl: string) =>
  createLlmClient({
    model: 'test-model',
    apiKey: 'sk-test',
    baseUrl,
    timeoutMs: 2000,
    maxRetries: 0,
  });

async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 20));
}

test('a dead LLM server is named by the probe before any question, with its URL', async () => {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const tracked = trackLlmHealth(client(`http://127.0.0.1:${port}/v1`));
  expect(tracked.problem()).toBeNull();
  const stop = tracked.watch(60_000);
  await until(() => tracked.problem() !== null);
  stop();
  expect(tracked.problem()).toBe(
    `LLM test-model failing: cannot reach the LLM server at http://127.0.0.1:${port}/v1: fetch failed`,
  );
});

test('a refused key is degraded; the re-probe clears it once the server accepts, with no chat call made', async () => {
  server.modelsStatus = 401;
  const tracked = trackLlmHealth(client(server.baseUrl));
  const stop = tracked.watch(50);
  await until(() => tracked.problem() !== null);
  expect(tracked.problem()).toBe('LLM test-model failing: LLM request failed with status 401');
  server.modelsStatus = 200;
  await until(() => tracked.problem() === null);
  stop();
  expect(tracked.problem()).toBeNull();
  expect(server.requests).toEqual([]);
});

test('a server without a models route (404) counts as reachable', async () => {
  server.modelsStatus = 404;
  const tracked = trackLlmHealth(client(server.baseUrl));
  // A failure first, so that the 404 has something to clear.
  server.enqueue({ status: 500 });
  await expect(tracked.client.complete([{ role: 'user', content: 'x' }])).rejects.toThrow();
  expect(tracked.problem()).not.toBeNull();
  const stop = tracked.watch(50);
  await until(() => tracked.problem() === null);
  stop();
  expect(tracked.problem()).toBeNull();
});
