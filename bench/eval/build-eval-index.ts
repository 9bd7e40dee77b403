/**
 * The index an evaluation runs on: built from the corpus folder into a
 * temporary SQLite file, reused across runs while neither the corpus nor the
 * indexing code changes (the cache key hashes both), so tuning retrieval does
 * not mean re-ingesting every time, and a stale index is never used.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import type { Logger } from '../../src/logger.js';
import { scanArchive } from '../../ingest/scan-archive.js';
import { syncArchive, type SyncSummary } from '../../ingest/sync-archive.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Code whose change alters what is indexed. */
const INDEXING_CODE = ['src/archive', 'ingest'];

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, p);
    else if (entry.name.endsWith('.ts')) hash.update(p).update(fs.readFileSync(p));
  }
}

export interface EvalIndex {
  readonly index: SqliteIndex;
  /** The SQLite file, for a bench that hands the same index to another process. */
  readonly file: string;
  readonly reused: boolean;
  readonly sync: SyncSummary | null;
}

/** Opens (or builds) the evaluation index for a corpus folder. */
export async function buildEvalIndex({
  corpus,
  logger,
  fresh = false,
}: {
  corpus: string;
  logger: Logger;
  fresh?: boolean;
}): Promise<EvalIndex> {
  const hash = createHash('sha256');
  for (const f of (await scanArchive(corpus)).files) hash.update(`${f.relativePath}\0${f.size}\0`);
  for (const dir of INDEXING_CODE) hashTree(hash, path.join(ROOT, dir));
  const dir = path.join(os.tmpdir(), 'kancelaria-eval', hash.digest('hex').slice(0, 16));
  const file = path.join(dir, 'index.sqlite');
  const done = path.join(dir, 'complete');
  if (!fresh && fs.existsSync(done))
    return { index: new SqliteIndex({ path: file }), file, reused: true, sync: null };
  fs.rmSync(dir, { recursive: true, force: true });
  const index = new SqliteIndex({ path: file });
  const sync = await syncArchive({
    index,
    archiveDir: corpus,
    maxBytes: 50 * 1024 * 1024,
    maxPages: 500,
    logger,
  });
  fs.writeFileSync(done, new Date().toISOString());
  return { index, file, reused: false, sync };
}
