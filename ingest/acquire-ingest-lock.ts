/**
 * One writer at a time: every sync of an index (`kancelaria ingest`, the chat
 * `reindex`) holds `DATA_DIR/ingest.lock`, a file created exclusively with
 * the holder's pid, host and start time. Two concurrent writers used to race
 * on SQLite (`database is locked`) and lose letters; now the second one is
 * told who holds the lock, or waits for it. A lock whose pid is dead on this
 * host (a killed ingest) is stale and taken over, with a note.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** The lock file's name inside DATA_DIR. */
export const LOCK_FILE = 'ingest.lock';

const holderSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
});
export type LockHolder = z.infer<typeof holderSchema>;

/** Thrown when another live process holds the lock (and the caller did not wait). */
export class IngestLockedError extends Error {
  readonly holder: LockHolder;
  readonly lockPath: string;
  constructor(holder: LockHolder, lockPath: string) {
    super(
      `another ingest is running (pid ${holder.pid} on ${holder.hostname}, since ${holder.startedAt}; lock ${lockPath}); wait for it or pass --wait`,
    );
    this.name = 'IngestLockedError';
    this.holder = holder;
    this.lockPath = lockPath;
  }
}

export interface IngestLock {
  readonly path: string;
  /** The dead holder whose stale lock was taken over, if any. */
  readonly tookOverFrom: LockHolder | null;
  release(): Promise<void>;
}

export interface AcquireIngestLockOptions {
  readonly dataDir: string;
  /** Wait for a live holder instead of failing. */
  readonly wait?: boolean;
  readonly pollMs?: number;
  /** Called once when waiting starts. */
  readonly onWait?: (holder: LockHolder) => void;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(lockPath: string): Promise<LockHolder | null | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return holderSchema.parse(JSON.parse(text));
  } catch {
    // Written half (the holder was killed between open and write): nobody can be holding it meaningfully.
    return 'unreadable';
  }
}

/**
 * Moves a stale lock away. Renamed, not deleted, and checked after the move:
 * when two processes take over the same stale lock, the slower one may have
 * moved the faster one's fresh lock, and puts it back.
 */
async function removeStale(lockPath: string, stale: LockHolder | 'unreadable'): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}`;
  try {
    await fs.rename(lockPath, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readHolder(aside);
  const isSame =
    moved === stale ||
    (moved !== null &&
      moved !== 'unreadable' &&
      stale !== 'unreadable' &&
      moved.pid === stale.pid &&
      moved.startedAt === stale.startedAt);
  if (!isSame) await fs.link(aside, lockPath).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

/**
 * Takes the ingest lock of a data folder.
 * @throws IngestLockedError when a live process holds it and `wait` is off.
 */
export async function acquireIngestLock({
  dataDir,
  wait = false,
  pollMs = 500,
  onWait,
  now = () => new Date(),
  signal,
}: AcquireIngestLockOptions): Promise<IngestLock> {
  await fs.mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const me: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: now().toISOString(),
  };
  let tookOverFrom: LockHolder | null = null;
  let isWaiting = false;
  for (;;) {
    signal?.throwIfAborted();
    try {
      // Written whole under a private name, then linked into place: link fails if the lock exists,
      // and a reader never sees a lock file that is still empty.
      const draft = `${lockPath}.${process.pid}.tmp`;
      await fs.writeFile(draft, JSON.stringify(me));
      try {
        await fs.link(draft, lockPath);
      } finally {
        await fs.rm(draft, { force: true });
      }
      let released = false;
      return {
        path: lockPath,
        tookOverFrom,
        async release() {
          if (released) return;
          released = true;
          // Only our own lock is removed (a takeover after a pause must not be undone).
          const holder = await readHolder(lockPath);
          if (
            holder !== null &&
            holder !== 'unreadable' &&
            holder.pid === me.pid &&
            holder.startedAt === me.startedAt
          )
            await fs.rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(lockPath);
    if (holder === null) continue; // released in between
    if (holder === 'unreadable') {
      // Possibly a holder between creating and writing it: only an old empty lock is stale.
      const age = await fs.stat(lockPath).then(
        (st) => Date.now() - st.mtimeMs,
        () => Infinity,
      );
      if (age < 2000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
    }
    const isStale =
      holder === 'unreadable' || (holder.hostname === os.hostname() && !isAlive(holder.pid));
    if (isStale) {
      tookOverFrom =
        holder === 'unreadable' ? { pid: 0, hostname: 'unknown', startedAt: 'unknown' } : holder;
      await removeStale(lockPath, holder);
      continue;
    }
    if (!wait) throw new IngestLockedError(holder, lockPath);
    if (!isWaiting) {
      isWaiting = true;
      onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
