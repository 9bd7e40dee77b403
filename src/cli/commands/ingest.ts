/**
 * `kancelaria ingest [DIR] [--full]`: sync an archive folder into the index,
 * with a progress bar on a terminal and quiet lines otherwise.
 */
import path from 'node:path';
import cliProgress from 'cli-progress';
import { formatSyncSummary, syncArchive, type SyncProgress, type SyncSummary } from '../../../ingest/sync-archive.js';
import { openIndex } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export interface IngestCommandOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly dir?: string;
  readonly full?: boolean;
  /** Where human output goes (stdout). */
  readonly out: NodeJS.WriteStream;
}

/** Runs the sync and prints failures and the summary line; returns the summary. */
export async function runIngest({ config, logger, dir, full = false, out }: IngestCommandOptions): Promise<SyncSummary> {
  const archiveDir = dir ? path.resolve(dir) : config.archiveDir;
  const index = await openIndex(config, logger);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar(
        { format: 'Indeksowanie [{bar}] {value}/{total} {file}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const onProgress: SyncProgress = ({ done, total, file }) => {
    if (!bar) return;
    if (done === 1) bar.start(total, 0, { file: '' });
    bar.update(done, { file: file.length > 40 ? `…${file.slice(-39)}` : file });
  };
  try {
    const summary = await syncArchive({
      index,
      archiveDir,
      full,
      maxBytes: config.INGEST_MAX_FILE_MB * 1024 * 1024,
      maxPages: config.INGEST_MAX_PAGES,
      logger,
      onProgress,
    });
    bar?.stop();
    for (const failure of summary.failures) out.write(`failed: ${failure.file}: ${failure.reason}: ${failure.message}\n`);
    out.write(`${formatSyncSummary(summary)}\n`);
    return summary;
  } finally {
    bar?.stop();
    await index.close();
  }
}
