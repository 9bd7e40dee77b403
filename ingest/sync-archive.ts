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
import { availableParallelism } from 'node:os';
import type { ArchiveIndex, LetterDigest, LetterUpsert } from '../src/archive/types.js';
import { IngestError, type IngestFailureReason } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import {
  finishContentHash,
  isEmailFile,
  letterIdFor,
  type BuildLettersResult,
  type BuiltLetter,
} from './build-letter.js';
import type { ChunkOptions } from './chunk.js';
import {
  createExtractionWorker,
  ExtractionWorkerStartError,
  type ExtractionWorker,
} from './extract-in-worker.js';
import { extractorFor, hashFileLimited } from './extract/extract-file.js';
import type { FileHashCache, FileStamp } from './file-hash-cache.js';
import type { PageRecognizer } from './extract/ocr-pool.js';
import { readSidecar, type CsvCache } from './read-sidecar.js';
import { scanArchive } from './scan-archive.js';

export type SyncAction = 'added' | 'updated' | 'unchanged' | 'deleted' | 'failed';

export interface SyncFailure {
  readonly file: string;
  readonly reason: IngestFailureReason | 'internal';
  readonly message: string;
}

/** What a dry run found: the files each step would touch. */
export interface SyncPlan {
  readonly add: readonly string[];
  readonly update: readonly string[];
  readonly delete: readonly string[];
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
  /** Set on a dry run: nothing was written, the counts are what a sync would do. */
  readonly plan?: SyncPlan;
}

/** Progress callback: one call per file, after it is handled. */
export type SyncProgress = (event: {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly action: SyncAction;
}) => void;

export interface SyncArchiveOptions {
  readonly index: ArchiveIndex;
  readonly archiveDir: string;
  /** Re-index every file even when unchanged. */
  readonly full?: boolean;
  /** Read and compare only; write nothing and return the plan. */
  readonly dryRun?: boolean;
  /**
   * Stop before writing anything when the sync would delete more than this
   * share (0–1) of the indexed letters, unless `allowDeletions`; unset: no guard.
   */
  readonly maxDeleteShare?: number;
  readonly allowDeletions?: boolean;
  /**
   * Content hashes by size and mtime from earlier syncs: an unchanged file is
   * not read again. Unset: every file is hashed (tests, the bench's peers).
   */
  readonly hashCache?: FileHashCache;
  /** Hash every file even where the cache knows it (`ingest --verify`); the cache is refreshed. */
  readonly verify?: boolean;
  readonly maxBytes: number;
  readonly maxPages: number;
  /** Longer extracted texts fail with `too_long` (INGEST_MAX_TEXT_CHARS). */
  readonly maxChars?: number;
  /** Per-file time limit for extraction (OCR included); over it the worker is killed and the file fails with `timeout`. Unset or 0: none. */
  readonly fileTimeoutMs?: number;
  /** Heap cap of the extraction worker in MB (default 256); over it the file fails with `memory_limit`. */
  readonly fileMemoryMb?: number;
  /** OCR for scanned PDF pages (an `OcrPool`); without it, image-only PDFs fail with `no_text`. */
  readonly ocr?: PageRecognizer;
  readonly chunk?: ChunkOptions;
  /**
   * Extraction workers building letters side by side (each a child process with its own heap cap);
   * default: one per core, at most 4. The main thread only hashes, decides and writes.
   */
  readonly workers?: number;
  readonly logger: Logger;
  readonly onProgress?: SyncProgress;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

/** Thrown before any write when a sync would delete more than the allowed share of the index. */
export class DeletionGuardError extends Error {
  readonly deletions: number;
  readonly indexed: number;
  constructor(deletions: number, indexed: number, maxShare: number, archiveDir: string) {
    super(
      `the sync of ${archiveDir} would delete ${deletions} of ${indexed} indexed letters (${Math.round((deletions / indexed) * 100)} %, more than ${Math.round(maxShare * 100)} %, INGEST_MAX_DELETE_SHARE); ` +
        'check the folder (see the plan with --dry-run) and pass --allow-deletions if this is intended; nothing was changed',
    );
    this.name = 'DeletionGuardError';
    this.deletions = deletions;
    this.indexed = indexed;
  }
}

/** Files read ahead of the one being indexed… */
const READ_AHEAD = 16;
/** …as long as their bytes together stay under this (hashed as streams, no buffers kept; this only bounds concurrent reads). */
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/** Letters written per transaction at most… */
const BATCH_LETTERS = 200;
/** …and passages (a few large letters make a batch too); */
const BATCH_PASSAGES = 5000;
/** …and a batch is committed at the latest this long after its first letter, so the bot sees new letters soon. */
const BATCH_MS = 1000;

/** Default `SyncArchiveOptions.workers`: one per core, at most 4 (each worker holds its own dictionary). */
const defaultWorkers = (): number => Math.max(1, Math.min(4, availableParallelism()));

/** Up to `size` extraction workers, started when the builds need them (a no-op sync starts none). */
function createWorkerPool(size: number, start: () => ExtractionWorker) {
  const idle: ExtractionWorker[] = [];
  const all: ExtractionWorker[] = [];
  const waiting: ((worker: ExtractionWorker) => void)[] = [];
  const acquire = (): Promise<ExtractionWorker> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (all.length < size) {
      const worker = start();
      all.push(worker);
      return Promise.resolve(worker);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (worker: ExtractionWorker): void => {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  };
  return {
    async build(...args: Parameters<ExtractionWorker['build']>) {
      const worker = await acquire();
      try {
        return await worker.build(...args);
      } finally {
        release(worker);
      }
    },
    close: async (): Promise<void> => {
      await Promise.all(all.map((worker) => worker.close()));
    },
  };
}

/** The e-mail path of an attachment's file id (`mail.eml#a.pdf` → `mail.eml`), or the path itself. */
const parentFile = (file: string): string => {
  const hash = file.indexOf('#');
  return hash === -1 ? file : file.slice(0, hash);
};

/** Brings the index in line with the archive folder. */
export async function syncArchive(options: SyncArchiveOptions): Promise<SyncSummary> {
  const {
    index,
    archiveDir,
    full = false,
    dryRun = false,
    hashCache,
    verify = false,
    maxBytes,
    logger,
    onProgress,
    now = () => new Date(),
  } = options;
  const started = Date.now();
  const { files, problems } = await scanArchive(archiveDir);
  const known = new Map((await index.listLetters()).map((d) => [d.id, d]));
  const seen = new Set<string>();
  const counts = { added: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0, passages: 0 };
  const failures: SyncFailure[] = [];
  const csvCache: CsvCache = new Map();
  const total = files.length;
  const plan = { add: [] as string[], update: [] as string[], delete: [] as string[] };

  const fail = (file: string, error: unknown): void => {
    counts.failed += 1;
    const reason = error instanceof IngestError ? error.reason : 'internal';
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ file, reason, message });
    if (reason === 'internal') logger.error({ err: error, file }, 'ingest failed unexpectedly');
  };

  // What the scan could not list is reported, and what was indexed from it is kept.
  const keptFolders = problems.filter((p) => p.isFolder).map((p) => `${p.relativePath}/`);
  for (const p of problems) fail(p.relativePath, new IngestError(p.reason, p.message));
  const listed = new Set([
    ...files.map((f) => f.relativePath),
    ...problems.filter((p) => !p.isFolder).map((p) => p.relativePath),
  ]);
  const isKept = (digest: LetterDigest): boolean => {
    const file = parentFile(digest.file).normalize('NFC');
    return listed.has(file) || keptFolders.some((folder) => file.startsWith(folder));
  };
  const doomed = [...known.values()].filter((d) => !isKept(d));
  // Decided on paths alone, before anything is written: a wrong folder must not cost the index.
  if (
    options.maxDeleteShare !== undefined &&
    !options.allowDeletions &&
    !dryRun &&
    known.size > 0 &&
    doomed.length / known.size > options.maxDeleteShare
  ) {
    throw new DeletionGuardError(doomed.length, known.size, options.maxDeleteShare, archiveDir);
  }
  const problemFiles = new Set(problems.filter((p) => !p.isFolder).map((p) => p.relativePath));
  for (const digest of known.values()) {
    const file = parentFile(digest.file).normalize('NFC');
    if (problemFiles.has(file) || keptFolders.some((folder) => file.startsWith(folder)))
      seen.add(digest.id);
  }

  // Attachments of an e-mail that is unchanged or unreadable keep their indexed versions.
  // Indexed attachments grouped by their e-mail's path, built once (not a scan of every letter per file).
  const attachmentsOf = new Map<string, string[]>();
  for (const digest of known.values()) {
    if (!digest.file.includes('#')) continue;
    const email = parentFile(digest.file);
    attachmentsOf.set(email, [...(attachmentsOf.get(email) ?? []), digest.id]);
  }
  // Letters are written in batches, one transaction each (a commit per letter was most of the
  // write cost); each letter is still written whole, so an interrupted sync leaves a consistent index.
  const batch: LetterUpsert[] = [];
  let batchPassages = 0;
  let batchStarted = 0;
  /** Ids written by this sync: a second letter with one id (two attachments of one name) replaces the first. */
  const written = new Set<string>();
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const letters = batch.splice(0);
    batchPassages = 0;
    // Not caught per file: an index that cannot be written (`database is locked`, disk full) ends the sync with an error.
    if (index.upsertLetters) await index.upsertLetters(letters);
    else for (const l of letters) await index.upsertLetter(l.letter, l.passages, l.options);
  };
  const upsert = async (built: BuiltLetter, previous: LetterDigest | undefined): Promise<void> => {
    const id = built.letter.id;
    batch.push({
      letter: built.letter,
      passages: built.passages,
      options: {
        ...(built.terms ? { terms: built.terms } : {}),
        ...(!previous && !written.has(id) ? { isNew: true } : {}),
      },
    });
    written.add(id);
    if (batch.length === 1) batchStarted = Date.now();
    batchPassages += built.passages.length;
    counts.passages += built.passages.length;
    counts[previous ? 'updated' : 'added'] += 1;
    if (
      batch.length >= BATCH_LETTERS ||
      batchPassages >= BATCH_PASSAGES ||
      Date.now() - batchStarted >= BATCH_MS
    )
      await flush();
  };

  // File reads run a few files ahead of indexing: an unchanged archive is
  // mostly I/O (read + hash every file), which one-at-a-time awaits serialise.
  const load = async (file: (typeof files)[number]) => {
    // Unknown types are reported before the file is even read.
    extractorFor(file.relativePath);
    try {
      const sidecar = await readSidecar(file.absolutePath, csvCache, file.sidecars);
      const stamp: FileStamp = {
        relativePath: file.relativePath,
        size: file.size,
        mtimeMs: file.mtimeMs,
        sidecar: sidecar?.fingerprint ?? null,
      };
      const cached = verify ? undefined : hashCache?.get(stamp);
      if (cached !== undefined) return { contentHash: cached, sidecar };
      const contentHash = finishContentHash(
        await hashFileLimited(file.absolutePath, maxBytes),
        sidecar?.fingerprint ?? null,
        { isEmail: isEmailFile(file.relativePath) },
      );
      // The scan's stamp, not a later one: a file changed after the scan gets a new mtime and is hashed next time.
      if (!dryRun) hashCache?.set(stamp, contentHash);
      return { contentHash, sidecar };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM')
        throw new IngestError(
          'unreadable',
          `the file cannot be read (${code}); its indexed version is kept`,
          { cause: error },
        );
      if (code === 'ENOENT')
        throw new IngestError(
          'unreadable',
          'the file disappeared during the sync; its indexed version is kept',
          { cause: error },
        );
      if (code === 'EISDIR')
        throw new IngestError('special_file', 'a folder, not a file', { cause: error });
      throw error;
    }
  };
  const ids: string[] = [];
  const idOf = (i: number): string => (ids[i] ??= letterIdFor(files[i]!.relativePath));
  /**
   * The quick check without a promise: a file with no sidecar whose size and mtime the hash cache
   * knows, with the hash the index holds, is unchanged. Most files of a re-sync are; the general
   * path (sidecar look-up, read-ahead, staging) cost several promises each (issue 16). 1 = quick.
   */
  const quick = new Int8Array(files.length);
  const isQuickUnchanged = (i: number): boolean => {
    if (quick[i] === 0) quick[i] = quickCheck(i) ? 1 : -1;
    return quick[i] === 1;
  };
  const quickCheck = (i: number): boolean => {
    const file = files[i]!;
    if (full || verify || !hashCache || !file.sidecars || file.sidecars.json || file.sidecars.csv)
      return false;
    const previous = known.get(idOf(i));
    if (!previous) return false;
    try {
      extractorFor(file.relativePath); // a type no longer read is reported, as on the general path
    } catch {
      return false;
    }
    const stamp = { relativePath: file.relativePath, size: file.size, mtimeMs: file.mtimeMs };
    return hashCache.get({ ...stamp, sidecar: null }) === previous.contentHash;
  };
  const pending = new Map<number, ReturnType<typeof load>>();
  const readAhead = (i: number): ReturnType<typeof load> => {
    let bytesAhead = 0;
    for (let j = i; j < Math.min(i + READ_AHEAD, files.length); j++) {
      if (j > i && isQuickUnchanged(j)) continue;
      bytesAhead += files[j]!.size;
      if (j > i && bytesAhead > READ_AHEAD_BYTES) break;
      if (pending.has(j)) continue;
      const loading = load(files[j]!);
      loading.catch(() => undefined); // rejections are handled when file j's turn comes
      pending.set(j, loading);
    }
    const loading = pending.get(i)!;
    pending.delete(i);
    return loading;
  };

  const workers = createWorkerPool(options.workers ?? defaultWorkers(), () =>
    createExtractionWorker({
      maxPages: options.maxPages,
      ...(options.maxChars ? { maxChars: options.maxChars } : {}),
      maxBytes,
      memoryMb: options.fileMemoryMb ?? 256,
      logger,
      ...(options.fileTimeoutMs ? { fileTimeoutMs: options.fileTimeoutMs } : {}),
      ...(options.ocr ? { ocr: options.ocr } : {}),
      ...(options.chunk ? { chunk: options.chunk } : {}),
    }),
  );

  type Outcome =
    | { readonly action: 'unchanged' | 'added' | 'updated'; readonly built: null }
    | { readonly action: 'added' | 'updated'; readonly built: BuildLettersResult };
  /** One file read, compared and (when new or changed) built; a few run ahead, one per worker. */
  const stage = async (i: number): Promise<Outcome> => {
    const file = files[i]!;
    const previous = known.get(idOf(i));
    const { contentHash, sidecar } = await readAhead(i);
    if (!full && previous && previous.contentHash === contentHash)
      return { action: 'unchanged', built: null };
    const action = previous ? 'updated' : 'added';
    if (dryRun) return { action, built: null };
    const input = {
      relativePath: file.relativePath,
      absolutePath: file.absolutePath,
      contentHash,
      sidecarFields: sidecar?.fields ?? null,
    };
    return { action, built: await workers.build(input, options.signal) };
  };
  const buildAhead = Math.max(1, options.workers ?? defaultWorkers());
  const staged = new Map<number, Promise<Outcome> | Outcome>();
  const UNCHANGED: Outcome = { action: 'unchanged', built: null };
  let nextStaged = 0;

  try {
    for (const [i, file] of files.entries()) {
      options.signal?.throwIfAborted();
      for (; nextStaged < Math.min(i + buildAhead, files.length); nextStaged++) {
        if (isQuickUnchanged(nextStaged)) {
          staged.set(nextStaged, UNCHANGED);
          continue;
        }
        const staging = stage(nextStaged);
        staging.catch(() => undefined); // rejections are handled when the file's turn comes
        staged.set(nextStaged, staging);
      }
      const id = idOf(i);
      seen.add(id);
      const previous = known.get(id);
      let action: SyncAction;
      let built: BuildLettersResult | null = null;
      try {
        const staging = staged.get(i)!;
        const outcome = staging instanceof Promise ? await staging : staging;
        action = outcome.action;
        built = outcome.built;
        if (dryRun && action !== 'unchanged')
          plan[previous ? 'update' : 'add'].push(file.relativePath);
      } catch (error) {
        options.signal?.throwIfAborted();
        if (error instanceof ExtractionWorkerStartError) throw error;
        action = 'failed';
        fail(file.relativePath, error);
      } finally {
        staged.delete(i);
      }
      if (action === 'unchanged' || action === 'failed' || dryRun) {
        for (const attachmentId of attachmentsOf.get(file.relativePath) ?? [])
          seen.add(attachmentId);
        if (action === 'unchanged') counts.unchanged += 1;
        if (dryRun && action !== 'unchanged' && action !== 'failed') counts[action] += 1;
      } else if (built) {
        await upsert(built.main, previous);
        for (const attachmentId of built.attachmentIds) seen.add(attachmentId);
        for (const attachment of built.attachments)
          await upsert(attachment, known.get(attachment.letter.id));
        for (const failure of built.attachmentFailures) fail(failure.relativePath, failure.error);
      }
      onProgress?.({ done: i + 1, total, file: file.relativePath, action });
    }
    await flush();
  } catch (error) {
    // What was built before the stop is kept (each letter whole), as when every letter had its own transaction.
    await flush().catch(() => undefined);
    throw error;
  } finally {
    await workers.close();
  }

  for (const [id, digest] of known) {
    if (seen.has(id)) continue;
    counts.deleted += 1;
    if (dryRun) plan.delete.push(digest.file);
    else await index.deleteLetter(id);
  }
  if (!dryRun) {
    await index.markSynced(now());
    hashCache?.flush(new Set(files.map((f) => f.relativePath)));
  }
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
    ...(dryRun ? { plan } : {}),
  };
}

/** The one summary line printed after a sync. */
export function formatSyncSummary(s: SyncSummary): string {
  return (
    `added ${s.added}, updated ${s.updated}, deleted ${s.deleted}, unchanged ${s.unchanged}, failed ${s.failed}` +
    ` — index: ${s.letters} letters, ${s.passages} passages (${(s.durationMs / 1000).toFixed(2)} s)`
  );
}
