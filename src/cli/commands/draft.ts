/**
 * `kancelaria draft "REQUEST" [--to NAME] [--out FILE.docx]`: a draft of an
 * official reply in Polish letter form, with its sources, printed and
 * optionally exported as a Word document for the clerk to edit and sign.
 */
import path from 'node:path';
import { createApp } from '../../app.js';
import { formatDraft } from '../../answer/draft-reply.js';
import { writeDraftDocx } from '../../answer/export-docx.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

export interface DraftCommandOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly request: string;
  readonly to?: string;
  readonly from?: string;
  readonly copiesTo?: readonly string[];
  readonly requestDate?: string;
  readonly out?: string;
  readonly stdout: NodeJS.WritableStream;
}

export async function runDraft({
  config,
  logger,
  request,
  to,
  from,
  copiesTo,
  requestDate,
  out,
  stdout,
}: DraftCommandOptions): Promise<void> {
  const app = await createApp(config, logger);
  try {
    const draft = await app.assistant.draft({
      request,
      ...(to ? { to } : {}),
      ...(from ? { from } : {}),
      ...(copiesTo ? { copiesTo } : {}),
      ...(requestDate ? { requestDate } : {}),
      user: { id: 'cli:local' },
      channel: 'cli',
    });
    stdout.write(`${formatDraft(draft)}\n`);
    if (out) {
      const file = path.resolve(out);
      await writeDraftDocx(draft, file);
      stdout.write(`\nZapisano: ${file}\n`);
    }
  } finally {
    await app.close();
  }
}
