/**
 * `kancelaria snapshot`: a backup of everything the bot knows. With Qdrant,
 * Qdrant writes a collection snapshot on its side (its name is printed); the
 * SQLite files in DATA_DIR (the embedded index, if used, and the bot state:
 * feedback, conversations, audit) are copied with SQLite's online backup,
 * which is safe while the bot is running in WAL mode.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createQdrantClient } from '../../archive/open-qdrant-index.js';
import { createSnapshot } from '../../archive/qdrant-snapshot.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export async function runSnapshot({ config, out, now = () => new Date() }: { config: Config; logger: Logger; out: NodeJS.WritableStream; now?: () => Date }): Promise<string> {
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const target = path.join(config.dataDir, 'snapshots', stamp);
  fs.mkdirSync(target, { recursive: true });
  if (config.INDEX_BACKEND === 'qdrant') {
    const snap = await createSnapshot({ client: createQdrantClient(config), collection: config.QDRANT_COLLECTION });
    out.write(`qdrant snapshot: ${snap.collection}/${snap.name} (${snap.sizeBytes} bytes)\n`);
  }
  for (const file of ['index.sqlite', 'state.sqlite']) {
    const source = path.join(config.dataDir, file);
    if (!fs.existsSync(source)) continue;
    const db = new Database(source, { readonly: true });
    try {
      await db.backup(path.join(target, file));
    } finally {
      db.close();
    }
    out.write(`copied ${file} → ${path.join(target, file)}\n`);
  }
  return target;
}
