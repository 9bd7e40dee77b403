import { ConfigError, loadConfig, loadTeamsPackageConfig } from '../src/config.js';

describe('loadConfig', () => {
  test('an empty environment gives the embedded mode', () => {
    const config = loadConfig({}, '/srv/k');
    expect(config.INDEX_BACKEND).toBe('sqlite');
    expect(config.dataDir).toBe('/srv/k/data');
    expect(config.PORT).toBe(3978);
    expect(config.hasLlm).toBe(false);
    expect(config.slackEnabled).toBe(false);
    expect(config.teamsEnabled).toBe(false);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.TEAMS_EMULATOR).toBe(false);
  });

  test('Teams is on with an app id, or explicitly in emulator mode on a loopback host only', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' }).teamsEnabled).toBe(
      true,
    );
    expect(loadConfig({ TEAMS_EMULATOR: 'true' }).teamsEnabled).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).teamsEnabled).toBe(false);
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ TEAMS_EMULATOR: 'true', HOST: '0.0.0.0' }).join('\n')).toContain(
      'TEAMS_EMULATOR: needs a loopback HOST',
    );
    expect(
      problems({ TEAMS_EMULATOR: 'true', MICROSOFT_APP_ID: 'a', MICROSOFT_APP_PASSWORD: 'p' }).join(
        '\n',
      ),
    ).toContain('TEAMS_EMULATOR: must not be set');
    expect(problems({ TEAMS_EMULATOR: 'true', NODE_ENV: 'production' }).join('\n')).toContain(
      'NODE_ENV=production',
    );
    expect(problems({ TEAMS_EMULATOR: 'true', HOST: '::1' })).toEqual([]);
  });

  test('empty strings count as unset (a copied .env.example works as is)', () => {
    const config = loadConfig({ QDRANT_URL: '', OPENAI_MODEL: '', PORT: '' });
    expect(config.QDRANT_URL).toBeUndefined();
    expect(config.PORT).toBe(3978);
  });

  test('one error lists every invalid or missing variable', () => {
    let error: unknown;
    try {
      loadConfig({
        INDEX_BACKEND: 'qdrant',
        PORT: 'eighty',
        OPENAI_BASE_URL: 'not a url',
        MICROSOFT_APP_ID: 'abc',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = (error as ConfigError).problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['QDRANT_URL', 'PORT', 'OPENAI_BASE_URL', 'MICROSOFT_APP_PASSWORD']),
    );
    expect((error as ConfigError).message).toContain('"eighty"');
  });

  test('secrets are never echoed in the error', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-very-secret' })).toThrow(ConfigError);
    try {
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-very-secret',
        OPENAI_API_KEY: 'sk-x',
        OPENAI_BASE_URL: 'bad',
      });
    } catch (e) {
      expect((e as Error).message).not.toContain('xoxb-very-secret');
      expect((e as Error).message).toContain('SLACK_SIGNING_SECRET');
    }
  });

  test('lists and access groups are parsed', () => {
    const config = loadConfig({
      SLACK_ADMIN_USER_IDS: 'U1, U2',
      ACCESS_GROUPS: 'slack:U1=zarzad|finanse;teams:a=finanse',
    });
    expect(config.SLACK_ADMIN_USER_IDS).toEqual(['U1', 'U2']);
    expect(config.ACCESS_GROUPS).toEqual({
      'slack:U1': ['zarzad', 'finanse'],
      'teams:a': ['finanse'],
    });
  });

  test('the web console switches on with a long enough WEB_CONSOLE_TOKEN', () => {
    expect(loadConfig({}).webConsoleEnabled).toBe(false);
    expect(loadConfig({ WEB_CONSOLE_TOKEN: 'a-long-shared-secret-42' }).webConsoleEnabled).toBe(
      true,
    );
    expect(() => loadConfig({ WEB_CONSOLE_TOKEN: 'short' })).toThrow(
      /WEB_CONSOLE_TOKEN: must be at least 16 characters$/m,
    );
  });

  test('channels switch on with their credentials', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      MICROSOFT_APP_ID: 'id',
      MICROSOFT_APP_PASSWORD: 'p',
      OPENAI_MODEL: 'gpt',
    });
    expect(config.slackEnabled).toBe(true);
    expect(config.teamsEnabled).toBe(true);
    expect(config.hasLlm).toBe(true);
  });
});

describe('TEAMS_SENSITIVITY_LABELS', () => {
  test('maps access groups to label names; a label may contain a backslash, not be empty', () => {
    expect(
      loadConfig({ TEAMS_SENSITIVITY_LABELS: 'finanse=Poufne \\ Finanse; zarzad=Poufne' }, '/srv/k')
        .TEAMS_SENSITIVITY_LABELS,
    ).toEqual({ finanse: 'Poufne \\ Finanse', zarzad: 'Poufne' });
    expect(loadConfig({}, '/srv/k').TEAMS_SENSITIVITY_LABELS).toEqual({});
    expect(() => loadConfig({ TEAMS_SENSITIVITY_LABELS: 'finanse=' }, '/srv/k')).toThrow(
      /TEAMS_SENSITIVITY_LABELS/,
    );
  });
});

describe('loadTeamsPackageConfig', () => {
  test('needs only a GUID app id: no password, other settings ignored', () => {
    const appId = '0b5e7b1c-3c1a-4f7e-9d2a-1b2c3d4e5f60';
    expect(loadTeamsPackageConfig({ MICROSOFT_APP_ID: appId, PORT: 'not a port' })).toEqual({
      MICROSOFT_APP_ID: appId,
    });
    expect(() => loadTeamsPackageConfig({})).toThrow(ConfigError);
    expect(() => loadTeamsPackageConfig({ MICROSOFT_APP_ID: 'bot' })).toThrow(/GUID/);
  });
});
