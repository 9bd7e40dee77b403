/**
 * `kancelaria serve` (= `npm start`): one HTTP server for health checks and
 * every enabled channel. A channel without credentials is off, and the log
 * says so at start.
 */
import { createApp, describeIndexLocation } from '../../app.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createSlackChannel } from '../../channels/slack/create-slack-channel.js';
import { createTeamsChannel } from '../../channels/teams/create-teams-channel.js';
import { createWebConsole } from '../../channels/web/create-web-console.js';
import { startServer, type HttpRoute } from '../../server.js';

export async function runServe({ config, logger }: { config: Config; logger: Logger }): Promise<void> {
  const app = await createApp(config, logger);
  if ((await app.status()).letters === 0) logger.warn({ index: describeIndexLocation(config) }, 'the index is empty: every question will be refused until `kancelaria ingest` runs');
  const routes: HttpRoute[] = [];
  const channelDeps = { assistant: app.assistant, store: app.store, logger, status: () => app.status(), reindex: (p: (line: string) => void) => app.reindex(p) };
  // Teams without an app id runs unauthenticated, which is only for the
  // Bot Framework Emulator on a developer's machine.
  const teams = config.teamsEnabled || config.NODE_ENV !== 'production' ? createTeamsChannel({ config, ...channelDeps }) : null;
  if (teams) routes.push(...teams.routes);
  else logger.info('Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD');
  const slack = config.slackEnabled ? createSlackChannel({ config, ...channelDeps }) : null;
  if (slack) routes.push(...slack.routes);
  else logger.info('Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN)');
  const web = config.webConsoleEnabled
    ? createWebConsole({ config, assistant: app.assistant, index: app.index, ...(app.llm ? { llm: app.llm } : {}), logger, store: app.store })
    : null;
  if (web) routes.push(...web.routes);
  else logger.info('Web console is off: set WEB_CONSOLE_TOKEN');
  const server = await startServer({
    port: config.PORT,
    routes,
    logger,
    health: async () => {
      const { llmModel, ...status } = await app.status();
      // An empty index answers nothing, an unreachable Slack reaches no one: monitoring must see both, not `ok`.
      const slackHealth = slack?.health();
      const degraded = slackHealth && slackHealth.status !== 'ok' ? { status: 'degraded', degraded: { slack: slackHealth.reason ?? 'connecting' } } : {};
      return { ...status, llm: llmModel !== null, ...degraded, ...(status.letters === 0 ? { status: 'empty' } : {}) };
    },
  });
  logger.info({ url: server.url, slack: slack ? (slack.isSocketMode ? 'socket-mode' : 'http') : 'off', teams: teams ? (teams.isAuthEnabled ? 'on' : 'on, authentication off') : 'off', web: web ? 'on' : 'off' }, 'kancelaria listening');
  // Never throws: an unreachable Slack is retried in the background and shown on /healthz.
  void slack?.start();
  const shutdown = async () => {
    logger.info('shutting down');
    await slack?.stop();
    await server.close();
    await teams?.idle();
    await app.close();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
