/**
 * `kancelaria ingest [DIR] [--full]`: sync an archive folder into the index,
 * with a progress bar on a terminal and quiet lines otherwise.
 *
 * With Qdrant, `--full` builds a new collection beside the live one and
 * switches the alias the bot reads in one atomic operation, so the bot keeps
 * answering from the old collection until the new one is complete. With
 * SQLite, `--full` re-indexes in place; every letter is replaced in its own
 * transaction, so readers never see a half-indexed letter either.
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

/** Runs the sync (through the composition root) and prints failures and the summary line; returns the summary. */
export async function runIngest({ config, logger, dir, full = false, out }: IngestCommandOptions): Promise<SyncSummary> {
  const app = await createApp(config, logger);
  const bar = progressBar();
  let result;
  try {
    result = await app.ingest({ ...(dir ? { dir } : {}), full, onProgress: bar.onProgress });
  } finally {
    bar.stop();
    await app.close();
  }
  const { summary, alias } = result;
  if (alias) out.write(`alias ${alias.name} → ${alias.collection}${alias.previous ? ` (dropped ${alias.previous})` : ''}\n`);
  for (const failure of summary.failures) out.write(`failed: ${failure.file}: ${failure.reason}: ${failure.message}\n`);
  out.write(`${formatSyncSummary(summary)}\n`);
  return summary;
}
