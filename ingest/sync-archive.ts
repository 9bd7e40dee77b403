/**
 * Incremental sync of an archive folder into the index: new and changed
 * letters are (re)indexed, removed ones deleted, unchanged ones skipped by
 * content hash. Each letter is replaced atomically, so an interrupted sync
 * leaves a consistent index and the next run simply carries on.
 *
 * A file that cannot be read is reported with its reason and skipped; it
 * never stops the others, and a letter indexed earlier is not deleted just
 * because its new version fails (nothing is lost on bad input).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveIndex, Letter } from '../src/archive/types.js';
import { detectLanguage } from '../src/archive/language.js';
import { IngestError, type IngestFailureReason } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { chunkPages, type ChunkOptions } from './chunk.js';
import { extractorFor } from './extract/extract-file.js';
import { extractMetadata } from './metadata.js';
import { scanArchive } from './scan-archive.js';

export type SyncAction = 'added' | 'updated' | 'unchanged' | 'deleted' | 'failed';

export interface SyncFailure {
  readonly file: string;
  readonly reason: IngestFailureReason | 'internal';
  readonly message: string;
}

export interface SyncSummary {
  readonly added: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly failures: readonly SyncFailure[];
  readonly letters: number;
  readonly passages: number;
  readonly durationMs: number;
}

/** Progress callback: one call per file, after it is handled. */
export type SyncProgress = (event: { readonly done: number; readonly total: number; readonly file: string; readonly action: SyncAction }) => void;

export interface SyncArchiveOptions {
  readonly index: ArchiveIndex;
  readonly archiveDir: string;
  /** Re-index every file even when unchanged. */
  readonly full?: boolean;
  readonly maxBytes: number;
  readonly maxPages: number;
  readonly chunk?: ChunkOptions;
  readonly logger: Logger;
  readonly onProgress?: SyncProgress;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

/** Stable letter id: hash of the path relative to the archive root. */
export function letterIdFor(relativePath: string): string {
  return createHash('sha256').update(relativePath.normalize('NFC')).digest('hex').slice(0, 20);
}

function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads, extracts, describes and chunks one file into a letter and its passages. */
async function buildLetter(
  file: { relativePath: string; absolutePath: string },
  bytes: Uint8Array,
  options: Pick<SyncArchiveOptions, 'maxPages' | 'chunk' | 'signal'>,
) {
  const id = letterIdFor(file.relativePath);
  const extract = extractorFor(file.relativePath);
  const doc = await extract(bytes, { maxPages: options.maxPages, ...(options.signal ? { signal: options.signal } : {}) });
  const { text, passages } = chunkPages(id, doc.pages, options.chunk);
  if (passages.length === 0) throw new IngestError('no_text', 'no text could be extracted');
  const fromText = extractMetadata(text, { fileName: path.basename(file.relativePath) });
  const fromFormat = Object.fromEntries(Object.entries(doc.metadata ?? {}).filter(([, v]) => v !== null && v !== undefined));
  const letter: Letter = {
    ...fromText,
    ...fromFormat,
    id,
    contentHash: hashBytes(bytes),
    file: file.relativePath,
    source: file.absolutePath,
    url: null,
    pages: Math.max(1, doc.pages.filter((p) => p.page !== null).length),
    accessGroup: null,
    ocr: doc.pages.some((p) => p.ocr),
    language: detectLanguage(text),
  };
  return { letter, passages };
}

/** Brings the index in line with the archive folder. */
export async function syncArchive(options: SyncArchiveOptions): Promise<SyncSummary> {
  const { index, archiveDir, full = false, maxBytes, logger, onProgress, now = () => new Date() } = options;
  const started = Date.now();
  const files = await scanArchive(archiveDir);
  const known = new Map((await index.listLetters()).map((d) => [d.id, d]));
  const seen = new Set<string>();
  const counts = { added: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0, passages: 0 };
  const failures: SyncFailure[] = [];
  const total = files.length;

  for (const [i, file] of files.entries()) {
    options.signal?.throwIfAborted();
    const id = letterIdFor(file.relativePath);
    seen.add(id);
    let action: SyncAction;
    try {
      // Unknown types are reported before the file is even read.
      extractorFor(file.relativePath);
      if (file.size === 0) throw new IngestError('empty', 'the file is empty');
      if (file.size > maxBytes) {
        throw new IngestError('too_large', `${(file.size / 1e6).toFixed(1)} MB is over the ${(maxBytes / 1e6).toFixed(0)} MB limit`);
      }
      const bytes = await fs.readFile(file.absolutePath);
      const previous = known.get(id);
      if (!full && previous && previous.contentHash === hashBytes(bytes)) {
        action = 'unchanged';
      } else {
        const { letter, passages } = await buildLetter(file, bytes, options);
        await index.upsertLetter(letter, passages);
        counts.passages += passages.length;
        action = previous ? 'updated' : 'added';
      }
    } catch (error) {
      action = 'failed';
      const reason = error instanceof IngestError ? error.reason : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ file: file.relativePath, reason, message });
      if (reason === 'internal') logger.error({ err: error, file: file.relativePath }, 'ingest failed unexpectedly');
    }
    counts[action] += 1;
    onProgress?.({ done: i + 1, total, file: file.relativePath, action });
  }

  for (const id of known.keys()) {
    if (!seen.has(id)) {
      await index.deleteLetter(id);
      counts.deleted += 1;
    }
  }
  await index.markSynced(now());
  const stats = await index.stats();
  return {
    added: counts.added,
    updated: counts.updated,
    deleted: counts.deleted,
    unchanged: counts.unchanged,
    failed: counts.failed,
    failures,
    letters: stats.letters,
    passages: stats.passages,
    durationMs: Date.now() - started,
  };
}

/** The one summary line printed after a sync. */
export function formatSyncSummary(s: SyncSummary): string {
  return (
    `added ${s.added}, updated ${s.updated}, deleted ${s.deleted}, unchanged ${s.unchanged}, failed ${s.failed}` +
    ` — index: ${s.letters} letters, ${s.passages} passages (${(s.durationMs / 1000).toFixed(2)} s)`
  );
}
