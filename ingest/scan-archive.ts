/**
 * Listing an archive folder: every file below it (recursively), with its path
 * relative to the root in `/` form and Unicode NFC, which is what a letter's
 * id is made from. Hidden files and OS clutter are skipped silently;
 * everything else is either listed or reported as a problem with its reason:
 * symbolic links that leave the archive, loop or duplicate a listed file,
 * FIFOs and other special files (opening a FIFO would hang the sync), folders
 * that cannot be read (the rest is still listed), and names that differ only
 * in Unicode normalisation (they would share one letter id and flip on every
 * sync).
 */
import fs from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { METADATA_CSV, SIDECAR_SUFFIX } from './read-sidecar.js';

export interface ArchiveFile {
  /** Path relative to the archive root, `/`-separated, NFC. */
  readonly relativePath: string;
  /** Where the bytes are read from (a symbolic link's target for a followed link). */
  readonly absolutePath: string;
  readonly size: number;
  /** Modification time (ms, sub-millisecond on Linux): with `size`, what the hash cache is keyed by. */
  readonly mtimeMs: number;
  /**
   * Which sidecars the folder's listing holds beside the file (`FILE.meta.json`, `metadata.csv`),
   * so a sync opens only those that exist (an `open` that fails, per file, was a measurable share of
   * a no-op re-sync). Absent for a symbolic link, whose sidecars lie beside its target.
   */
  readonly sidecars?: { readonly json: boolean; readonly csv: boolean };
}

export type ScanProblemReason = 'symlink' | 'special_file' | 'unreadable' | 'name_collision';

/** Something in the archive folder that is not listed as a file, and why. */
export interface ScanProblem {
  /** Relative path (NFC) of the entry. */
  readonly relativePath: string;
  readonly reason: ScanProblemReason;
  readonly message: string;
  /** True for a folder: letters indexed from below it must be kept, not deleted. */
  readonly isFolder: boolean;
}

export interface ScanResult {
  readonly files: readonly ArchiveFile[];
  readonly problems: readonly ScanProblem[];
}

/** The four `ArchiveFile.sidecars` values, shared ([json][csv]): one object per file adds up at 10⁵ files. */
const SIDECARS = [
  [
    { json: false, csv: false },
    { json: false, csv: true },
  ],
  [
    { json: true, csv: false },
    { json: true, csv: true },
  ],
] as const;

/** Files stat-ed at once while listing a folder. */
const STAT_CONCURRENCY = 64;

/** Files that are never letters: hidden files, editor and OS leftovers, sidecar metadata (read beside their letters). */
function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name === 'Thumbs.db' ||
    name.endsWith('.meta.json') ||
    name === 'metadata.csv'
  );
}

function describeSpecial(stat: Stats | Dirent): string {
  if (stat.isFIFO()) return 'a FIFO (named pipe), not a file; reading it would wait forever';
  if (stat.isSocket()) return 'a socket, not a file';
  if (stat.isBlockDevice() || stat.isCharacterDevice()) return 'a device, not a file';
  return 'not a regular file';
}

const toRelative = (root: string, absolutePath: string): string =>
  path.relative(root, absolutePath).split(path.sep).join('/').normalize('NFC');
const isInside = (root: string, target: string): boolean =>
  target === root || target.startsWith(root + path.sep);
const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Lists the archive's files in a stable order, and what was not listed.
 * @throws when the root does not exist, is not a folder or cannot be read (a fatal error for the sync).
 */
export async function scanArchive(root: string): Promise<ScanResult> {
  const stat = await fs.stat(root);
  if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
  const realRoot = await fs.realpath(root);
  const files: ArchiveFile[] = [];
  const problems: ScanProblem[] = [];
  /** Symbolic links to files inside the archive: listed unless their target is listed under its own name. */
  const linksInside: { file: ArchiveFile; target: string }[] = [];
  const problem = (
    absolutePath: string,
    reason: ScanProblemReason,
    message: string,
    isFolder = false,
  ) => problems.push({ relativePath: toRelative(root, absolutePath), reason, message, isFolder });

  async function symlink(absolutePath: string): Promise<ArchiveFile | null> {
    let target: string;
    try {
      target = await fs.realpath(absolutePath);
    } catch (error) {
      problem(absolutePath, 'symlink', `broken symbolic link (${errorText(error)})`);
      return null;
    }
    if (!isInside(realRoot, target)) {
      problem(
        absolutePath,
        'symlink',
        `symbolic link to ${target}, outside the archive folder: not followed`,
      );
      return null;
    }
    const targetStat = await fs.stat(target);
    const shown = toRelative(realRoot, target) || '.';
    if (targetStat.isDirectory()) {
      // Every folder inside the root is walked anyway; following the link would list it twice, or forever.
      const isLoop = isInside(target, await fs.realpath(path.dirname(absolutePath)));
      problem(
        absolutePath,
        'symlink',
        isLoop
          ? `symbolic link loop: points to its own parent folder "${shown}"`
          : `symbolic link to the folder "${shown}", which is indexed under its own name`,
      );
      return null;
    }
    if (!targetStat.isFile()) {
      problem(absolutePath, 'special_file', `symbolic link to ${describeSpecial(targetStat)}`);
      return null;
    }
    linksInside.push({
      file: {
        relativePath: toRelative(root, absolutePath),
        absolutePath: target,
        size: targetStat.size,
        mtimeMs: targetStat.mtimeMs,
      },
      target: shown,
    });
    return null;
  }

  async function walk(dir: string, isRoot: boolean): Promise<void> {
    // Read as a stream (`opendir`), and stat a bounded number of files at a time: all stats of a
    // folder at once held a promise and a Stats object per file (319 MB of heap at 118,700 files).
    const entries: Dirent[] = [];
    const names = new Set<string>();
    try {
      for await (const entry of await fs.opendir(dir, { bufferSize: 256 })) {
        names.add(entry.name);
        if (!isIgnored(entry.name)) entries.push(entry);
      }
    } catch (error) {
      if (isRoot) throw error;
      problem(
        dir,
        'unreadable',
        `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? errorText(error)}); its letters are kept as indexed`,
        true,
      );
      return;
    }
    const hasCsv = names.has(METADATA_CSV);
    const visit = async (entry: Dirent): Promise<void> => {
      const absolutePath = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        await symlink(absolutePath);
        return;
      }
      if (!entry.isFile()) {
        problem(absolutePath, 'special_file', describeSpecial(entry));
        return;
      }
      try {
        const { size, mtimeMs } = await fs.stat(absolutePath);
        files.push({
          relativePath: toRelative(root, absolutePath),
          absolutePath,
          size,
          mtimeMs,
          sidecars: SIDECARS[names.has(entry.name + SIDECAR_SUFFIX) ? 1 : 0]![hasCsv ? 1 : 0]!,
        });
      } catch (error) {
        problem(absolutePath, 'unreadable', `file cannot be read (${errorText(error)})`);
      }
    };
    const folders: string[] = [];
    const others: Dirent[] = [];
    for (const entry of entries)
      if (entry.isDirectory()) folders.push(path.join(dir, entry.name));
      else others.push(entry);
    entries.length = 0;
    // A few stats in flight keep the disk busy; more only hold memory.
    for (let i = 0; i < others.length; i += STAT_CONCURRENCY)
      await Promise.all(others.slice(i, i + STAT_CONCURRENCY).map(visit));
    names.clear(); // not held while the subfolders are walked
    for (const folder of folders) await walk(folder, false);
  }
  await walk(root, true);

  const listed = new Map<string, ArchiveFile>();
  // Raw code-unit order decides which of two NFC/NFD twins is kept, so the choice never flips between syncs.
  for (const file of files.sort((a, b) => (a.absolutePath < b.absolutePath ? -1 : 1))) {
    const twin = listed.get(file.relativePath);
    if (twin) {
      problems.push({
        relativePath: file.relativePath,
        reason: 'name_collision',
        message: `two files with this name in different Unicode normalisations (NFC/NFD): one is indexed, ${JSON.stringify(path.relative(root, file.absolutePath))} is not; rename one of them`,
        isFolder: false,
      });
      continue;
    }
    listed.set(file.relativePath, file);
  }
  for (const { file, target } of linksInside) {
    if (listed.has(target)) {
      problems.push({
        relativePath: file.relativePath,
        reason: 'symlink',
        message: `symbolic link to "${target}", indexed once under that name`,
        isFolder: false,
      });
    } else if (!listed.has(file.relativePath)) {
      listed.set(file.relativePath, file);
    }
  }
  return {
    files: [...listed.values()].sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
    problems: problems.sort((a, b) => a.relativePath.localeCompare(b.relativePath)),
  };
}
