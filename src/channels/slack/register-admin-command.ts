/**
 * `/archiwum-admin status|reindex`, only for `SLACK_ADMIN_USER_IDS`. Every
 * attempt, allowed or not, goes to the audit log. Reindex runs in the
 * background; progress goes through the command's `response_url`, which
 * Slack accepts at most 5 times in 30 minutes, hence the throttle and cap.
 */
import type { App, RespondFn } from '@slack/bolt';
import { SLACK_TEXT } from '../../messages.js';
import type { ArchiveStatus } from '../../assistant/types.js';
import { slackIdentity, type SlackDeps } from './slack-deps.js';
import { commandSchema } from './slack-payloads.js';

/** The admin command's name as registered in the manifest. */
export const ADMIN_COMMAND = '/archiwum-admin';

/** Progress messages per reindex: 5 `response_url` uses minus the summary and one spare. */
const MAX_PROGRESS_MESSAGES = 3;

/** The status reply in Polish. */
export function formatStatus(status: ArchiveStatus): string {
  const llm = status.llmModel ? `${SLACK_TEXT.yes} (${status.llmModel})` : SLACK_TEXT.no;
  return SLACK_TEXT.status({
    backend: status.backend,
    letters: status.letters,
    passages: status.passages,
    lastSync: status.lastSync,
    llm,
  });
}

/** Registers `/archiwum-admin`; who may run what, the audit and the reindex guard are `AdminCommands`'. */
export function registerAdminCommand(app: App, deps: SlackDeps): void {
  const { logger } = deps;
  const { admin } = deps;

  /** Progress and summary through `response_url`, throttled and capped. */
  const reporter = (respond: RespondFn) => {
    let sent = 0;
    let lastSentAt = Number.NEGATIVE_INFINITY;
    const say = (text: string) =>
      respond({ response_type: 'ephemeral', replace_original: false, text }).catch(
        (error: unknown) => logger.warn({ err: error }, 'slack reindex message could not be sent'),
      );
    const onProgress = (line: string) => {
      const now = Date.now();
      if (sent >= MAX_PROGRESS_MESSAGES || now - lastSentAt < deps.progressIntervalMs) return;
      sent += 1;
      lastSentAt = now;
      void say(line);
    };
    return { say, onProgress };
  };

  app.command(ADMIN_COMMAND, async ({ command, ack, respond }) => {
    const cmd = commandSchema.parse(command);
    const sub = cmd.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const { isAdmin } = slackIdentity(deps.config, cmd.user_id);
    logger.info(
      { user: cmd.user_id, action: sub || '(none)', allowed: isAdmin },
      'slack admin command',
    );
    const { say, onProgress } = reporter(respond);
    const result = admin.run({
      channel: 'slack',
      userId: cmd.user_id,
      isAdmin,
      command: sub,
      detail: cmd.text.trim() || null,
    });
    switch (result.kind) {
      case 'denied':
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.adminRefused });
        return;
      case 'status': {
        await ack();
        try {
          await respond({ response_type: 'ephemeral', text: formatStatus(await result.read()) });
        } catch (error) {
          logger.error({ err: error }, 'slack admin status failed');
          await respond({ response_type: 'ephemeral', text: SLACK_TEXT.statusFailed });
        }
        return;
      }
      case 'reindex_busy':
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.reindexBusy });
        return;
      case 'reindex_started':
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.reindexStarted });
        // Not awaited: a full sync can outlast any listener; progress and summary come through respond().
        void result.start(onProgress).then(
          async (summary) => {
            logger.info({ user: cmd.user_id, summary }, 'slack admin reindex finished');
            await say(summary);
          },
          async (error: unknown) => {
            logger.error({ err: error, user: cmd.user_id }, 'slack admin reindex failed');
            await say(SLACK_TEXT.reindexFailed);
          },
        );
        return;
      case 'unknown':
        await ack({ response_type: 'ephemeral', text: SLACK_TEXT.adminUsage });
        return;
      default: {
        const unreachable: never = result;
        throw new Error(`unknown admin result ${JSON.stringify(unreachable)}`);
      }
    }
  });
}
