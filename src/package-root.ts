/**
 * The package's root folder (the one holding package.json), for files read at
 * run time (prompts, term lists, the sample archive). Found by walking up
 * from this module, because the same code runs from `src/` (tsx, Jest) and
 * from the build in `dist/src/`, at different depths.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Absolute path of the package root. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
