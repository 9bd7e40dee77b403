/**
 * Conversational entry points: a mention in a channel and the app's Messages
 * tab (Slack's agent messaging, which replaced the assistant split view:
 * `app_home_opened` with `tab: "messages"` instead of `assistant_thread_started`,
 * `app_context_changed` instead of `assistant_thread_context_changed`, plain
 * `message.im` events in threads of the DM). Questions are answered in their
 * thread, with the thread's earlier messages as history.
 */
import type { App, Context, webApi } from '@slack/bolt';
import { SLACK_TEXT } from '../../messages.js';
import { answerInThread } from './answer-in-thread.js';
import { loadThreadHistory, stripMentions } from './load-thread-history.js';
import { slackIdentity, type SlackDeps } from './slack-deps.js';
import {
  appContextChangedSchema,
  appHomeOpenedSchema,
  messageEventSchema,
  type AppHomeOpened,
  type MessageEvent,
} from './slack-payloads.js';

interface QuestionInput {
  readonly deps: SlackDeps;
  readonly client: webApi.WebClient;
  readonly context: Context;
  readonly event: MessageEvent;
  readonly userId: string;
}

/** Answers one question message in its thread. */
async function answerMessage({
  deps,
  client,
  context,
  event,
  userId,
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

/**
 * The Messages tab opened (agent messaging: `app_home_opened` with `tab: "messages"`). The
 * suggested prompts are set on every open (they are part of the composer, not a message); the
 * greeting is posted once per user, or every open would add a message to the DM.
 */
async function onMessagesTabOpened(
  deps: SlackDeps,
  client: webApi.WebClient,
  event: AppHomeOpened,
): Promise<void> {
  try {
    // No thread_ts: for an agent_view app the call with one silently does nothing (docs.slack.dev).
    await client.assistant.threads.setSuggestedPrompts({
      channel_id: event.channel,
      title: SLACK_TEXT.promptsTitle,
      prompts: SLACK_TEXT.suggestedPrompts.map((p) => ({ title: p.title, message: p.message })),
    });
  } catch (error) {
    // A nicety: a workspace that refuses it (scope, plan) still gets the greeting and answers.
    deps.logger.warn({ err: error, channel: event.channel }, 'slack suggested prompts refused');
  }
  if (deps.store.claimEvent(`slack:greeted:${event.user}`)) {
    await client.chat.postMessage({ channel: event.channel, text: SLACK_TEXT.greeting });
  }
}

/** Registers mentions and the Messages tab (agent messaging) on `app`. */
export function registerConversations(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    const parsed = appHomeOpenedSchema.safeParse(event);
    if (!parsed.success || parsed.data.tab !== 'messages') return;
    await onMessagesTabOpened(deps, client, parsed.data);
  });

  // Subscribed so support can see in the log what a user looked at; answers never depend on it
  // (the archive is the same from every channel, and who may read what is decided by audience).
  app.event('app_context_changed', async ({ event }) => {
    const parsed = appContextChangedSchema.safeParse(event);
    if (!parsed.success) return;
    deps.logger.debug(
      { user: parsed.data.user, entities: parsed.data.context.entities.map((e) => e.type) },
      'slack agent context changed',
    );
  });

  app.event('app_mention', async ({ event, client, context }) => {
    const question = humanMessage(event);
    if (!question) return;
    await answerMessage({ deps, client, context, event: question, userId: question.user });
  });

  // The Messages tab: each top-level question opens a thread, follow-ups arrive with its thread_ts.
  app.message(async ({ message, client, context }) => {
    const event = humanMessage(message);
    if (!event || event.channel_type !== 'im') return;
    await answerMessage({ deps, client, context, event, userId: event.user });
  });
}
