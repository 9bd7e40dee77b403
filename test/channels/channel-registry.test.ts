import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createApp } from '../../src/app.js';
import { createChannelAdapters } from '../../src/channels/channel-registry.js';
import { loadConfig } from '../../src/config.js';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-channels-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('createChannelAdapters', () => {
  test('builds one adapter per enabled channel, each with its routes, and logs how to turn on the others', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
      }),
    );
    const app = await createApp(
      loadConfig({
        DATA_DIR: dataDir,
        WEB_CONSOLE_TOKEN: 'staff-secret-0123456789',
        NODE_ENV: 'development',
        TEAMS_EMULATOR: 'true',
      }),
      logger,
    );
    try {
      const adapters = await createChannelAdapters(app);
      expect(adapters.map((a) => [a.name, a.describe()])).toEqual([
        ['teams', 'on, emulator (loopback, authentication off)'],
        ['web', 'on'],
      ]);
      expect(adapters.flatMap((a) => a.routes.map((r) => `${r.method} ${r.path}`))).toEqual(
        expect.arrayContaining(['POST /api/messages', 'POST /api/ask', 'POST /api/draft']),
      );
      expect(lines.join('')).toContain('Slack is off');
      for (const adapter of adapters) {
        await adapter.start();
        await adapter.stop();
      }
    } finally {
      await app.close();
    }
  });

  test('the default development configuration has no Teams endpoint (no app id, no emulator flag)', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write: (chunk: Buffer, _enc, done) => void (lines.push(chunk.toString()), done()),
      }),
    );
    const app = await createApp(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'development' }), logger);
    try {
      expect((await createChannelAdapters(app)).map((a) => a.name)).not.toContain('teams');
      expect(lines.join('')).toContain('Teams is off');
    } finally {
      await app.close();
    }
  });
});
