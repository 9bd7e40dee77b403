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
 * Safe by default (docs/reliability.md): one writer at a time (`--wait`
 * queues behind the holder), `--dry-run` prints the plan and writes nothing,
 * and a sync that would delete more than INGEST_MAX_DELETE_SHARE of the
 * index stops before writing unless `--allow-deletions`.
 */
import cliProgress from 'cli-progress';
import type { SyncProgress, SyncSummary } from '../../../ingest/sync-archive.js';
import { formatSyncSummary } from '../../../ingest/sync-archive.js';
import { createApp } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export interface IngestCommandOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly dir?: string;
  readonly full?: boolean;
  readonly dryRun?: boolean;
  readonly allowDeletions?: boolean;
  readonly wait?: boolean;
  readonly verify?: boolean;
  /** Where human output goes (stdout). */
  readonly out: NodeJS.WritableStream;
}

function progressBar(): { onProgress: SyncProgress; stop(): void } {
  if (!process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: 'Indeksowanie [{bar}] {value}/{total} {file}',
      hideCursor: true,
      clearOnComplete: true,
      stream: process.stderr,
    },
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

/** Runs the sync (through the composition root) and prints failures and the summary line; returns the summary. */
export async function runIngest({
  config,
  logger,
  dir,
  full = false,
  dryRun = false,
  allowDeletions = false,
  wait = false,
  verify = false,
  out,
}: IngestCommandOptions): Promise<SyncSummary> {
  const app = await createApp(config, logger);
  const bar = progressBar();
  let result;
  try {
    result = await app.ingest({
      ...(dir ? { dir } : {}),
      full,
      dryRun,
      allowDeletions,
      wait,
      verify,
      onWait: (holder) =>
        out.write(
          `waiting for the ingest running as pid ${holder.pid} (since ${holder.startedAt})…\n`,
        ),
      onProgress: bar.onProgress,
    });
  } finally {
    bar.stop();
    await app.close();
  }
  const { summary, alias, tookOverFrom } = result;
  if (tookOverFrom)
    out.write(
      `note: took over the stale lock of pid ${tookOverFrom.pid} (since ${tookOverFrom.startedAt}), which is no longer running\n`,
    );
  if (alias)
    out.write(
      `alias ${alias.name} → ${alias.collection}${alias.previous ? ` (dropped ${alias.previous})` : ''}\n`,
    );
  for (const failure of summary.failures)
    out.write(`failed: ${failure.file}: ${failure.reason}: ${failure.message}\n`);
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
