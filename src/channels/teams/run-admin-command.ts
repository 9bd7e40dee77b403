/**
 * Admin commands typed to the bot: `status` and `reindex`. Only the AAD
 * object ids in TEAMS_ADMIN_AAD_IDS may run them; every attempt, allowed or
 * not, goes to the audit log.
 */
import type { StateStore } from '../../assistant/state-store.js';
import type { Logger } from '../../logger.js';
import { TEAMS_TEXT, USER_MESSAGES_PL } from '../../messages.js';
import type { ArchiveStatus } from '../../assistant/types.js';

export type AdminCommand = 'status' | 'reindex';

/** `status`, `/status`, `Status ` → `status`; anything else is a question. */
export function parseAdminCommand(text: string): AdminCommand | null {
  const word = text.trim().toLowerCase().replace(/^\//, '');
  return word === 'status' || word === 'reindex' ? word : null;
}

/** Shared between turns, so two admins cannot start two reindexes at once. */
export interface ReindexState {
  isRunning: boolean;
}

export interface RunAdminCommandOptions {
  readonly command: AdminCommand;
  /** `teams:<aad-object-id>`. */
  readonly userId: string;
  readonly isAdmin: boolean;
  readonly store: StateStore;
  readonly status: () => Promise<ArchiveStatus>;
  readonly reindex: (onProgress: (line: string) => void) => Promise<string>;
  readonly reindexState: ReindexState;
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

/** Runs (or refuses) one admin command. Failures are logged and shown as one Polish sentence. */
export async function runAdminCommand(options: RunAdminCommandOptions): Promise<void> {
  const { command, userId, isAdmin, store, reply, logger } = options;
  store.audit({ channel: 'teams', userId, action: command, allowed: isAdmin, detail: null });
  if (!isAdmin) {
    logger.warn({ userId, command }, 'admin command refused');
    await reply(USER_MESSAGES_PL.access_denied);
    return;
  }
  if (command === 'status') {
    await reply(formatStatus(await options.status()));
    return;
  }
  await runReindex(options);
}

async function runReindex({ reindex, reindexState, reply, update, progressIntervalMs, now, logger, store, userId }: RunAdminCommandOptions): Promise<void> {
  if (reindexState.isRunning) {
    await reply(TEAMS_TEXT.reindexBusy);
    return;
  }
  reindexState.isRunning = true;
  try {
    const startedId = await reply(TEAMS_TEXT.reindexStarted);
    let lastEdit = now();
    let edits = Promise.resolve();
    const summary = await reindex((line) => {
      logger.debug({ line }, 'reindex progress');
      if (now() - lastEdit < progressIntervalMs || !startedId) return;
      lastEdit = now();
      // Edits are chained so they arrive in order; a failed edit is logged, never fatal.
      edits = edits
        .then(() => update(startedId, `${TEAMS_TEXT.reindexStarted}\n\n${line}`))
        .catch((error: unknown) => logger.warn({ err: error }, 'reindex progress update failed'));
    });
    await edits;
    store.audit({ channel: 'teams', userId, action: 'reindex.done', allowed: true, detail: summary });
    await reply(summary);
  } finally {
    reindexState.isRunning = false;
  }
}
