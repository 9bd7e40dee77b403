/**
 * Conversational entry points: a mention in a channel, a direct message, and
 * the app's agent view (Slack's "AI app" split view). All of them answer in
 * the thread of the question and take the thread's earlier messages as history.
 */
import { Assistant as BoltAssistant, type App, type Context, type webApi } from '@slack/bolt';
import { SLACK_TEXT, STATUS_TEXT } from '../../messages.js';
import { answerInThread } from './answer-in-thread.js';
import { loadThreadHistory, stripMentions } from './load-thread-history.js';
import { slackIdentity, type SlackDeps } from './slack-deps.js';
import { messageEventSchema, type MessageEvent } from './slack-payloads.js';

/** Slack caps thread titles; long questions are cut at a word. */
const TITLE_LIMIT = 80;

interface QuestionInput {
  readonly deps: SlackDeps;
  readonly client: webApi.WebClient;
  readonly context: Context;
  readonly event: MessageEvent;
  readonly userId: string;
  readonly onFirstTurn?: (question: string) => Promise<unknown>;
}

/** Answers one question message in its thread. */
async function answerMessage({
  deps,
  client,
  context,
  event,
  userId,
  onFirstTurn,
}: QuestionInput): Promise<void> {
  const question = stripMentions(event.text);
  const threadTs = event.thread_ts ?? event.ts;
  if (!question) {
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: threadTs,
      text: SLACK_TEXT.greeting,
    });
    return;
  }
  const history = await loadThreadHistory({
    client,
    channel: event.channel,
    threadTs,
    currentTs: event.ts,
    ...(context.botUserId ? { botUserId: context.botUserId } : {}),
    ...(context.botId ? { botId: context.botId } : {}),
    logger: deps.logger,
  });
  if (history.length === 0 && onFirstTurn) await onFirstTurn(question);
  const teamId = event.team ?? context.teamId;
  await answerInThread({
    client,
    assistant: deps.assistant,
    feedback: deps.feedback,
    logger: deps.logger,
    newId: deps.newId,
    target: { channel: event.channel, threadTs, userId, ...(teamId ? { teamId } : {}) },
    request: {
      question,
      history,
      user: slackIdentity(deps.config, userId).user,
      // Only a direct message with the app is read by the asker alone; channels and group DMs (`mpim`) are shared.
      audience: event.channel_type === 'im' ? 'asker' : 'shared',
      conversationId: `slack:${event.channel}:${threadTs}`,
    },
    updateIntervalMs: deps.updateIntervalMs,
    ...(deps.streamBufferSize ? { streamBufferSize: deps.streamBufferSize } : {}),
  });
}

/** A human's question, or null for bots, edits, joins and other non-questions. */
function humanMessage(payload: unknown): (MessageEvent & { user: string }) | null {
  const parsed = messageEventSchema.safeParse(payload);
  if (!parsed.success) return null;
  const event = parsed.data;
  // Own and other bots' messages never trigger an answer (Bolt's ignoreSelf covers only our own).
  if (event.bot_id || !event.user) return null;
  if (event.subtype && event.subtype !== 'file_share' && event.subtype !== 'thread_broadcast')
    return null;
  return { ...event, user: event.user };
}

/** The agent view: greeting and suggested prompts on open, a title, a status while working. */
function createAgentView(deps: SlackDeps): BoltAssistant {
  return new BoltAssistant({
    threadStarted: async ({ say, setSuggestedPrompts }) => {
      await say(SLACK_TEXT.greeting);
      await setSuggestedPrompts({
        title: SLACK_TEXT.promptsTitle,
        prompts: SLACK_TEXT.suggestedPrompts.map((p) => ({ title: p.title, message: p.message })),
      });
    },
    userMessage: async ({ message, client, context, setTitle, setStatus }) => {
      const event = humanMessage(message);
      if (!event) return;
      // Status first: the user sees the app working before history is even read.
      await setStatus(STATUS_TEXT.searching);
      await answerMessage({
        deps,
        client,
        context,
        event,
        userId: event.user,
        onFirstTurn: (question) =>
          setTitle(
            question.length > TITLE_LIMIT
              ? `${question.slice(0, TITLE_LIMIT).replace(/\s+\S*$/, '')}…`
              : question,
          ),
      });
    },
  });
}

/** Registers mentions, DMs and the agent view on `app`. */
export function registerConversations(app: App, deps: SlackDeps): void {
  app.assistant(createAgentView(deps));

  app.event('app_mention', async ({ event, client, context }) => {
    const question = humanMessage(event);
    if (!question) return;
    await answerMessage({ deps, client, context, event: question, userId: question.user });
  });

  // Direct messages outside an agent-view thread (the agent view's own messages never reach here).
  app.message(async ({ message, client, context }) => {
    const event = humanMessage(message);
    if (!event || event.channel_type !== 'im') return;
    await answerMessage({ deps, client, context, event, userId: event.user });
  });
}
