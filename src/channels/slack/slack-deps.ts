/**
 * What the Slack handlers need from the rest of the app, passed in by the
 * factory so each handler file stays small and testable.
 */
import type { AdminCommands } from '../../assistant/admin-commands.js';
import type { StateStore } from '../../assistant/state-store.js';
import type { Feedback } from '../../assistant/feedback.js';
import { identifyUser, type IdentityConfig, type Identity } from '../../assistant/identify-user.js';
import type { Answerer } from '../../assistant/types.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';

/** The settings the Slack channel reads. */
export type SlackChannelConfig = Pick<
  Config,
  'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL'
> &
  IdentityConfig;

/** Shared dependencies of the Slack handlers. */
export interface SlackDeps {
  readonly config: SlackChannelConfig;
  readonly assistant: Answerer;
  readonly store: StateStore;
  readonly logger: Logger;
  readonly admin: AdminCommands;
  /** Remembers posted answers and records the thumbs on them. */
  readonly feedback: Feedback;
  readonly newId: () => string;
  readonly streamBufferSize?: number;
  /** Minimum time between two reindex progress messages. */
  readonly progressIntervalMs: number;
}

/** A Slack user as the core sees them (`slack:U123`, access groups, admin per `SLACK_ADMIN_USER_IDS`). */
export function slackIdentity(config: IdentityConfig, userId: string): Identity {
  return identifyUser(config, { channel: 'slack', id: userId, adminId: userId });
}
