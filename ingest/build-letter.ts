/**
 * One archive file's bytes → the letters it holds (itself, plus e-mail
 * attachments) with their passages: extraction, chunking and metadata. This
 * is the CPU- and memory-hungry part of a sync, so it runs inside the
 * extraction worker (`extract-in-worker.ts`), where a hostile file can be
 * stopped by a real timeout and a heap cap without stopping the sync.
 */
import { createHash, type Hash } from 'node:crypto';
import path from 'node:path';
import type { AnalysedLetter, Letter, Passage } from '../src/archive/types.js';
import { detectLanguage } from '../src/archive/language.js';
import { IngestError } from '../src/errors.js';
import { chunkPages, type ChunkOptions } from './chunk.js';
import { extractDocument, extractorFor } from './extract/extract-file.js';
import type { PageRecognizer } from './extract/ocr-pool.js';
import type { ExtractedDocument } from './extract/types.js';
import { extractMetadata } from './metadata.js';
import type { SidecarFields } from './read-sidecar.js';

/** Stable letter id: hash of the path relative to the archive root (NFC, so NFD twins of a name share it). */
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

/** E-mails are the only files whose letters carry attachments. */
export function isEmailFile(relativePath: string): boolean {
  return /\.eml$/i.test(relativePath);
}

/** The file's bytes plus its sidecar metadata: editing either one re-indexes the letter. */
export function hashContent(
  bytes: Uint8Array,
  sidecarFingerprint: string | null,
  { isEmail = false } = {},
): string {
  return finishContentHash(createHash('sha256').update(bytes), sidecarFingerprint, { isEmail });
}

/** `hashContent` for a hash already fed the file's bytes (streamed from disk, see `hashFileLimited`). */
export function finishContentHash(
  hash: Hash,
  sidecarFingerprint: string | null,
  { isEmail = false } = {},
): string {
  if (isEmail) hash.update(EMAIL_HASH_VERSION);
  if (sidecarFingerprint !== null) hash.update('\0sidecar\0').update(sidecarFingerprint);
  return hash.digest('hex');
}

export interface BuiltLetter {
  readonly letter: Letter;
  readonly passages: Passage[];
  /** Its index terms, when the extraction worker analysed them (`analyse-letter.ts`). */
  readonly terms?: AnalysedLetter;
}

export interface LetterInput {
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly contentHash: string;
  readonly sidecarFields: SidecarFields | null;
  readonly attachedTo?: string;
  /**
   * An attachment's e-mail: its access group (set by the e-mail's sidecar or
   * its folder's `metadata.csv`) is the attachment's too, since whoever may not
   * read the e-mail may not read what came with it.
   */
  readonly parent?: Letter;
}

/** Why one attachment could not become a letter (the e-mail itself is still indexed). */
export interface AttachmentFailure {
  readonly relativePath: string;
  readonly error: IngestError | Error;
}

export interface BuildLettersResult {
  readonly main: BuiltLetter;
  /** File ids of every attachment the e-mail carries, letters or not (their old versions are not deleted). */
  readonly attachmentIds: readonly string[];
  readonly attachments: readonly BuiltLetter[];
  readonly attachmentFailures: readonly AttachmentFailure[];
}

export interface BuildLettersOptions {
  readonly maxPages: number;
  readonly maxChars?: number;
  readonly ocr?: PageRecognizer;
  readonly chunk?: ChunkOptions;
  readonly signal?: AbortSignal;
}

/** Describes and chunks one extracted document into a letter and its passages. */
export function buildLetter(
  input: LetterInput,
  doc: ExtractedDocument,
  chunk: ChunkOptions | undefined,
): BuiltLetter {
  const id = letterIdFor(input.relativePath);
  const { text, passages } = chunkPages(id, doc.pages, chunk);
  if (passages.length === 0) throw new IngestError('no_text', 'no text could be extracted');
  const fromText = extractMetadata(text, { fileName: path.basename(input.relativePath) });
  const defined = (fields: object) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const fromFormat = Object.fromEntries(
    Object.entries(doc.metadata ?? {}).filter(([, v]) => v !== null && v !== undefined),
  );
  const ocrPages = doc.pages.filter((p) => p.ocr && p.ocrConfidence !== undefined);
  const ocrConfidence =
    ocrPages.length === 0
      ? undefined
      : Math.round(
          (ocrPages.reduce((sum, p) => sum + (p.ocrConfidence ?? 0), 0) / ocrPages.length) * 10,
        ) / 10;
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
    // The archivist's word last: it overrides everything extraction guessed.
    ...defined(input.sidecarFields ?? {}),
    ...(input.parent ? { accessGroup: input.parent.accessGroup } : {}),
  };
  return { letter, passages };
}

/**
 * Extracts one file and builds its letter and its attachments' letters.
 * @throws IngestError for the file itself; attachment failures are returned, not thrown.
 */
export async function buildLetters(
  input: LetterInput,
  bytes: Uint8Array,
  { maxPages, maxChars, ocr, chunk, signal }: BuildLettersOptions,
): Promise<BuildLettersResult> {
  const extractOptions = {
    maxPages,
    ...(maxChars ? { maxChars } : {}),
    ...(signal ? { signal } : {}),
    ...(ocr ? { ocr } : {}),
  };
  const doc = await extractDocument(input.relativePath, bytes, extractOptions);
  const main = buildLetter(input, doc, chunk);
  const attachmentIds: string[] = [];
  const attachments: BuiltLetter[] = [];
  const attachmentFailures: AttachmentFailure[] = [];
  for (const attachment of doc.attachments ?? []) {
    const relativePath = attachmentPath(input.relativePath, attachment.fileName);
    attachmentIds.push(letterIdFor(relativePath));
    try {
      extractorFor(attachment.fileName);
    } catch {
      continue; // Images, spreadsheets, zips…: listed in the e-mail's text, never inflated, not letters of their own.
    }
    try {
      const attachmentDoc = await extractDocument(
        attachment.fileName,
        attachment.bytes,
        extractOptions,
      );
      const attachmentInput = {
        relativePath,
        absolutePath: input.absolutePath,
        contentHash: hashContent(attachment.bytes, null),
        sidecarFields: null,
        attachedTo: main.letter.id,
        parent: main.letter,
      };
      attachments.push(buildLetter(attachmentInput, attachmentDoc, chunk));
    } catch (error) {
      if (signal?.aborted) throw error;
      attachmentFailures.push({
        relativePath,
        error: error instanceof Error ? error : new Error(String(error)),
      });
    }
  }
  return { main, attachmentIds, attachments, attachmentFailures };
}
