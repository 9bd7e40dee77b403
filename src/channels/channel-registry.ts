/**
 * Every channel `serve` can run, in start order: when it is on, what to tell
 * the operator when it is off, and how to build its `ChannelAdapter` from the
 * shared `ChannelDeps` (plus the archive reader, which only MCP uses). A new channel is one folder under `src/channels/`
 * and one entry here.
 *
 * Each channel's module is imported only when the channel is on: Slack's Bolt, the Bot Framework,
 * the MCP SDK and pdf.js are each 15–35 MB of a serving process (issue 16), and an office that
 * runs only the console should not hold them.
 */
import type { Config } from '../config.js';
import type { ChannelAdapter } from './channel-adapter.js';
import type { McpChannelDeps } from './mcp/create-mcp-channel.js';

export interface ChannelEntry {
  readonly name: ChannelAdapter['name'];
  isEnabled(config: Config): boolean;
  /** Logged at start when the channel is off: which settings turn it on. */
  readonly offHint: string;
  create(deps: McpChannelDeps): Promise<ChannelAdapter>;
}

export const CHANNELS: readonly ChannelEntry[] = [
  {
    name: 'teams',
    // Only with an app id (signed activities), or explicitly in emulator
    // mode on loopback (config.ts enforces it); never by default.
    isEnabled: (config) => config.teamsEnabled,
    offHint:
      'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (or TEAMS_EMULATOR=true for local trials)',
    create: async (deps) =>
      (await import('./teams/create-teams-channel.js')).createTeamsChannel(deps),
  },
  {
    name: 'slack',
    isEnabled: (config) => config.slackEnabled,
    offHint: 'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)',
    create: async (deps) =>
      (await import('./slack/create-slack-channel.js')).createSlackChannel(deps),
  },
  {
    name: 'web',
    isEnabled: (config) => config.webConsoleEnabled,
    offHint: 'Web console is off: set WEB_CONSOLE_TOKEN',
    create: async (deps) => (await import('./web/create-web-console.js')).createWebConsole(deps),
  },
  {
    name: 'viewer',
    isEnabled: (config) => config.viewerEnabled,
    offHint:
      'Letter viewer is off (sources are not links): set PUBLIC_BASE_URL and LINK_SIGNING_KEY',
    create: async (deps) =>
      (await import('./viewer/create-letter-viewer.js')).createLetterViewer(deps),
  },
  {
    name: 'mcp',
    isEnabled: (config) => config.mcpEnabled,
    offHint:
      'MCP over HTTP is off: set MCP_TOKENS (hashes from `kancelaria mcp --hash-token`); `kancelaria mcp` serves stdio',
    create: async (deps) => (await import('./mcp/create-mcp-channel.js')).createMcpChannel(deps),
  },
];

/** The adapters of the enabled channels, in start order; each one that is off is logged with its hint. */
export async function createChannelAdapters(
  deps: McpChannelDeps,
  entries: readonly ChannelEntry[] = CHANNELS,
): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  for (const entry of entries) {
    if (entry.isEnabled(deps.config)) adapters.push(await entry.create(deps));
    else deps.logger.info(entry.offHint);
  }
  return adapters;
}
