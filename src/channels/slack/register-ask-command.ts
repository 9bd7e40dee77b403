/**
 * `/archiwum <pytanie>`: acknowledged at once (Slack drops commands not
 * acknowledged within 3 s), answered afterwards through the command's
 * `response_url`. That URL works in any channel, even one the app was never
 * invited to, which is why commands answer there instead of streaming into a
 * thread. `/archiwum -p <pytanie>` answers ephemerally (only the asker sees it).
 */
import type { App } from '@slack/bolt';
import type { Answer } from '../../answer/types.js';
import { consumeAnswerEvents } from '../../assistant/consume-answer-events.js';
import { safeLogField } from '../../logger.js';
import { SLACK_TEXT, USER_MESSAGES_PL } from '../../messages.js';
import { escapeMrkdwn, renderAnswerBlocks, renderAnswerText } from './render-answer.js';
import { slackIdentity, type SlackDeps } from './slack-deps.js';
import { commandSchema } from './slack-payloads.js';

/** The ask command's name as registered in the manifest. */
export const ASK_COMMAND = '/archiwum';

/** Splits `-p` (private) off the command text. */
export function parseAskCommand(text: string): {
  readonly question: string;
  readonly isPrivate: boolean;
} {
  const match = /^\s*(?:-p|--prywatnie)(?:\s+|$)/i.exec(text);
  return match
    ? { question: text.slice(match[0].length).trim(), isPrivate: true }
    : { question: text.trim(), isPrivate: false };
}

/** Registers `/archiwum`. */
export function registerAskCommand(app: App, deps: SlackDeps): void {
  const { logger } = deps;
  app.command(ASK_COMMAND, async ({ command, ack, respond }) => {
    const cmd = commandSchema.parse(command);
    const { question, isPrivate } = parseAskCommand(cmd.text);
    if (!question) {
      await ack({ response_type: 'ephemeral', text: SLACK_TEXT.emptyQuestion });
      return;
    }
    await ack({ response_type: 'ephemeral', text: SLACK_TEXT.commandAck });
    logger.info(
      { channel: cmd.channel_id, user: cmd.user_id, isPrivate, question: safeLogField(question) },
      'slack command question',
    );
    const responseType = isPrivate ? 'ephemeral' : 'in_channel';
    try {
      const answer = await consumeAnswerEvents<Answer | null>(
        deps.assistant.answer({
          question,
          user: slackIdentity(deps.config, cmd.user_id).user,
          // Without `-p` the reply is posted for the whole conversation to read.
          audience: isPrivate ? 'asker' : 'shared',
          conversationId: `slack:${cmd.channel_id}`,
        }),
        {
          onFinal: (final) => final,
          onError: async ({ text }) => {
            await respond({ response_type: 'ephemeral', replace_original: false, text });
            return null;
          },
        },
      );
      if (!answer) return;
      const answerId = deps.newId();
      deps.feedback.remember(answerId, question, answer);
      // In a channel the others see the answer but not the command, so the question is repeated above it.
      const heading = isPrivate
        ? []
        : [
            {
              type: 'context' as const,
              elements: [
                {
                  type: 'mrkdwn' as const,
                  text: SLACK_TEXT.commandQuestion(cmd.user_id, escapeMrkdwn(question)),
                },
              ],
            },
          ];
      await respond({
        response_type: responseType,
        replace_original: false,
        text: renderAnswerText(answer),
        blocks: [...heading, ...renderAnswerBlocks(answer, answerId)],
      });
    } catch (error) {
      logger.error({ err: error, channel: cmd.channel_id }, 'slack command answer failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: USER_MESSAGES_PL.internal,
      }).catch((e: unknown) =>
        logger.error({ err: e }, 'slack command error message could not be sent'),
      );
    }
  });
}
