/**
 * What the Slack handlers need from the rest of the app, passed in by the
 * factory so each handler file stays small and testable.
 */
import type { AdminCommands } from '../../assistant/admin-commands.js';
import type { StateStore } from '../../assistant/state-store.js';
import type { ArchiveStatus, Answerer, UserIdentity } from '../../assistant/types.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';


/** Runs the incremental sync, reporting progress lines; resolves with the summary line. */
export type ReindexFn = (onProgress: (line: string) => void) => Promise<string>;

/** The settings the Slack channel reads. */
export type SlackChannelConfig = Pick<
  Config,
  'SLACK_BOT_TOKEN' | 'SLACK_SIGNING_SECRET' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL' | 'SLACK_ADMIN_USER_IDS' | 'ACCESS_GROUPS'
>;

/** Shared dependencies of the Slack handlers. */
export interface SlackDeps {
  readonly config: SlackChannelConfig;
  readonly assistant: Answerer;
  readonly store: StateStore;
  readonly logger: Logger;
  readonly status: () => Promise<ArchiveStatus>;
  readonly reindex: ReindexFn;
  readonly admin: AdminCommands;
  readonly newId: () => string;
  readonly streamBufferSize?: number;
  readonly updateIntervalMs: number;
  /** Minimum time between two reindex progress messages. */
  readonly progressIntervalMs: number;
}

/** The asking user as the core sees them, with access groups from `ACCESS_GROUPS` (`slack:U123=…`). */
export function identityOf(config: SlackChannelConfig, userId: string): UserIdentity {
  const id = `slack:${userId}`;
  return { id, accessGroups: config.ACCESS_GROUPS[id] ?? [] };
}
