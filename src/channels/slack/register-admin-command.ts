/**
 * `/archiwum-admin status|reindex`, only for `SLACK_ADMIN_USER_IDS`. Every
 * attempt, allowed or not, goes to the audit log. Reindex runs in the
 * background; progress goes through the command's `response_url`, which
 * Slack accepts at most 5 times in 30 minutes, hence the throttle and cap.
 */
import type { App, RespondFn } from '@slack/bolt';
import { SLACK_TEXT } from '../../messages.js';
import type { ArchiveStatus } from '../../assistant/types.js';
import type { SlackDeps } from './slack-deps.js';
import { commandSchema } from './slack-payloads.js';

/** The admin command's name as registered in the manifest. */
export const ADMIN_COMMAND = '/archiwum-admin';

/** Progress messages per reindex: 5 `response_url` uses minus the summary and one spare. */
const MAX_PROGRESS_MESSAGES = 3;

/** The status reply in Polish. */
export function formatStatus(status: ArchiveStatus): string {
  const llm = status.llmModel ? `${SLACK_TEXT.yes} (${status.llmModel})` : SLACK_TEXT.no;
  return SLACK_TEXT.status({ backend: status.backend, letters: status.letters, passages: status.passages, lastSync: status.lastSync, llm });
}

/** Registers `/archiwum-admin`. */
export function registerAdminCommand(app: App, deps: SlackDeps): void {
  const { logger, store } = deps;
  let running: Promise<void> | null = null;

  const runReindex = async (respond: RespondFn, userId: string) => {
    let sent = 0;
    let lastSentAt = Number.NEGATIVE_INFINITY;
    const say = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text }).catch((error: unknown) =>
        logger.warn({ err: error }, 'slack reindex message could not be sent'),
      );
    try {
      const summary = await deps.reindex((line) => {
        const now = Date.now();
        if (sent >= MAX_PROGRESS_MESSAGES || now - lastSentAt < deps.progressIntervalMs) return;
        sent += 1;
        lastSentAt = now;
        void say(line);
      });
      logger.info({ user: userId, summary }, 'slack admin reindex finished');
      store.audit({ channel: 'slack', userId, action: 'reindex.finished', allowed: true, detail: summary });
      await say(summary);
    } catch (error) {
      logger.error({ err: error, user: userId }, 'slack admin reindex failed');
      store.audit({ channel: 'slack', userId, action: 'reindex.failed', allowed: true, detail: error instanceof Error ? error.message : String(error) });
      await say(SLACK_TEXT.reindexFailed);
    }
  };

  app.command(ADMIN_COMMAND, async ({ command, ack, respond }) => {
    const cmd = commandSchema.parse(command);
    const sub = cmd.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const isAdmin = deps.config.SLACK_ADMIN_USER_IDS.includes(cmd.user_id);
    const action = sub || '(none)';
    store.audit({ channel: 'slack', userId: cmd.user_id, action, allowed: isAdmin, detail: cmd.text.trim() || null });
    logger.info({ user: cmd.user_id, action, allowed: isAdmin }, 'slack admin command');
    if (!isAdmin) {
      await ack({ response_type: 'ephemeral', text: SLACK_TEXT.adminRefused });
      return;
    }
    switch (sub) {
      case 'status': {
        await ack();
        try {
          await respond({ response_type: 'ephemeral', text: formatStatus(await deps.status()) });
        } catch (error) {
          logger.error({ err: error }, 'slack admin status failed');
          await respond({ response_type: 'ephemeral', text: SLACK_TEXT.statusFailed });
        }
        return;
      }
      case 'reindex': {
        if (running) {
          await ack({ response_type: 'ephemeral', text: SLACK_TEXT.reindexBusy });
          return;
        }
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.reindexStarted });
        // Not awaited: a full sync can outlast any listener; progress and summary come through respond().
        running = runReindex(respond, cmd.user_id).finally(() => {
          running = null;
        });
        return;
      }
      default:
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.adminUsage });
    }
  });
}
