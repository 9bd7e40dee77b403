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
  const { feedback } = deps;
  const actionIds = new RegExp(`^(${FEEDBACK_ACTION.up}|${FEEDBACK_ACTION.down})$`);

  app.action(actionIds, async ({ ack, body, client, respond }) => {
    await ack();
    const click = feedbackActionSchema.parse(body);
    const action = click.actions[0]!;
    const rating = action.action_id === FEEDBACK_ACTION.up ? 'up' : 'down';
    const channel = click.channel?.id;
    const threadTs = click.container?.thread_ts ?? click.container?.message_ts;
    const outcome = feedback.record({
      channel: 'slack',
      userId: click.user.id,
      answerKey: action.value ?? null,
      conversationId: channel ? `slack:${channel}${threadTs ? `:${threadTs}` : ''}` : null,
      messageId: click.container?.message_ts ?? null,
      rating,
      comment: null,
      isKeptWithoutAnswer: false,
    });
    const reply = outcome === 'dropped' ? SLACK_TEXT.feedbackUnknown : SLACK_TEXT.feedbackThanks;
    if (respond) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: reply });
    } else if (click.channel) {
      await client.chat.postEphemeral({
        channel: click.channel.id,
        user: click.user.id,
        text: reply,
      });
    }
  });
}
