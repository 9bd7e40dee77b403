/**
 * Coded errors. Each failure the user can meet has a code; the Polish text a
 * user sees lives in `USER_MESSAGES_PL` (src/messages.ts), keyed by the same
 * union, so a code without a message fails the build.
 */
export type BotErrorCode =
  | 'config_invalid'
  | 'index_unavailable'
  | 'llm_timeout'
  | 'llm_failed'
  | 'rate_limited'
  | 'access_denied'
  | 'bad_request'
  | 'internal';

export interface BotErrorOptions {
  readonly cause?: unknown;
}

/** Base class: an English message for logs and a code for branching and user text. */
export class BotError extends Error {
  readonly code: BotErrorCode;
  constructor(code: BotErrorCode, message: string, options: BotErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'BotError';
    this.code = code;
  }
}

/**
 * The archive index cannot be reached (Qdrant down, refusing connections,
 * answering 5xx) after the retries ran out; users get „Archiwum jest
 * chwilowo niedostępne”, not the generic sentence.
 */
export class IndexUnavailableError extends BotError {
  constructor(message = 'archive index unavailable', options: BotErrorOptions = {}) {
    super('index_unavailable', message, options);
    this.name = 'IndexUnavailableError';
  }
}

export class LlmTimeoutError extends BotError {
  constructor(message = 'LLM request timed out', options: BotErrorOptions = {}) {
    super('llm_timeout', message, options);
    this.name = 'LlmTimeoutError';
  }
}

export class LlmFailedError extends BotError {
  constructor(message: string, options: BotErrorOptions = {}) {
    super('llm_failed', message, options);
    this.name = 'LlmFailedError';
  }
}

/** The user asked too often (`RATE_LIMIT_PER_MINUTE`); answers get it as an event, drafts as this error. */
export class RateLimitedError extends BotError {
  constructor(message = 'rate limit reached', options: BotErrorOptions = {}) {
    super('rate_limited', message, options);
    this.name = 'RateLimitedError';
  }
}

/** A request a channel cannot read (malformed JSON, wrong fields, too large). */
export class BadRequestError extends BotError {
  constructor(message: string, options: BotErrorOptions = {}) {
    super('bad_request', message, options);
    this.name = 'BadRequestError';
  }
}

/** The user may not do this (an admin command, a console without the token). */
export class AccessDeniedError extends BotError {
  constructor(message: string, options: BotErrorOptions = {}) {
    super('access_denied', message, options);
    this.name = 'AccessDeniedError';
  }
}

/**
 * The caller cancelled an LLM request: not a failure to report or to fall
 * back from. Not a `BotError`, because nobody is shown anything.
 */
export class LlmAbortedError extends Error {
  constructor() {
    super('LLM request aborted by the caller');
    this.name = 'LlmAbortedError';
  }
}

/**
 * Any thrown value as a `BotError`: itself when it is one, else `internal`
 * with the original as `cause` (for the log), so every catch that reports to
 * a user picks its Polish sentence the same way (`USER_MESSAGES_PL[code]`).
 */
export function toBotError(error: unknown): BotError {
  if (error instanceof BotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BotError('internal', message, { cause: error });
}

/** Why a single file could not be ingested; the sync goes on with the others. */
export type IngestFailureReason =
  | 'empty'
  | 'too_large'
  | 'too_many_pages'
  /** The extracted text is longer than INGEST_MAX_TEXT_CHARS. */
  | 'too_long'
  | 'unsupported_type'
  | 'corrupt'
  | 'encrypted'
  | 'binary'
  | 'not_utf8'
  | 'no_text'
  | 'timeout'
  | 'bad_metadata'
  /** Extraction needed more memory than INGEST_FILE_MEMORY_MB: its worker was killed. */
  | 'memory_limit'
  /** A zip package (DOCX) that inflates past the ratio or size caps. */
  | 'zip_bomb'
  | 'symlink'
  /** A FIFO, socket or device in the archive folder. */
  | 'special_file'
  /** A file or folder the ingest user may not read, or one that vanished mid-sync. */
  | 'unreadable'
  /** Two names that differ only in Unicode normalisation (NFC/NFD). */
  | 'name_collision';

/** A per-file ingest failure: reported by name with its reason, never fatal to the sync. */
export class IngestError extends Error {
  readonly reason: IngestFailureReason;
  constructor(reason: IngestFailureReason, message: string, options: BotErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'IngestError';
    this.reason = reason;
  }
}
