/**
 * Thumbs up/down under an answer. The button carries the id under which the
 * answer was remembered, so the stored feedback has the question, answer and
 * citations even for ephemeral answers whose message ts we never learn.
 */
import type { App } from '@slack/bolt';
import { SLACK_TEXT } from '../../messages.js';
import { FEEDBACK_ACTION } from './render-answer.js';
import type { SlackDeps } from './slack-deps.js';
import { feedbackActionSchema } from './slack-payloads.js';

/** Registers the feedback buttons' action handler. */
export function registerFeedback(app: App, deps: SlackDeps): void {
  const { logger, store } = deps;
  const actionIds = new RegExp(`^(${FEEDBACK_ACTION.up}|${FEEDBACK_ACTION.down})$`);

  app.action(actionIds, async ({ ack, body, client, respond }) => {
    await ack();
    const click = feedbackActionSchema.parse(body);
    const action = click.actions[0]!;
    const rating = action.action_id === FEEDBACK_ACTION.up ? 'up' : 'down';
    const remembered = action.value ? store.findAnswer(action.value) : null;
    let reply: string = SLACK_TEXT.feedbackThanks;
    if (remembered) {
      const channel = click.channel?.id;
      const threadTs = click.container?.thread_ts ?? click.container?.message_ts;
      store.recordFeedback({
        channel: 'slack',
        userId: click.user.id,
        conversationId: channel ? `slack:${channel}${threadTs ? `:${threadTs}` : ''}` : null,
        messageId: click.container?.message_ts ?? null,
        rating,
        comment: null,
        question: remembered.question,
        answer: remembered.answer,
        citations: remembered.citations,
      });
      logger.info({ user: click.user.id, rating, answerId: action.value }, 'slack feedback stored');
    } else {
      logger.warn({ user: click.user.id, answerId: action.value }, 'slack feedback for an unknown answer');
      reply = SLACK_TEXT.feedbackUnknown;
    }
    if (respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
    } else if (click.channel) {
      await client.chat.postEphemeral({ channel: click.channel.id, user: click.user.id, text: reply });
    }
  });
}
