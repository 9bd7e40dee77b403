/** `kancelaria feedback export [--format csv|json]`: the stored thumbs up/down, for review. */
import path from 'node:path';
import { exportFeedback } from '../../assistant/export-feedback.js';
import { StateStore } from '../../assistant/state-store.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export function runFeedbackExport({ config, format, out }: { config: Config; logger: Logger; format: 'csv' | 'json'; out: NodeJS.WritableStream }): void {
  const store = new StateStore({ path: path.join(config.dataDir, 'state.sqlite') });
  try {
    out.write(exportFeedback(store, format));
  } finally {
    store.close();
  }
}
