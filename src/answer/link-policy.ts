/**
 * The one rule for links: a link shown to a user points at a letter's own
 * `url` metadata (an http(s) address the archivist set), or at our own
 * viewer. Links in letter text or in model output are never followed:
 * `dropForeignLinks` removes those an LLM wrote that no source carries, and
 * channels render answer text through `neutraliseMarkup`.
 */

/** True for an address safe to put behind a link: http(s), a host, no credentials, nothing a channel's syntax could break on. */
export function isSafeLinkUrl(url: string): boolean {
  if (/[\s<>|"'`\\]/.test(url)) return false;
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.hostname !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** `url` when safe to link, else null (the citation is shown without a link). */
export function safeLinkUrl(url: string | null | undefined): string | null {
  return url && isSafeLinkUrl(url) ? url : null;
}

const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(\s*([^)\s]*)(?:\s+"[^"\n]*")?\s*\)/g;
const SLACK_LINK = /<([a-z][a-z0-9+.-]*:[^<>|\n]*)(?:\|([^<>\n]*))?>/gi;
const BARE_URL = /\b(?:(?:https?|ftp|file):\/\/|www\.)[^\s<>"'`)\]]*/gi;

export interface DropForeignLinksResult {
  readonly text: string;
  /** Links and web addresses removed because no source carries them. */
  readonly removedLinks: number;
}

/** Normalised for comparison: no trailing slash or punctuation, lower-case scheme and host. */
function comparable(url: string): string {
  const trimmed = url.replace(/[.,;:!?]+$/, '').replace(/\/+$/, '');
  try {
    const u = new URL(trimmed);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  } catch {
    return trimmed;
  }
}

/**
 * Removes from generated text every link or web address that is not one of
 * `allowedUrls` (the shown letters' `url` metadata): a linked label keeps its
 * words, a bare foreign address goes.
 */
export function dropForeignLinks(
  text: string,
  allowedUrls: readonly string[],
): DropForeignLinksResult {
  const allowed = new Set(allowedUrls.filter(isSafeLinkUrl).map(comparable));
  const isAllowed = (url: string) => allowed.has(comparable(url));
  let removedLinks = 0;
  const out = text
    .replace(MARKDOWN_LINK, (whole, bang: string, label: string, url: string) => {
      if (!bang && isAllowed(url)) return whole;
      removedLinks += 1;
      return label;
    })
    .replace(SLACK_LINK, (whole, url: string, label: string | undefined) => {
      if (isAllowed(url)) return whole;
      removedLinks += 1;
      return label ?? '';
    })
    .replace(BARE_URL, (url, offset: number, all: string) => {
      // Inside an allowed markdown link: `](` just before it.
      if (
        all.slice(Math.max(0, offset - 2), offset) === '](' ||
        all[offset - 1] === '<' ||
        isAllowed(url)
      )
        return url;
      removedLinks += 1;
      return '';
    });
  return { text: removedLinks > 0 ? out.replace(/[ \t]{2,}/g, ' ') : out, removedLinks };
}
