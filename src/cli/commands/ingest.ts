/**
 * `kancelaria ingest [DIR] [--full]`: sync an archive folder into the index,
 * with a progress bar on a terminal and quiet lines otherwise.
 *
 * With Qdrant, `--full` builds a new collection beside the live one and
 * switches the alias the bot reads in one atomic operation, so the bot keeps
 * answering from the old collection until the new one is complete. With
 * SQLite, `--full` re-indexes in place; every letter is replaced in its own
 * transaction, so readers never see a half-indexed letter either.
 *
 * Safe by default: one writer at a time (`DATA_DIR/ingest.lock`; `--wait`
 * queues behind the holder), `--dry-run` prints the plan and writes nothing,
 * and a sync that would delete more than INGEST_MAX_DELETE_SHARE of the
 * index stops before writing unless `--allow-deletions`.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { createOcrPool } from '../../../ingest/extract/ocr-pool.js';
import { acquireIngestLock } from '../../../ingest/acquire-ingest-lock.js';
import { formatSyncSummary, syncArchive, type SyncProgress, type SyncSummary } from '../../../ingest/sync-archive.js';
import { createQdrantClient } from '../../archive/open-qdrant-index.js';
import { collectionSettingsFromConfig } from '../../archive/qdrant-collection.js';
import { beginRebuild } from '../../archive/qdrant-rebuild.js';
import type { ArchiveIndex } from '../../archive/types.js';
import { ingestLimits, openIndex } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export interface IngestCommandOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** The archive folder; required (the caller has already fallen back to ARCHIVE_DIR). */
  readonly dir: string;
  readonly full?: boolean;
  /** Print what would change; write nothing. */
  readonly dryRun?: boolean;
  /** Allow a sync that deletes more than INGEST_MAX_DELETE_SHARE of the index. */
  readonly allowDeletions?: boolean;
  /** Wait for another ingest to finish instead of failing. */
  readonly wait?: boolean;
  /** Where human output goes (stdout). */
  readonly out: NodeJS.WritableStream;
}

function progressBar(): { onProgress: SyncProgress; stop(): void } {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: 'Indeksowanie [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  return {
    onProgress: ({ done, total, file }) => {
      if (done === 1) bar.start(total, 0, { file: '' });
      bar.update(done, { file: file.length > 40 ? `…${file.slice(-39)}` : file });
    },
    stop: () => bar.stop(),
  };
}

/** Runs the sync and prints failures and the summary line; returns the summary. */
export async function runIngest({ config, logger, dir, full = false, dryRun = false, allowDeletions = false, wait = false, out }: IngestCommandOptions): Promise<SyncSummary> {
  const archiveDir = path.resolve(dir);
  // Taken before the index is opened: a second writer must not even start.
  const lock = await acquireIngestLock({
    dataDir: config.dataDir,
    wait,
    onWait: (holder) => out.write(`waiting for the ingest running as pid ${holder.pid} (since ${holder.startedAt})…\n`),
  });
  if (lock.tookOverFrom) {
    out.write(`note: took over the stale lock of pid ${lock.tookOverFrom.pid} (since ${lock.tookOverFrom.startedAt}), which is no longer running\n`);
  }
  try {
    return await syncLocked({ config, logger, archiveDir, full, dryRun, allowDeletions, out });
  } finally {
    await lock.release();
  }
}

async function syncLocked({
  config,
  logger,
  archiveDir,
  full,
  dryRun,
  allowDeletions,
  out,
}: Omit<IngestCommandOptions, 'dir' | 'wait'> & { archiveDir: string; full: boolean; dryRun: boolean; allowDeletions: boolean }): Promise<SyncSummary> {
  const bar = progressBar();
  // Workers start only when a scanned page needs them.
  const ocr = config.OCR_ENABLED ? createOcrPool({ workers: config.OCR_WORKERS }) : null;
  const sync = (index: ArchiveIndex, isFull: boolean) =>
    syncArchive({ index, archiveDir, full: isFull, dryRun, allowDeletions, ...ingestLimits(config), ...(ocr ? { ocr } : {}), logger, onProgress: bar.onProgress });
  let summary: SyncSummary;
  try {
    if (full && !dryRun && config.INDEX_BACKEND === 'qdrant') {
      const rebuild = await beginRebuild({
        client: createQdrantClient(config),
        alias: config.QDRANT_COLLECTION,
        settings: collectionSettingsFromConfig(config),
        logger,
      });
      try {
        summary = await sync(rebuild.index, true);
        const switched = await rebuild.commit();
        out.write(`alias ${config.QDRANT_COLLECTION} → ${switched.collection}${switched.previous ? ` (dropped ${switched.previous})` : ''}\n`);
      } catch (error) {
        await rebuild.abort();
        throw error;
      }
    } else {
      const index = await openIndex(config, logger);
      try {
        summary = await sync(index, full);
      } finally {
        await index.close();
      }
    }
  } finally {
    bar.stop();
    await ocr?.close();
  }
  for (const failure of summary.failures) out.write(`failed: ${failure.file}: ${failure.reason}: ${failure.message}\n`);
  if (summary.plan) {
    for (const file of summary.plan.add) out.write(`would add: ${file}\n`);
    for (const file of summary.plan.update) out.write(`would update: ${file}\n`);
    for (const file of summary.plan.delete) out.write(`would delete: ${file}\n`);
    out.write(`dry run, nothing written: ${formatSyncSummary(summary)}\n`);
    return summary;
  }
  out.write(`${formatSyncSummary(summary)}\n`);
  return summary;
}
