#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs
// through the `prepare` script), so a command starts without compiling
// TypeScript. When the build is missing or any source is newer than it (an
// edit, a checkout), the sources run through tsx instead: slower to start,
// never stale. The check stats about 250 files (a few milliseconds).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = `${root}dist/BUILT`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function isBuildFresh() {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return newestSource(`${root}src`) <= built && newestSource(`${root}ingest`) <= built;
}

if (isBuildFresh()) {
  if (existsSync('.env')) process.loadEnvFile('.env');
  await import('../dist/src/cli/main.js');
} else {
  await import('./run-sources.js');
}
