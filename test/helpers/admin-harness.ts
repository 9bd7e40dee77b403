/**
 * The web console with its admin page over the real composition root
 * (`createApp`): a temporary ARCHIVE_DIR of small letters (and one broken
 * PDF, so the last sync has a failure with its reason) synced into a real
 * SQLite index, one server on 127.0.0.1.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { createWebConsole } from '../../src/channels/web/create-web-console.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server.js';

export const STAFF_TOKEN = 'staff-secret-0123456789';
export const ADMIN_TOKEN = 'admin-secret-9876543210';
export const BROKEN_PDF = 'zepsuty.pdf';

export interface AdminHarness {
  readonly url: string;
  readonly app: App;
  readonly archiveDir: string;
  close(): Promise<void>;
}

/** Starts the console with the admin page; `env` overrides the config. */
export async function startAdminConsole(env: Record<string, string> = {}): Promise<AdminHarness> {
  const root = fs.mkdtempSync(path.join(process.env.TMPDIR ?? os.tmpdir(), 'kancelaria-admin-'));
  const archiveDir = path.join(root, 'archive');
  fs.mkdirSync(archiveDir);
  fs.writeFileSync(
    path.join(archiveDir, 'liaoning.txt'),
    'Pismo w sprawie współpracy z prowincją Liaoning.\n\nMiasto Chorzów podpisało list intencyjny o współpracy.\n',
  );
  fs.writeFileSync(
    path.join(archiveDir, 'drogi.txt'),
    'Odpowiedź na interpelację w sprawie remontu ulicy Wolności.\n\nRemont zakończy się w czerwcu.\n',
  );
  // Named .pdf but not a PDF: the sync fails it, with its reason, and goes on.
  fs.writeFileSync(path.join(archiveDir, BROKEN_PDF), 'to nie jest PDF');
  const config = loadConfig({
    DATA_DIR: path.join(root, 'data'),
    ARCHIVE_DIR: archiveDir,
    OCR_ENABLED: 'false',
    WEB_CONSOLE_TOKEN: STAFF_TOKEN,
    WEB_ADMIN_TOKEN: ADMIN_TOKEN,
    INGEST_MAX_FILE_MB: '1',
    ...env,
  });
  const app = await createApp(config, silentLogger());
  if (config.archiveDir) await app.ingest();
  const web = createWebConsole(app);
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    routes: web.routes,
    logger: app.logger,
    health: async () => ({}),
  });
  return {
    url: server.url,
    app,
    archiveDir,
    async close() {
      await server.close();
      await app.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
