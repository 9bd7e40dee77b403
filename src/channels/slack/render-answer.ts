/**
 * Turns a finished `Answer` into Slack Block Kit: the text as mrkdwn, a
 * sources block a councillor can use to find the original letter, and the
 * feedback buttons. Pure functions, so the layout is tested without Slack.
 */
import type { types as slackTypes } from '@slack/bolt';
import { describeCitation } from '../../answer/citations.js';
import { toAnswerView, type AnswerView } from '../../answer/to-answer-view.js';
import type { Answer, Citation } from '../../answer/types.js';
import { SLACK_TEXT } from '../../messages.js';
import { escapeMrkdwn, escapeSlackText, slackLink, toSafeMrkdwn } from '../escape-slack.js';

type KnownBlock = slackTypes.KnownBlock;

/** Action ids of the feedback buttons; the click handler matches on them. */
export const FEEDBACK_ACTION = {
  up: 'kancelaria_feedback_up',
  down: 'kancelaria_feedback_down',
} as const;

/** Slack rejects section text above 3,000 characters, so long answers are split. */
const SECTION_LIMIT = 2900;

/** Escaping lives in `../escape-slack.ts`; re-exported for existing callers. */
export { escapeMrkdwn };

/**
 * The core's Markdown as inert Slack mrkdwn: links and mentions from answer
 * text never become Slack links or mentions (`toSafeMrkdwn`).
 */
export function toMrkdwn(markdown: string): string {
  return toSafeMrkdwn(markdown);
}

/** Splits text into chunks under Slack's section limit, preferring paragraph breaks. */
export function splitForSections(text: string, limit = SECTION_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const cut = Math.max(
      rest.lastIndexOf('\n\n', limit),
      rest.lastIndexOf('\n', limit),
      rest.lastIndexOf(' ', limit),
    );
    const at = cut > limit / 2 ? cut : limit;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** One sources line: `[1] WEN.9823.2020.RFZ, 2020-03-02, Marcin Michalik (…), plik.pdf, s. 1 · <url|otwórz>`. */
export function formatSourceLine(citation: Citation, language: 'pl' | 'en' = 'pl'): string {
  const line = `[${citation.n}] ${escapeSlackText(describeCitation(citation, language))}`;
  // The signed viewer link when PUBLIC_BASE_URL is set (opens the page, quote highlighted), else the letter's own url.
  const link = slackLink(citation.viewerUrl ?? citation.url, SLACK_TEXT.openLink);
  return link ? `${line} · ${link}` : line;
}

/** The sources block, or none when nothing is cited (refusals). */
export function renderSourcesBlocks(answer: Answer | AnswerView): KnownBlock[] {
  const view = 'sourcesText' in answer ? answer : toAnswerView(answer);
  if (view.sources.length === 0) return [];
  const lines = view.sources.map((c) => formatSourceLine(c, view.language));
  return splitForSections([SLACK_TEXT.sourcesHeading, ...lines].join('\n')).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
}

/** Thumbs up/down; `answerId` ties the click to the remembered question and answer. */
export function renderFeedbackBlock(answerId: string): KnownBlock {
  return {
    type: 'actions',
    block_id: 'kancelaria_feedback',
    elements: [
      {
        type: 'button',
        action_id: FEEDBACK_ACTION.up,
        value: answerId,
        text: { type: 'plain_text', text: SLACK_TEXT.feedbackUp, emoji: true },
      },
      {
        type: 'button',
        action_id: FEEDBACK_ACTION.down,
        value: answerId,
        text: { type: 'plain_text', text: SLACK_TEXT.feedbackDown, emoji: true },
      },
    ],
  };
}

/** The notice (e.g. „Model językowy jest niedostępny…”) as a context line, or nothing. */
export function renderNoticeBlocks(view: AnswerView): KnownBlock[] {
  return view.notice
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `_${escapeMrkdwn(view.notice)}_` }] }]
    : [];
}

/**
 * Blocks that close a streamed message: the streamed text is already there,
 * so the notice (the core streams only the answer text), sources and buttons.
 */
export function renderTrailerBlocks(answer: Answer, answerId: string): KnownBlock[] {
  const view = toAnswerView(answer);
  return [...renderNoticeBlocks(view), ...renderSourcesBlocks(view), renderFeedbackBlock(answerId)];
}

/** The whole final message (for `chat.update` and `respond`): notice, text sections, sources, buttons. */
export function renderAnswerBlocks(answer: Answer, answerId: string): KnownBlock[] {
  const view = toAnswerView(answer);
  const sections: KnownBlock[] = splitForSections(toMrkdwn(view.text)).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text },
  }));
  return [
    ...renderNoticeBlocks(view),
    ...sections,
    ...renderSourcesBlocks(view),
    renderFeedbackBlock(answerId),
  ];
}

/** Notification/fallback text of the final message (shown in notifications and by old clients). */
export function renderAnswerText(answer: Answer): string {
  const view = toAnswerView(answer);
  return toMrkdwn(view.notice ? `_${view.notice}_\n\n${view.text}` : view.text);
}
