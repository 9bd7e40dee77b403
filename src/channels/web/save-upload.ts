/**
 * A letter uploaded on the admin page, checked and written into ARCHIVE_DIR
 * for the next sync. The name is the only thing the browser chooses, so it
 * is reduced to one plain file name; the type must agree twice (the
 * extension the ingest reads, and the bytes that extension promises), so a
 * renamed `.exe` or a "PDF" that is not one never reaches the archive. The
 * file is written under a temporary hidden name (the sync skips hidden
 * files) and linked into place, which fails instead of overwriting.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from '../../../ingest/extract/extract-file.js';

/** Why an upload was refused; each has one Polish sentence in `ADMIN_TEXT.uploadRefused`. */
export type UploadRefusal =
  'no_archive' | 'bad_name' | 'bad_type' | 'bad_content' | 'too_large' | 'empty' | 'exists';

export class UploadRefusedError extends Error {
  constructor(readonly reason: UploadRefusal) {
    super(`upload refused: ${reason}`);
    this.name = 'UploadRefusedError';
  }
}

/** Longest file name kept (bytes of UTF-8; most file systems allow 255). */
const MAX_NAME_BYTES = 200;

/**
 * The name as it will be stored: NFC (macOS browsers send NFD), trimmed, one
 * path segment with no hidden or control characters.
 * @throws {UploadRefusedError} `bad_name` for anything else.
 */
export function sanitizeUploadName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (
    name === '' ||
    name.startsWith('.') ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('..') ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name) ||
    Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES
  )
    throw new UploadRefusedError('bad_name');
  return name;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether `bytes` are what a file with extension `ext` must start with (or be). */
function hasExpectedContent(ext: string, bytes: Buffer): boolean {
  if (ext === '.pdf') return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
  if (ext === '.docx') return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  // E-mail and text formats: the ingest reads them as UTF-8, so anything else would be garbled.
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface SaveUploadOptions {
  /** ARCHIVE_DIR, or null when it is not set (uploads are then refused). */
  readonly archiveDir: string | null;
  readonly maxBytes: number;
  readonly name: string;
  readonly bytes: Buffer;
}

/**
 * Checks the upload and writes it to `archiveDir/name`; returns the stored name.
 * @throws {UploadRefusedError} naming the first check that failed.
 */
export async function saveUpload({
  archiveDir,
  maxBytes,
  name,
  bytes,
}: SaveUploadOptions): Promise<string> {
  if (!archiveDir) throw new UploadRefusedError('no_archive');
  const stored = sanitizeUploadName(name);
  const ext = path.extname(stored).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) throw new UploadRefusedError('bad_type');
  if (bytes.length > maxBytes) throw new UploadRefusedError('too_large');
  if (bytes.length === 0) throw new UploadRefusedError('empty');
  if (!hasExpectedContent(ext, bytes)) throw new UploadRefusedError('bad_content');
  const target = path.join(archiveDir, stored);
  const temp = path.join(archiveDir, `.upload-${randomBytes(8).toString('hex')}.part`);
  await fs.writeFile(temp, bytes, { flag: 'wx' });
  try {
    // link() fails with EEXIST instead of replacing, unlike rename(): an existing letter is never overwritten.
    await fs.link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UploadRefusedError('exists');
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
  return stored;
}
