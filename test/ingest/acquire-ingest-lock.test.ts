import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  acquireIngestLock,
  IngestLockedError,
  LOCK_FILE,
} from '../../ingest/acquire-ingest-lock.js';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-lock-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

describe('acquireIngestLock', () => {
  test('a second writer is refused with the holder named; after release it gets the lock', async () => {
    const first = await acquireIngestLock({ dataDir, now: () => new Date('2026-01-02T03:04:05Z') });
    const held = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8')) as {
      pid: number;
      startedAt: string;
    };
    expect(held).toMatchObject({ pid: process.pid, startedAt: '2026-01-02T03:04:05.000Z' });
    const error = await acquireIngestLock({ dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestLockedError);
    expect((error as Error).message).toContain(`pid ${process.pid}`);
    expect((error as Error).message).toContain('2026-01-02T03:04:05.000Z');
    await first.release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    const second = await acquireIngestLock({ dataDir });
    expect(second.tookOverFrom).toBeNull();
    await second.release();
  });

  test('--wait waits for the holder to release', async () => {
    const first = await acquireIngestLock({ dataDir });
    const waited: number[] = [];
    const second = acquireIngestLock({
      dataDir,
      wait: true,
      pollMs: 20,
      onWait: (holder) => waited.push(holder.pid),
    });
    let isAcquired = false;
    void second.then(() => (isAcquired = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAcquired).toBe(false);
    expect(waited).toEqual([process.pid]);
    await first.release();
    await (await second).release();
    expect(isAcquired).toBe(true);
  });

  test('the stale lock of a dead process is taken over, with the dead holder reported', async () => {
    const pid = deadPid();
    fs.writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z' }),
    );
    const lock = await acquireIngestLock({ dataDir });
    expect(lock.tookOverFrom).toEqual({
      pid,
      hostname: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  test('a half-written lock (holder killed between create and write) is stale', async () => {
    fs.writeFileSync(path.join(dataDir, LOCK_FILE), '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dataDir, LOCK_FILE), old, old);
    const lock = await acquireIngestLock({ dataDir });
    expect(lock.tookOverFrom).not.toBeNull();
    await lock.release();
  });
});
