/**
 * Every channel `serve` can run, in start order: when it is on, what to tell
 * the operator when it is off, and how to build its `ChannelAdapter` from the
 * shared `ChannelDeps` (plus the archive reader, which only MCP uses). A new channel is one folder under `src/channels/`
 * and one entry here.
 */
import type { Config } from '../config.js';
import type { ChannelAdapter } from './channel-adapter.js';
import { createMcpChannel, type McpChannelDeps } from './mcp/create-mcp-channel.js';
import { createSlackChannel } from './slack/create-slack-channel.js';
import { createTeamsChannel } from './teams/create-teams-channel.js';
import { createWebConsole } from './web/create-web-console.js';

export interface ChannelEntry {
  readonly name: ChannelAdapter['name'];
  isEnabled(config: Config): boolean;
  /** Logged at start when the channel is off: which settings turn it on. */
  readonly offHint: string;
  create(deps: McpChannelDeps): ChannelAdapter;
}

export const CHANNELS: readonly ChannelEntry[] = [
  {
    name: 'teams',
    // Only with an app id (signed activities), or explicitly in emulator
    // mode on loopback (config.ts enforces it); never by default.
    isEnabled: (config) => config.teamsEnabled,
    offHint:
      'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (or TEAMS_EMULATOR=true for local trials)',
    create: (deps) => createTeamsChannel(deps),
  },
  {
    name: 'slack',
    isEnabled: (config) => config.slackEnabled,
    offHint: 'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
    create: (deps) => createSlackChannel(deps),
  },
  {
    name: 'web',
    isEnabled: (config) => config.webConsoleEnabled,
    offHint: 'Web console is off: set WEB_CONSOLE_TOKEN',
    create: (deps) => createWebConsole(deps),
  },
  {
    name: 'mcp',
    isEnabled: (config) => config.mcpEnabled,
    offHint:
      'MCP over HTTP is off: set MCP_TOKENS (hashes from `kancelaria mcp --hash-token`); `kancelaria mcp` serves stdio',
    create: (deps) => createMcpChannel(deps),
  },
];

/** The adapters of the enabled channels; each one that is off is logged with its hint. */
export function createChannelAdapters(
  deps: McpChannelDeps,
  entries: readonly ChannelEntry[] = CHANNELS,
): ChannelAdapter[] {
  return entries.flatMap((entry) => {
    if (entry.isEnabled(deps.config)) return [entry.create(deps)];
    deps.logger.info(entry.offHint);
    return [];
  });
}
