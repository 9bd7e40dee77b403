/**
 * Slack's side of safe output. Answer text, letter metadata and streamed
 * model output are neutralised (links to labels, addresses defanged,
 * mentions to words) and escaped (`&`, `<`, `>`), so nothing a letter or a
 * model writes becomes a Slack link, `<!channel>`, `<@U…>` or `<#C…>`. The
 * only links are built here, from a letter's own `url` (`link-policy`).
 */
import { neutraliseMarkup } from '../answer/neutralise-markup.js';
import { safeLinkUrl } from '../answer/link-policy.js';

/** Escapes the three characters Slack treats as control sequences in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Untrusted text (letters, model output) as inert Slack text. */
export function escapeSlackText(text: string): string {
  return escapeMrkdwn(neutraliseMarkup(text));
}

/**
 * Converts the core's Markdown to Slack mrkdwn (`**b**` → `*b*`, headings →
 * bold) after making it inert; `[n]` citation markers are left as they are.
 */
export function toSafeMrkdwn(markdown: string): string {
  return escapeSlackText(markdown)
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/__(.+?)__/g, '_$1_')
    .replace(/~~(.+?)~~/g, '~$1~');
}

/** `<url|label>` for a letter's own safe address, else null. */
export function slackLink(url: string | null | undefined, label: string): string | null {
  const safe = safeLinkUrl(url);
  return safe ? `<${safe}|${escapeMrkdwn(label)}>` : null;
}
