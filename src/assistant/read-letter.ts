/**
 * The letter viewer's way into the archive, kept in the core so channels
 * never touch the index: a letter with its passages, and the path of its
 * original file, which must lie inside the archive folder (a letter record
 * naming `../` or a symlink out of the archive is never served).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveIndex, Letter, Passage } from '../archive/types.js';

export interface LetterRecord {
  readonly letter: Letter;
  /** In order; their texts joined are the letter's extracted text. */
  readonly passages: readonly Passage[];
}

export interface LetterReader {
  /** The letter and its passages, or null when the index has no such letter. */
  read(letterId: string): Promise<LetterRecord | null>;
  /**
   * Absolute path of the letter's original file, or null when there is none
   * to serve: no archive folder configured, an e-mail attachment (it lives
   * inside its message), a missing file, or a path outside the archive.
   */
  originalPath(letter: Letter): Promise<string | null>;
}

export interface LetterReaderOptions {
  readonly index: () => Promise<ArchiveIndex>;
  /** `ARCHIVE_DIR` (absolute), or null. */
  readonly archiveDir: string | null;
}

/** True when `target` is `root` or below it. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Builds the reader over the app's (lazily opened) index. */
export function createLetterReader({ index, archiveDir }: LetterReaderOptions): LetterReader {
  return {
    async read(letterId) {
      const opened = await index();
      const letter = await opened.getLetter(letterId);
      if (!letter) return null;
      return { letter, passages: await opened.getPassages(letterId) };
    },
    async originalPath(letter) {
      if (!archiveDir || letter.attachedTo || letter.file.includes('#')) return null;
      const candidate = path.resolve(archiveDir, ...letter.file.split('/'));
      if (!isInside(archiveDir, candidate)) return null;
      try {
        // Symlinks resolved on both sides: a link inside the archive pointing out of it is refused too.
        const [root, real] = await Promise.all([fs.realpath(archiveDir), fs.realpath(candidate)]);
        if (!isInside(root, real)) return null;
        const stat = await fs.stat(real);
        return stat.isFile() ? real : null;
      } catch {
        // A file removed since the last sync: nothing to download, which the viewer says.
        return null;
      }
    },
  };
}
