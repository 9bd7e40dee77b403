import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/logger.js';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

describe('startServer', () => {
  test('GET /healthz reports what health() returns', async () => {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      routes: [],
      logger: silentLogger(),
      health: async () => ({ backend: 'sqlite', letters: 21, llm: false }),
    });
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', backend: 'sqlite', letters: 21, llm: false });
  });

  test('routes by path and method; unknown paths 404, wrong methods 405', async () => {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger(),
      health: async () => ({}),
      routes: [{ method: 'POST', path: '/echo', handle: (_req, res) => void res.end('pong') }],
    });
    expect(await (await fetch(`${running.url}/echo`, { method: 'POST' })).text()).toBe('pong');
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
    expect((await fetch(`${running.url}/echo`)).status).toBe(405);
  });

  test('a failing handler gives a generic 500 without details', async () => {
    running = await startServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger(),
      health: async () => ({}),
      routes: [
        {
          method: 'POST',
          path: '/boom',
          handle: () => {
            throw new Error('secret database path /var/x');
          },
        },
      ],
    });
    const res = await fetch(`${running.url}/boom`, { method: 'POST' });
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain('secret');
    expect(JSON.parse(body)).toEqual({ error: 'internal' });
  });
});
