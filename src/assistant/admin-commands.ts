/**
 * The admin commands every channel offers (`status`, `reindex`), decided
 * once: who may run them, the audit record of every attempt, and the guard
 * that lets only one reindex run at a time. Channels parse their own syntax
 * (`/archiwum-admin reindex`, a Teams message `reindex`) and render the result
 * in their own words.
 */
import type { ArchiveStatus, ChannelName } from './types.js';
import type { AuditRecord } from './state-store.js';

export interface AdminRequest {
  readonly channel: ChannelName;
  /** Channel-qualified or channel-native id, as the channel audits it. */
  readonly userId: string;
  readonly isAdmin: boolean;
  /** The sub-command as typed (lower-cased); '' when none was given. */
  readonly command: string;
  /** What the user typed, for the audit log. */
  readonly detail?: string | null;
}

export type AdminResult =
  | { readonly kind: 'denied' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'status'; read(): Promise<ArchiveStatus> }
  | { readonly kind: 'reindex_busy' }
  /**
   * The reindex is claimed (others get `reindex_busy`); the channel calls
   * `start` once, after telling the user, and gets the summary line or the
   * failure (both audited). Progress lines (`120/400`) go to `onProgress`.
   * `cancel` releases the claim when the channel could not tell the user.
   */
  | {
      readonly kind: 'reindex_started';
      start(onProgress: (line: string) => void): Promise<string>;
      cancel(): void;
    };

export interface AdminCommands {
  run(request: AdminRequest): AdminResult;
}

export interface AdminCommandsOptions {
  readonly status: () => Promise<ArchiveStatus>;
  readonly reindex: (onProgress: (line: string) => void) => Promise<string>;
  readonly audit: (record: Omit<AuditRecord, 'at'>) => void;
}

/** Builds the admin commands over the composition root's `status` and `reindex`. */
export function createAdminCommands({
  status,
  reindex,
  audit,
}: AdminCommandsOptions): AdminCommands {
  let isRunning = false;
  return {
    run({ channel, userId, isAdmin, command, detail = null }) {
      audit({ channel, userId, action: command || '(none)', allowed: isAdmin, detail });
      if (!isAdmin) return { kind: 'denied' };
      if (command === 'status') return { kind: 'status', read: status };
      if (command !== 'reindex') return { kind: 'unknown' };
      if (isRunning) return { kind: 'reindex_busy' };
      isRunning = true;
      return {
        kind: 'reindex_started',
        cancel: () => {
          isRunning = false;
        },
        start: (onProgress) =>
          reindex(onProgress)
            .then(
              (summary) => {
                audit({
                  channel,
                  userId,
                  action: 'reindex.finished',
                  allowed: true,
                  detail: summary,
                });
                return summary;
              },
              (error: unknown) => {
                audit({
                  channel,
                  userId,
                  action: 'reindex.failed',
                  allowed: true,
                  detail: error instanceof Error ? error.message : String(error),
                });
                throw error;
              },
            )
            .finally(() => {
              isRunning = false;
            }),
      };
    },
  };
}
