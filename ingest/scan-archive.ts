/**
 * Listing an archive folder: every file below it (recursively), with its path
 * relative to the root in `/` form, which is what a letter's id is made from.
 * Hidden files and OS clutter are skipped silently; everything else is either
 * ingested or reported.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export interface ArchiveFile {
  /** Path relative to the archive root, `/`-separated. */
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly size: number;
}

/** Files that are never letters: hidden files, editor and OS leftovers, sidecar metadata (read beside their letters). */
function isIgnored(name: string): boolean {
  return (
    name.startsWith('.') || name.startsWith('~$') || name === 'Thumbs.db' || name.endsWith('.meta.json') || name === 'metadata.csv'
  );
}

/**
 * Lists the archive's files in a stable order.
 * @throws when the root does not exist or is not a folder (a fatal error for the sync).
 */
export async function scanArchive(root: string): Promise<ArchiveFile[]> {
  const stat = await fs.stat(root);
  if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
  const files: ArchiveFile[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = (await fs.readdir(dir, { withFileTypes: true })).filter((entry) => !isIgnored(entry.name));
    // Stats of one folder run together: archives keep thousands of letters in a folder.
    const found = await Promise.all(
      entries.map(async (entry) => {
        const absolutePath = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(absolutePath);
          return null;
        }
        if (!entry.isFile()) return null;
        const { size } = await fs.stat(absolutePath);
        return { relativePath: path.relative(root, absolutePath).split(path.sep).join('/'), absolutePath, size };
      }),
    );
    for (const file of found) if (file) files.push(file);
  }
  await walk(root);
  return files.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
}
