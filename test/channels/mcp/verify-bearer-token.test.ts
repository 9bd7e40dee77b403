import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { hashTokenFrom, newToken } from '../../../src/cli/commands/mcp.js';
import { createBearerVerifier, hashToken } from '../../../src/channels/mcp/verify-bearer-token.js';
import { ConfigError, loadConfig } from '../../../src/config.js';

const TOKEN = 'Zq3-token-for-anna';

describe('MCP_TOKENS', () => {
  test('is read as JSON or from a file, and a token in place of its hash is refused without being echoed', () => {
    const entries = [{ sha256: hashToken(TOKEN), user: 'anna', groups: ['poufne'] }];
    expect(loadConfig({ MCP_TOKENS: JSON.stringify(entries) }).MCP_TOKENS).toEqual(entries);
    const dir = fs.mkdtempSync(
      path.join(process.env.TMPDIR ?? os.tmpdir(), 'kancelaria-mcp-tokens-'),
    );
    try {
      const file = path.join(dir, 'tokens.json');
      fs.writeFileSync(file, JSON.stringify(entries));
      const config = loadConfig({ MCP_TOKENS: file });
      expect(config.MCP_TOKENS).toEqual(entries);
      expect(config.mcpEnabled).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(loadConfig({}).mcpEnabled).toBe(false);
    let error: unknown;
    try {
      loadConfig({ MCP_TOKENS: JSON.stringify([{ sha256: TOKEN, user: 'anna' }]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('MCP_TOKENS.0.sha256');
    expect((error as ConfigError).message).not.toContain(TOKEN);
    expect(() => loadConfig({ MCP_TOKENS: '/no/such/tokens.json' })).toThrow(/file cannot be read/);
  });
});

describe('createBearerVerifier', () => {
  const config = loadConfig({
    MCP_TOKENS: JSON.stringify([
      { sha256: hashToken(TOKEN), user: 'anna', groups: ['poufne'] },
      { sha256: hashToken('token-of-jan'), user: 'jan' },
    ]),
    ACCESS_GROUPS: 'mcp:jan=zarzad',
  });
  const verify = createBearerVerifier(config);

  test('maps a token to its user and groups (explicit, else ACCESS_GROUPS of mcp:<user>)', () => {
    expect(verify(`Bearer ${TOKEN}`)).toEqual({
      status: 'ok',
      user: { id: 'mcp:anna', accessGroups: ['poufne'] },
    });
    expect(verify('bearer token-of-jan')).toEqual({
      status: 'ok',
      user: { id: 'mcp:jan', accessGroups: ['zarzad'] },
    });
  });

  test('tells a missing header from a wrong token; the hash is no token', () => {
    expect(verify(undefined)).toEqual({ status: 'missing' });
    expect(verify(`Basic ${TOKEN}`)).toEqual({ status: 'missing' });
    expect(verify('Bearer')).toEqual({ status: 'missing' });
    expect(verify(`Bearer ${TOKEN}x`)).toEqual({ status: 'invalid' });
    expect(verify(`Bearer ${hashToken(TOKEN)}`)).toEqual({ status: 'invalid' });
  });
});

describe('kancelaria mcp --new-token / --hash-token', () => {
  test('a new token verifies through its printed entry, and piping it to --hash-token gives the same hash', async () => {
    const { token, entry } = newToken('anna.nowak');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(entry)).not.toContain(token);
    const verify = createBearerVerifier(loadConfig({ MCP_TOKENS: JSON.stringify([entry]) }));
    expect(verify(`Bearer ${token}`)).toEqual({
      status: 'ok',
      user: { id: 'mcp:anna.nowak', accessGroups: [] },
    });
    expect(await hashTokenFrom(Readable.from([`${token}\n`]))).toBe(entry.sha256);
    await expect(hashTokenFrom(Readable.from(['  \n']))).rejects.toThrow(/no token on stdin/);
    expect(() => newToken('anna=zarzad')).toThrow(/no MCP user name/);
  });
});
