/**
 * Admin commands typed to the bot: `status` and `reindex`. Only the AAD
 * object ids in TEAMS_ADMIN_AAD_IDS may run them; the audit of every attempt
 * and the one-reindex-at-a-time guard are `AdminCommands`' (shared with Slack).
 */
import type { AdminCommands } from '../../assistant/admin-commands.js';
import type { Logger } from '../../logger.js';
import { AccessDeniedError } from '../../errors.js';
import { TEAMS_TEXT } from '../../messages.js';
import type { ArchiveStatus } from '../../assistant/types.js';

export type AdminCommand = 'status' | 'reindex';

/** `status`, `/status`, `Status ` → `status`; anything else is a question. */
export function parseAdminCommand(text: string): AdminCommand | null {
  const word = text.trim().toLowerCase().replace(/^\//, '');
  return word === 'status' || word === 'reindex' ? word : null;
}

export interface RunAdminCommandOptions {
  readonly command: AdminCommand;
  /** `teams:<aad-object-id>`. */
  readonly userId: string;
  readonly isAdmin: boolean;
  readonly admin: AdminCommands;
  /** Posts a message in the conversation; resolves to its id. */
  readonly reply: (text: string) => Promise<string>;
  /** Replaces the text of a posted message. */
  readonly update: (messageId: string, text: string) => Promise<void>;
  /** Minimum gap between progress edits of the "started" message. */
  readonly progressIntervalMs: number;
  readonly now: () => number;
  readonly logger: Logger;
}

/** Polish status lines for an `ArchiveStatus`. */
export function formatStatus(info: ArchiveStatus): string {
  const t = TEAMS_TEXT;
  return [
    t.statusTitle,
    `${t.statusIndex}: ${info.backend}`,
    `${t.statusLetters}: ${info.letters}`,
    `${t.statusPassages}: ${info.passages}`,
    `${t.statusLlm}: ${info.llmModel ? `${t.yes} (${info.llmModel})` : t.no}`,
    `${t.statusLastIngest}: ${info.lastSync ?? t.never}`,
  ].join('\n\n');
}

/**
 * Runs one admin command. Failures are logged and shown as one Polish sentence by the caller.
 * @throws {AccessDeniedError} when the user is not in TEAMS_ADMIN_AAD_IDS (the attempt is audited first).
 */
export async function runAdminCommand({
  command,
  userId,
  isAdmin,
  admin,
  reply,
  update,
  progressIntervalMs,
  now,
  logger,
}: RunAdminCommandOptions): Promise<void> {
  let startedId = '';
  let lastEdit = now();
  let edits = Promise.resolve();
  const onProgress = (line: string) => {
    logger.debug({ line }, 'reindex progress');
    if (now() - lastEdit < progressIntervalMs || !startedId) return;
    lastEdit = now();
    // Edits are chained so they arrive in order; a failed edit is logged, never fatal.
    edits = edits
      .then(() => update(startedId, `${TEAMS_TEXT.reindexStarted}\n\n${line}`))
      .catch((error: unknown) => logger.warn({ err: error }, 'reindex progress update failed'));
  };
  const result = admin.run({ channel: 'teams', userId, isAdmin, command, detail: null });
  switch (result.kind) {
    case 'denied':
      // Shown like every failure of a turn: the caller replies with the code's Polish sentence.
      throw new AccessDeniedError(`${userId} may not run the admin command ${command}`);
    case 'status':
      await reply(formatStatus(await result.read()));
      return;
    case 'reindex_busy':
      await reply(TEAMS_TEXT.reindexBusy);
      return;
    case 'reindex_started': {
      try {
        startedId = await reply(TEAMS_TEXT.reindexStarted);
      } catch (error) {
        // Not started: release the claim for the next admin.
        result.cancel();
        throw error;
      }
      lastEdit = now();
      const summary = await result.start(onProgress);
      await edits;
      await reply(summary);
      return;
    }
    case 'unknown':
      // parseAdminCommand only lets `status` and `reindex` through.
      await reply(TEAMS_TEXT.commandStatus);
      return;
    default: {
      const unreachable: never = result;
      throw new Error(`unknown admin result ${JSON.stringify(unreachable)}`);
    }
  }
}
