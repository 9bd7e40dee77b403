/**
 * A call's records wait for its reply, over a real HTTP server on loopback:
 * they run once the reply is out, and still run when the client resets the
 * connection first, whether the record came before or after the hang-up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordAfterReply } from '../../../src/channels/mcp/record-after-reply.js';
import { silentLogger } from '../../../src/logger.js';

/** A server whose handler is `handle`, and a way to stop it. */
async function serve(handle: http.RequestListener) {
  const server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const until = async (done: () => boolean) => {
  for (let waited = 0; !done() && waited < 5000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
};

test('records run after the reply has been written, not before', async () => {
  const events: string[] = [];
  const server = await serve((_req, res) => {
    const afterReply = recordAfterReply(res, silentLogger());
    afterReply(() => events.push(`record (reply finished: ${res.writableFinished})`));
    res.end('ok', () => events.push('reply written'));
  });
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(await response.text()).toBe('ok');
    await until(() => events.length === 2);
    expect(events).toEqual(['reply written', 'record (reply finished: true)']);
  } finally {
    await server.close();
  }
});

test('a client that resets the connection before the reply loses no record, early or late', async () => {
  const records: string[] = [];
  const server = await serve((_req, res) => {
    const afterReply = recordAfterReply(res, silentLogger());
    afterReply(() => records.push('before the hang-up'));
    // The handler is still at work when the client goes; its record comes after `close`, and no reply is ever sent.
    res.once('close', () => setImmediate(() => afterReply(() => records.push('after it'))));
  });
  try {
    const request = http.request({ host: '127.0.0.1', port: server.port, method: 'POST' });
    request.on('error', () => undefined);
    request.end('{}', () => setTimeout(() => request.socket?.resetAndDestroy(), 50));
    await until(() => records.length === 2);
    expect(records).toEqual(['before the hang-up', 'after it']);
  } finally {
    await server.close();
  }
});

test('a failing record is logged, and the ones after it still run', async () => {
  const records: string[] = [];
  const server = await serve((_req, res) => {
    const afterReply = recordAfterReply(res, silentLogger());
    afterReply(() => {
      throw new Error('disk full');
    });
    afterReply(() => records.push('second'));
    res.end('ok');
  });
  try {
    await (await fetch(`http://127.0.0.1:${server.port}/`)).text();
    await until(() => records.length === 1);
    expect(records).toEqual(['second']);
  } finally {
    await server.close();
  }
});
