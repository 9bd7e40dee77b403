/**
 * Teams' side of safe output. Teams renders message text as markdown with
 * some HTML (`<at>` mentions, tags, images), so untrusted text is neutralised
 * (links to labels, addresses defanged, mentions to words) and HTML-escaped.
 * The only links are built here, from a letter's own `url` (`link-policy`).
 */
import { neutraliseMarkup } from '../answer/neutralise-markup.js';
import { safeLinkUrl } from '../answer/link-policy.js';
import { escapeHtml } from './escape-html.js';

/** Untrusted text (letters, model output) as inert Teams text; keeps line structure. */
export function escapeTeamsText(text: string): string {
  return escapeHtml(neutraliseMarkup(text));
}

/** `[label](url)` for a letter's own safe address, else null. */
export function teamsLink(url: string | null | undefined, label: string): string | null {
  const safe = safeLinkUrl(url);
  return safe
    ? `[${escapeHtml(label)}](${safe.replace(/\)/g, '%29').replace(/\(/g, '%28')})`
    : null;
}
