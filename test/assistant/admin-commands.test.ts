import { createAdminCommands } from '../../src/assistant/admin-commands.js';
import { StateStore } from '../../src/assistant/state-store.js';
import type { ArchiveStatus } from '../../src/assistant/types.js';

const STATUS: ArchiveStatus = {
  backend: 'sqlite',
  letters: 2,
  passages: 5,
  lastSync: null,
  llmModel: null,
};

describe('AdminCommands.run', () => {
  test('refuses non-admins, audits every attempt, lets one reindex run at a time and audits how it ended', async () => {
    const store = new StateStore({ path: ':memory:' });
    let finish: (summary: string) => void = () => undefined;
    const progress: string[] = [];
    const admin = createAdminCommands({
      status: async () => STATUS,
      reindex: (onProgress) => {
        onProgress('1/2');
        return new Promise<string>((resolve) => (finish = resolve));
      },
      audit: (record) => store.audit(record),
    });
    expect(
      admin.run({ channel: 'slack', userId: 'U1', isAdmin: false, command: 'reindex' }).kind,
    ).toBe('denied');
    const status = admin.run({
      channel: 'teams',
      userId: 'teams:a',
      isAdmin: true,
      command: 'status',
    });
    if (status.kind !== 'status') throw new Error('expected status');
    expect(await status.read()).toEqual(STATUS);
    expect(
      admin.run({ channel: 'slack', userId: 'UADMIN', isAdmin: true, command: 'frobnicate' }).kind,
    ).toBe('unknown');

    const first = admin.run({
      channel: 'slack',
      userId: 'UADMIN',
      isAdmin: true,
      command: 'reindex',
    });
    if (first.kind !== 'reindex_started') throw new Error('expected a started reindex');
    const done = first.start((line) => progress.push(line));
    expect(
      admin.run({ channel: 'teams', userId: 'teams:a', isAdmin: true, command: 'reindex' }).kind,
    ).toBe('reindex_busy');
    finish('Zsynchronizowano.');
    expect(await done).toBe('Zsynchronizowano.');
    expect(progress).toEqual(['1/2']);
    expect(
      admin.run({ channel: 'teams', userId: 'teams:a', isAdmin: true, command: 'reindex' }).kind,
    ).toBe('reindex_started');

    expect(store.listAudit().map((a) => [a.channel, a.action, a.allowed])).toEqual([
      ['slack', 'reindex', false],
      ['teams', 'status', true],
      ['slack', 'frobnicate', true],
      ['slack', 'reindex', true],
      ['teams', 'reindex', true],
      ['slack', 'reindex.finished', true],
      ['teams', 'reindex', true],
    ]);
    store.close();
  });
});
