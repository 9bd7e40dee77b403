/**
 * pdf.js for Node without its side effect on the whole process. The legacy
 * build (the one that runs on Node 20) bundles core-js polyfills that, on
 * Node 20, replace `JSON.stringify`, `JSON.parse` and `Array.prototype.push`
 * with JavaScript versions (for `JSON.rawJSON`, parse with source text and a
 * spec corner of `push` on a non-writable length, none of which pdf.js or we
 * use), in the library and again in its worker module when the first
 * document opens. `kancelaria serve` imported it at start through the letter
 * viewer, so every JSON response and every `push` of the server, retrieval
 * included, ran through them: 2–3× slower `JSON.stringify` on a 25 KB MCP
 * result (docs/mcp.md). Loading both modules here, once and only when a PDF
 * is opened, and putting the engine's own functions back afterwards keeps the
 * process as Node made it. Every module that needs pdf.js's values gets them
 * from `loadPdfjs()`; type imports from pdfjs-dist stay where they are.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** The built-ins the polyfills replace: property descriptors, so they are put back exactly. */
const REPLACED = [
  [JSON, 'stringify'],
  [JSON, 'parse'],
  [Array.prototype, 'push'],
] as const;

let loading: Promise<Pdfjs> | undefined;

async function importPdfjs(): Promise<Pdfjs> {
  const originals = REPLACED.map(
    ([owner, name]) => [owner, name, Object.getOwnPropertyDescriptor(owner, name)!] as const,
  );
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Loaded now rather than by pdf.js at the first document (it sets `globalThis.pdfjsWorker`,
    // which pdf.js's in-thread "fake worker" uses), so its polyfills run before the restore below.
    const worker = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    await import(pathToFileURL(worker).href);
    return pdfjs;
  } finally {
    for (const [owner, name, descriptor] of originals)
      Object.defineProperty(owner, name, descriptor);
  }
}

/**
 * pdf.js (legacy build) and its worker, loaded once, with `JSON.stringify`,
 * `JSON.parse` and `Array.prototype.push` left native.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  // A failed load (a broken install) is not remembered: the next PDF tries again and reports its own error.
  loading ??= importPdfjs().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
