/**
 * Reading the archive without an answer: a ranked search and one letter by
 * id, for channels that hand the sources themselves to someone else (the MCP
 * server's `search_archive`, `get_letter` and `letter://` resources). The
 * same rules as answers apply here, in the core and not in the channel: the
 * access-group filter inside the index query (restricted letters only when
 * nobody but the asker reads them), the per-user rate limit shared with
 * answers, and an audit record per call.
 */
import type { ArchiveIndex, Letter, Passage, SearchFilter } from '../archive/types.js';
import { RateLimitedError } from '../errors.js';
import { safeLogField, type Logger } from '../logger.js';
import { retrievePassages } from '../retrieval/retrieve-passages.js';
import type { RateLimiter } from './rate-limit.js';
import type { AuditRecord } from './state-store.js';
import type { Audience, ChannelName, UserIdentity } from './types.js';

/** Who asks, who reads, and through which channel (for the audit log). */
interface ReadRequestBase {
  readonly user?: UserIdentity;
  /** Who reads the result; unset counts as `shared`, as for answers, so restricted letters stay out. */
  readonly audience?: Audience;
  readonly channel: ChannelName;
  /**
   * Runs the call's log line and audit row once the reply is out, for a
   * channel that can tell when that is (MCP over HTTP: the audit's commit
   * waits for an fsync, which the reply need not wait for). It must run the
   * record even when the client has gone. Unset: recorded before returning.
   */
  readonly afterReply?: (record: () => void) => void;
}

export interface ArchiveSearchRequest extends ReadRequestBase {
  readonly query: string;
  /** Passages to return (across letters), 10 by default. */
  readonly k?: number;
  /** Inclusive ISO dates (`YYYY-MM-DD`) of the letter's own date. */
  readonly dateFrom?: string;
  readonly dateTo?: string;
  /** Znak sprawy; any spelling of it matches (see `referenceToken`). */
  readonly reference?: string;
}

/** A passage as search returns it. */
export interface FoundPassage {
  readonly passage: Passage;
  readonly score: number;
  /** The passage in the letter viewer, when the deployment has one (`linkPassage`). */
  readonly viewerUrl: string | null;
}

/** A letter with its matching passages, best first. */
export interface FoundLetter {
  readonly letter: Letter;
  /** The best passage's score. */
  readonly score: number;
  readonly passages: readonly FoundPassage[];
}

export interface ArchiveSearchResult {
  /** Letters in rank order of their best passage. */
  readonly letters: readonly FoundLetter[];
}

export interface LetterRequest extends ReadRequestBase {
  readonly letterId: string;
}

export interface LetterContent {
  readonly letter: Letter;
  /** Every passage of the letter, in order. */
  readonly passages: readonly Passage[];
  /** The letter in the viewer, when the deployment has one. */
  readonly viewerUrl: string | null;
}

/** The archive as read-only sources, with the answer's access rules. */
export interface ArchiveReader {
  /**
   * Passages ranked for `query` (the retrieval answers use), grouped by letter.
   * @throws {RateLimitedError} over the per-user limit (shared with answers).
   */
  search(request: ArchiveSearchRequest): Promise<ArchiveSearchResult>;
  /**
   * One letter with all its passages; null when it does not exist or the
   * reader may not see it (the two are not told apart, so ids reveal nothing).
   * @throws {RateLimitedError} over the per-user limit (shared with answers).
   */
  getLetter(request: LetterRequest): Promise<LetterContent | null>;
}

export interface ArchiveReaderOptions {
  readonly index: ArchiveIndex;
  readonly logger: Logger;
  /** The limiter answers count against; without it reads are not limited. */
  readonly limiter?: RateLimiter;
  readonly audit?: (record: Omit<AuditRecord, 'at'>) => void;
  /**
   * A link to a letter's page in a viewer, made for the user who reads it (the
   * viewer's links are signed per user, see `sign-letter-links.ts`); null or
   * absent: no viewer link. `page` null: the format has no pages.
   */
  readonly linkPassage?: (link: PassageLink) => string | null;
}

export interface PassageLink {
  readonly letter: Letter;
  readonly page: number | null;
  /** What the viewer marks: the start of the passage (for a whole letter, of its first one). */
  readonly quote: string;
  readonly userId: string;
}

/** The start of a passage, cut at a word: enough for the viewer to find and mark it, short enough for a URL. */
function quoteStart(text: string, maxChars = 300): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), maxChars / 2)).trimEnd();
}

/** At most this many passages per letter in a search result: a long letter must not crowd out the others. */
const PASSAGES_PER_LETTER = 3;

/** The groups a request may read: the user's own only when nobody else reads the result. */
function readableGroups({ user, audience }: ReadRequestBase): readonly string[] {
  return audience === 'asker' ? (user?.accessGroups ?? []) : [];
}

/** The rule the index query applies (`SearchFilter.accessGroups`), for a letter fetched by id. */
function isVisible(letter: Letter, groups: readonly string[]): boolean {
  return letter.accessGroup === null || groups.includes(letter.accessGroup);
}

/** A granted call's log line and audit row: after the reply when the channel says when, now otherwise. */
function recordAfterReply(request: ReadRequestBase, record: () => void): void {
  if (request.afterReply) request.afterReply(record);
  else record();
}

/** Creates the reader over an index. */
export function createArchiveReader({
  index,
  logger,
  limiter,
  audit,
  linkPassage,
}: ArchiveReaderOptions): ArchiveReader {
  const link = (letter: Letter, page: number | null, quote: string, request: ReadRequestBase) =>
    linkPassage?.({ letter, page, quote, userId: request.user?.id ?? 'anonymous' }) ?? null;

  /** Counts the call against the user's budget; a refused call is audited and thrown. */
  function admit(request: ReadRequestBase, action: string, detail: string): void {
    if (!limiter || limiter.admit(request.user?.id)) return;
    const userId = request.user?.id ?? 'anonymous';
    audit?.({ channel: request.channel, userId, action, allowed: false, detail });
    throw new RateLimitedError(`${action} rate limit reached for ${userId}`);
  }

  return {
    async search(request) {
      const { query, k = 10, dateFrom, dateTo, reference } = request;
      const detail = safeLogField(query);
      admit(request, 'search', detail);
      const filter: SearchFilter = {
        accessGroups: readableGroups(request),
        ...(dateFrom ? { dateFrom } : {}),
        ...(dateTo ? { dateTo } : {}),
        ...(reference ? { reference } : {}),
      };
      const hits = await retrievePassages({
        index,
        question: query,
        k,
        perLetter: PASSAGES_PER_LETTER,
        filter,
      });
      // Hits arrive in rank order, so a letter's first hit is its best and the Map keeps letters ranked.
      const byLetter = new Map<
        string,
        { letter: Letter; score: number; passages: FoundPassage[] }
      >();
      for (const { letter, passage, score } of hits) {
        const entry = byLetter.get(letter.id) ?? { letter, score, passages: [] };
        entry.passages.push({
          passage,
          score,
          viewerUrl: link(letter, passage.page, quoteStart(passage.text), request),
        });
        byLetter.set(letter.id, entry);
      }
      const userId = request.user?.id ?? 'anonymous';
      const letters = byLetter.size;
      recordAfterReply(request, () => {
        logger.info(
          { user: userId, channel: request.channel, query: detail, letters },
          'archive search',
        );
        audit?.({ channel: request.channel, userId, action: 'search', allowed: true, detail });
      });
      return { letters: [...byLetter.values()] };
    },

    async getLetter(request) {
      const detail = safeLogField(request.letterId);
      admit(request, 'letter', detail);
      const userId = request.user?.id ?? 'anonymous';
      const letter = await index.getLetter(request.letterId);
      const isShown = letter !== null && isVisible(letter, readableGroups(request));
      recordAfterReply(request, () => {
        logger.info(
          { user: userId, channel: request.channel, letterId: detail, shown: isShown },
          'archive letter',
        );
        audit?.({ channel: request.channel, userId, action: 'letter', allowed: isShown, detail });
      });
      if (!letter || !isShown) return null;
      const passages = await index.getPassages(letter.id);
      // The viewer opens at a passage it can mark: the letter's first one.
      const first = passages[0];
      return {
        letter,
        passages,
        viewerUrl: first ? link(letter, first.page, quoteStart(first.text), request) : null,
      };
    },
  };
}
