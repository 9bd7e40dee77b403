/**
 * The channel-free contract between the assistant core and every channel
 * (Slack, Teams, CLI, web). Channels build an `AnswerRequest` and render the
 * `AnswerEvent`s; they never touch the index or the LLM.
 */
import type { DraftReply } from '../answer/draft-reply.js';
import type { Answer, Citation } from '../answer/types.js';
import type { BotErrorCode } from '../errors.js';

/** One earlier turn of the conversation (thread), oldest first. */
export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** Who is asking: decides which access groups' letters they may see. */
export interface UserIdentity {
  /** Channel-qualified id, e.g. `slack:U123` or `teams:<aad-object-id>`. */
  readonly id: string;
  readonly name?: string;
  /** Access groups the user belongs to (from config); letters with no group are public. */
  readonly accessGroups?: readonly string[];
}

/**
 * Who will read the answer. `asker`: only the person asking (a 1:1 chat, an
 * ephemeral reply, the CLI, the staff console). `shared`: others too (a
 * channel, a group chat, a visible slash-command reply). Restricted letters
 * are answered only to `asker`; the filter looks at the readers, not just at
 * who asks.
 */
export type Audience = 'asker' | 'shared';

export interface AnswerRequest {
  readonly question: string;
  /** Who reads the answer; unset counts as `shared`, so a channel that forgets it leaks nothing. */
  readonly audience?: Audience;
  readonly history?: readonly ChatTurn[];
  readonly user?: UserIdentity;
  /** Channel-qualified conversation id, for audit and rate limits. */
  readonly conversationId?: string;
  /** Aborts retrieval and generation (e.g. the user deleted the question). */
  readonly signal?: AbortSignal;
}

/** What the core emits while answering; channels render these as they arrive. */
export type AnswerEvent =
  /** Progress a channel can show as a status line (`Szukam w archiwum…`). */
  | {
      readonly type: 'status';
      readonly stage: 'condensing' | 'searching' | 'writing';
      readonly text: string;
    }
  /**
   * A piece of answer text, in order. LLM text is unverified while it streams,
   * so it arrives with links, web addresses and mentions neutralised
   * (`neutraliseMarkup`); the `final` answer's text replaces it.
   */
  | { readonly type: 'delta'; readonly text: string }
  /** Sources known so far (sent before the final answer so channels can prepare hover cards). */
  | { readonly type: 'citations'; readonly citations: readonly Citation[] }
  /** The final, verified answer (always the last event on success). */
  | { readonly type: 'final'; readonly answer: Answer }
  /** Something failed; `text` is one short Polish sentence safe to show. */
  | { readonly type: 'error'; readonly code: BotErrorCode; readonly text: string };

/**
 * What admin `status` commands and `/healthz` report, gathered by the
 * composition root (`App.status`) and rendered by each channel.
 */
export interface ArchiveStatus {
  readonly backend: 'sqlite' | 'qdrant';
  readonly letters: number;
  readonly passages: number;
  /** ISO timestamp of the last completed sync, or null. */
  readonly lastSync: string | null;
  /** Model name when an LLM is configured, else null (extractive answers). */
  readonly llmModel: string | null;
}

/** Where a request came from, for the audit log. */
export type ChannelName = 'slack' | 'teams' | 'web' | 'cli' | 'mcp';

/** A request for a draft of an official reply (`kancelaria draft`, the console's draft form). */
export interface DraftRequest {
  /** The letter, interpellation or question the draft replies to. */
  readonly request: string;
  /** Addressee, e.g. `Pan Grzegorz Krzak, Radny Miasta Chorzów`. */
  readonly to?: string;
  /** Signatory `Name, Function`, instead of the office's (`OFFICE_SIGNATORY_*`). */
  readonly from?: string;
  /** „Do wiadomości” recipients. */
  readonly copiesTo?: readonly string[];
  /** The request's date, when the request text does not name it. */
  readonly requestDate?: string;
  readonly user?: UserIdentity;
  readonly channel: ChannelName;
  readonly signal?: AbortSignal;
}

/** What a channel that only answers questions (Slack, Teams, the console's ask box) needs of the core. */
export type Answerer = Pick<Assistant, 'answer'>;

/** The assistant core as channels see it: answers stream, drafts arrive whole. */
export interface Assistant {
  answer(request: AnswerRequest): AsyncIterable<AnswerEvent>;
  /**
   * Drafts a reply with the same retrieval, access groups, refusal rule and
   * LLM fallback as `answer`, and records it in the audit log.
   * @throws {RateLimitedError} over the per-user limit (shared with `answer`).
   */
  draft(request: DraftRequest): Promise<DraftReply>;
}
