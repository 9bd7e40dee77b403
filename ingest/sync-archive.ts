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
import type { ArchiveIndex, Letter, LetterDigest, Passage } from '../src/archive/types.js';
import { detectLanguage } from '../src/archive/language.js';
import { IngestError, type IngestFailureReason } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { chunkPages, type ChunkOptions } from './chunk.js';
import { extractDocument, extractorFor } from './extract/extract-file.js';
import type { PageRecognizer } from './extract/ocr-pool.js';
import type { ExtractedDocument } from './extract/types.js';
import { extractMetadata } from './metadata.js';
import { readSidecar, type CsvCache, type Sidecar } from './read-sidecar.js';
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
  /** Per-file time limit for extraction (OCR included); over it the file fails with `timeout`. Unset or 0: none. */
  readonly fileTimeoutMs?: number;
  /** OCR for scanned PDF pages (an `OcrPool`); without it, image-only PDFs fail with `no_text`. */
  readonly ocr?: PageRecognizer;
  readonly chunk?: ChunkOptions;
  readonly logger: Logger;
  readonly onProgress?: SyncProgress;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
}

/** Files read ahead of the one being indexed. */
const READ_AHEAD = 16;

/** Stable letter id: hash of the path relative to the archive root. */
export function letterIdFor(relativePath: string): string {
  return createHash('sha256').update(relativePath.normalize('NFC')).digest('hex').slice(0, 20);
}

/** File id of an e-mail attachment: the e-mail's path, `#`, the attachment's name. */
export function attachmentPath(emailPath: string, fileName: string): string {
  return `${emailPath}#${fileName}`;
}

/**
 * Mixed into an e-mail's content hash. Attachments once were stored without
 * their e-mail's access group; changing the e-mail's hash makes the next sync
 * rebuild every e-mail (and so its attachments) once, closing that leak in
 * existing indexes without re-reading any other file.
 */
const EMAIL_HASH_VERSION = '\0attachments-inherit-access-v1';

/** The file's bytes plus its sidecar metadata: editing either one re-indexes the letter. */
function hashContent(bytes: Uint8Array, sidecar: Sidecar | null, { isEmail = false } = {}): string {
  const hash = createHash('sha256').update(bytes);
  if (sidecar) hash.update('\0sidecar\0').update(sidecar.fingerprint);
  if (isEmail) hash.update(EMAIL_HASH_VERSION);
  return hash.digest('hex');
}

/** E-mails are the only files whose letters carry attachments. */
function isEmailFile(relativePath: string): boolean {
  return /\.eml$/i.test(relativePath);
}

interface BuiltLetter {
  readonly letter: Letter;
  readonly passages: Passage[];
}

interface LetterInput {
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly contentHash: string;
  readonly sidecar: Sidecar | null;
  readonly attachedTo?: string;
  /**
   * An attachment's e-mail: its access group (set by the e-mail's sidecar or
   * its folder's `metadata.csv`) is the attachment's too, since whoever may not
   * read the e-mail may not read what came with it.
   */
  readonly parent?: Letter;
}

/** Describes and chunks one extracted document into a letter and its passages. */
function buildLetter(input: LetterInput, doc: ExtractedDocument, chunk: ChunkOptions | undefined): BuiltLetter {
  const id = letterIdFor(input.relativePath);
  const { text, passages } = chunkPages(id, doc.pages, chunk);
  if (passages.length === 0) throw new IngestError('no_text', 'no text could be extracted');
  const fromText = extractMetadata(text, { fileName: path.basename(input.relativePath) });
  const defined = (fields: object) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const fromFormat = Object.fromEntries(Object.entries(doc.metadata ?? {}).filter(([, v]) => v !== null && v !== undefined));
  const ocrPages = doc.pages.filter((p) => p.ocr && p.ocrConfidence !== undefined);
  const ocrConfidence =
    ocrPages.length === 0 ? undefined : Math.round((ocrPages.reduce((sum, p) => sum + (p.ocrConfidence ?? 0), 0) / ocrPages.length) * 10) / 10;
  const letter: Letter = {
    ...fromText,
    ...fromFormat,
    id,
    contentHash: input.contentHash,
    file: input.relativePath,
    source: input.absolutePath,
    url: null,
    pages: Math.max(1, doc.pages.filter((p) => p.page !== null).length),
    accessGroup: null,
    ocr: doc.pages.some((p) => p.ocr),
    language: detectLanguage(text),
    ...(ocrConfidence === undefined ? {} : { ocrConfidence }),
    ...(input.attachedTo ? { attachedTo: input.attachedTo } : {}),
    ...(input.parent ? { accessGroup: input.parent.accessGroup } : {}),
    // The archivist's word last: it overrides everything extraction guessed.
    ...defined(input.sidecar?.fields ?? {}),
  };
  return { letter, passages };
}

/** A per-file signal: the sync's own, plus the file time limit when one is set. */
function fileSignal(signal: AbortSignal | undefined, timeoutMs: number | undefined): AbortSignal | undefined {
  const signals = [signal, timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
  return signals.length <= 1 ? signals[0] : AbortSignal.any(signals);
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
  const csvCache: CsvCache = new Map();
  const total = files.length;

  const fail = (file: string, error: unknown): void => {
    counts.failed += 1;
    const reason = error instanceof IngestError ? error.reason : 'internal';
    let message = error instanceof Error ? error.message : String(error);
    if (reason === 'timeout' && !options.signal?.aborted && options.fileTimeoutMs) {
      message = `stopped after ${Math.round(options.fileTimeoutMs / 1000)} s (INGEST_FILE_TIMEOUT_S): ${message}`;
    }
    failures.push({ file, reason, message });
    if (reason === 'internal') logger.error({ err: error, file }, 'ingest failed unexpectedly');
  };
  // Attachments of an e-mail that is unchanged or unreadable keep their indexed versions.
  // Indexed attachments grouped by their e-mail's path, built once (not a scan of every letter per file).
  const attachmentsOf = new Map<string, string[]>();
  for (const digest of known.values()) {
    const hash = digest.file.indexOf('#');
    if (hash === -1) continue;
    const email = digest.file.slice(0, hash);
    attachmentsOf.set(email, [...(attachmentsOf.get(email) ?? []), digest.id]);
  }
  const keepAttachments = (relativePath: string): void => {
    for (const id of attachmentsOf.get(relativePath) ?? []) seen.add(id);
  };
  const upsert = async (built: BuiltLetter, previous: LetterDigest | undefined): Promise<void> => {
    await index.upsertLetter(built.letter, built.passages);
    counts.passages += built.passages.length;
    counts[previous ? 'updated' : 'added'] += 1;
  };

  // File reads run a few files ahead of indexing: an unchanged archive is
  // mostly I/O (read + hash every file), which one-at-a-time awaits serialise.
  const load = async (file: (typeof files)[number]) => {
    // Unknown types are reported before the file is even read.
    extractorFor(file.relativePath);
    if (file.size === 0) throw new IngestError('empty', 'the file is empty');
    if (file.size > maxBytes) {
      throw new IngestError('too_large', `${(file.size / 1e6).toFixed(1)} MB is over the ${(maxBytes / 1e6).toFixed(0)} MB limit`);
    }
    return { bytes: await fs.readFile(file.absolutePath), sidecar: await readSidecar(file.absolutePath, csvCache) };
  };
  const pending = new Map<number, ReturnType<typeof load>>();
  const readAhead = (i: number): ReturnType<typeof load> => {
    for (let j = i; j < Math.min(i + READ_AHEAD, files.length); j++) {
      if (pending.has(j)) continue;
      const loading = load(files[j]!);
      loading.catch(() => undefined); // rejections are handled when file j's turn comes
      pending.set(j, loading);
    }
    const loading = pending.get(i)!;
    pending.delete(i);
    return loading;
  };

  for (const [i, file] of files.entries()) {
    options.signal?.throwIfAborted();
    const id = letterIdFor(file.relativePath);
    seen.add(id);
    let action: SyncAction;
    try {
      const { bytes, sidecar } = await readAhead(i);
      const contentHash = hashContent(bytes, sidecar, { isEmail: isEmailFile(file.relativePath) });
      const previous = known.get(id);
      if (!full && previous && previous.contentHash === contentHash) {
        action = 'unchanged';
        keepAttachments(file.relativePath);
      } else {
        const signal = fileSignal(options.signal, options.fileTimeoutMs);
        const extractOptions = { maxPages: options.maxPages, ...(signal ? { signal } : {}), ...(options.ocr ? { ocr: options.ocr } : {}) };
        const doc = await extractDocument(file.relativePath, bytes, extractOptions);
        const built = buildLetter({ ...file, contentHash, sidecar }, doc, options.chunk);
        await upsert(built, previous);
        action = previous ? 'updated' : 'added';
        for (const attachment of doc.attachments ?? []) {
          const relativePath = attachmentPath(file.relativePath, attachment.fileName);
          const attachmentId = letterIdFor(relativePath);
          seen.add(attachmentId);
          try {
            extractorFor(attachment.fileName);
          } catch {
            continue; // Images, spreadsheets…: listed in the e-mail's text, not letters of their own.
          }
          try {
            const attachmentDoc = await extractDocument(attachment.fileName, attachment.bytes, extractOptions);
            const input = { relativePath, absolutePath: file.absolutePath, contentHash: hashContent(attachment.bytes, null), sidecar: null, attachedTo: id, parent: built.letter };
            await upsert(buildLetter(input, attachmentDoc, options.chunk), known.get(attachmentId));
          } catch (error) {
            options.signal?.throwIfAborted();
            fail(relativePath, error);
          }
        }
      }
    } catch (error) {
      action = 'failed';
      keepAttachments(file.relativePath);
      fail(file.relativePath, error);
    }
    // Added, updated and failed letters (attachments included) are counted where they happen.
    if (action === 'unchanged') counts.unchanged += 1;
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
