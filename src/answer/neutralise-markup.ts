/**
 * Makes letter text and model output inert before any channel shows it:
 * links become their labels, bare web addresses are defanged
 * (`https[:]//evil[.]example`), and mention syntax (`<!channel>`, `<@U…>`,
 * `<at>…</at>`, `@here`) becomes plain words. A letter is evidence, not a
 * publisher: only a letter's own `url` metadata (see `link-policy.ts`) turns
 * into a link, in the sources list. Channel escaping (`src/channels/escape-*`)
 * still runs afterwards for each channel's own syntax.
 */

/** `[label](target)` and `![alt](target)`, any target. */
const MARKDOWN_LINK = /!?\[([^\]\n]*)\]\(\s*[^)\s]*(?:\s+"[^"\n]*")?\s*\)/g;
/** Slack's `<…>` sequences: links `<url|label>`, user/channel mentions `<@U1|x>`, `<#C1>`, specials `<!channel>`. */
const SLACK_SEQUENCE = /<((?:[a-z][a-z0-9+.-]*:|[@#!])[^<>\n]*)>/gi;
/** Teams mentions. */
const AT_TAG = /<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi;
/** Broadcast words Slack, Teams and most chat clients notify on. */
const BROADCAST = /(^|[^\p{L}\p{N}_@])@(channel|here|everyone|all|team|kanał|wszyscy)\b/giu;
/** A web address with a scheme, `www.`, or a domain followed by a path. */
const BARE_URL =
  /\b(?:(?:https?|ftp|file):\/\/|www\.|(?:[a-z0-9-]+\.)+[a-z]{2,}\/)[^\s<>"'`)\]]*/gi;
/** Script schemes; `data:` only when a MIME type follows (Polish „Data:” is a date label). */
const SCRIPT_SCHEME = /\b(javascript|vbscript|data(?=:[a-z-]+\/[a-z0-9.+-]+[;,]))\s*:/gi;

/** `https://evil.example/x` → `https[:]//evil[.]example/x`: readable, never clickable. */
export function defangUrl(url: string): string {
  const withScheme = url.replace(/:\/\//, '[:]//');
  const hostStart = withScheme.includes('[:]//') ? withScheme.indexOf('[:]//') + 5 : 0;
  const slash = withScheme.indexOf('/', hostStart);
  const hostEnd = slash === -1 ? withScheme.length : slash;
  return (
    withScheme.slice(0, hostStart) +
    withScheme.slice(hostStart, hostEnd).replace(/\./g, '[.]') +
    withScheme.slice(hostEnd)
  );
}

/** One Slack sequence as plain words: the label of a link, the name (or id) of a mention. */
function plainSequence(inner: string): string {
  const [target = '', label] = inner.split('|', 2);
  if (/^[@#!]/.test(target)) {
    const name = (label ?? target.slice(1)).replace(/^[@#]/, '');
    return name.replace(/^subteam\^/, '');
  }
  return label ?? target;
}

/** Text with every link, web address and mention made inert. Idempotent. */
export function neutraliseMarkup(text: string): string {
  return text
    .replace(AT_TAG, '$1')
    .replace(MARKDOWN_LINK, '$1')
    .replace(SLACK_SEQUENCE, (_m, inner: string) => plainSequence(inner))
    .replace(BARE_URL, (url) => (url.includes('[:]') || url.includes('[.]') ? url : defangUrl(url)))
    .replace(SCRIPT_SCHEME, '$1[:]')
    .replace(BROADCAST, '$1$2');
}

/** Longest text held back waiting for a bracket to close before it is let through anyway. */
const MAX_HOLD = 2000;

/** Where streamed text can be cut: after whitespace outside any bracket, so no link or mention is split. */
function safeCut(text: string): number {
  let depth = 0;
  let cut = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (ch === '[' || ch === '(' || ch === '<') depth += 1;
    else if (ch === ']' || ch === ')' || ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch)) cut = i + 1;
  }
  return cut === -1 && text.length > MAX_HOLD ? text.length : cut;
}

/** A streaming filter: pieces in, neutralised pieces out, cut only where nothing can be split. */
export interface MarkupGuard {
  /** The part of the text so far that is safe to show, neutralised (may be empty). */
  push(piece: string): string;
  /** Whatever is still held back, neutralised. */
  end(): string;
}

/**
 * Guards a stream of model output, so nothing unverified reaches a channel
 * as a link or a mention while it is being written.
 */
export function createMarkupGuard(): MarkupGuard {
  let pending = '';
  return {
    push(piece) {
      pending += piece;
      const cut = safeCut(pending);
      if (cut <= 0) return '';
      const ready = pending.slice(0, cut);
      pending = pending.slice(cut);
      return neutraliseMarkup(ready);
    },
    end() {
      const rest = pending;
      pending = '';
      return neutraliseMarkup(rest);
    },
  };
}
