/**
 * Who a channel's user is to the core, decided once for every channel: the
 * channel-qualified id (`slack:U123`, `teams:<aad-object-id>`, `web:anna`),
 * the access groups `ACCESS_GROUPS` gives that id, and whether the channel's
 * admin list (`SLACK_ADMIN_USER_IDS`, `TEAMS_ADMIN_AAD_IDS`) names them.
 * Channels only say what they know of the user; the rules live here.
 */
import type { Config } from '../config.js';
import type { ChannelName, UserIdentity } from './types.js';

/** What a channel knows of the person writing. */
export interface ChannelUser {
  readonly channel: ChannelName;
  /** The channel's own id: Slack user id, Teams AAD object id (or account id), console staff name. */
  readonly id: string;
  readonly name?: string;
  /** The id the channel's admin list holds (Slack user id, Teams AAD object id); absent: never an admin. */
  readonly adminId?: string;
  /**
   * Tells apart people who share `id` (unnamed console users, one per client
   * address: `web:anonymous@10.0.0.7`) so they do not share a rate-limit
   * bucket; their access groups stay those of `id`.
   */
  readonly instance?: string;
  /**
   * False when the channel cannot vouch for who is writing (Teams in
   * emulator mode, unauthenticated): a claimed identity then gets no access
   * groups and is never an admin. Default true.
   */
  readonly isVerified?: boolean;
}

/** The user as the core sees them (for `AnswerRequest.user`), and whether they may run admin commands. */
export interface Identity {
  readonly user: UserIdentity & { readonly accessGroups: readonly string[] };
  readonly isAdmin: boolean;
}

/** The settings identity reads. */
export type IdentityConfig = Pick<
  Config,
  'ACCESS_GROUPS' | 'SLACK_ADMIN_USER_IDS' | 'TEAMS_ADMIN_AAD_IDS'
>;

/** Each channel's admin list; the console, the CLI and MCP have no admin commands. */
function adminIds(config: IdentityConfig, channel: ChannelName): readonly string[] {
  switch (channel) {
    case 'slack':
      return config.SLACK_ADMIN_USER_IDS;
    case 'teams':
      return config.TEAMS_ADMIN_AAD_IDS;
    case 'web':
    case 'cli':
    case 'mcp':
      return [];
    default: {
      const unknown: never = channel;
      throw new Error(`unknown channel ${String(unknown)}`);
    }
  }
}

/** Maps a channel's user to an identity with access groups and the admin flag. */
export function identifyUser(config: IdentityConfig, user: ChannelUser): Identity {
  const { channel, instance, isVerified = true } = user;
  const groupsKey = `${channel}:${user.id}`;
  return {
    user: {
      id: instance ? `${groupsKey}@${instance}` : groupsKey,
      ...(user.name ? { name: user.name } : {}),
      accessGroups: isVerified ? (config.ACCESS_GROUPS[groupsKey] ?? []) : [],
    },
    isAdmin:
      isVerified && user.adminId !== undefined && adminIds(config, channel).includes(user.adminId),
  };
}
