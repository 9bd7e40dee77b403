/**
 * The bot's own state, kept apart from the archive index so that re-indexing
 * (or moving the index to Qdrant) never touches it: answer feedback,
 * conversation turns (Teams gives bots no history API), processed event ids
 * (Slack retries must not produce a second answer), the admin audit log, and
 * the archive files' hashes by size and mtime (`ingest/file-hash-cache.ts`:
 * a cache, so losing it costs one full read of the archive, nothing else).
 * SQLite in WAL mode; one file per DATA_DIR.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import Database from 'better-sqlite3';
import type { Citation } from '../answer/types.js';
import type { FileHashCache, FileStamp } from '../../ingest/file-hash-cache.js';
import type { ChatTurn } from './types.js';

export interface FeedbackRecord {
  readonly channel: 'slack' | 'teams' | 'web' | 'cli';
  readonly userId: string;
  readonly conversationId: string | null;
  readonly messageId: string | null;
  readonly rating: 'up' | 'down';
  readonly comment: string | null;
  readonly question: string;
  readonly answer: string;
  readonly citations: readonly Citation[];
  /** ISO timestamp. */
  readonly at: string;
}

export interface AuditRecord {
  readonly channel: string;
  readonly userId: string;
  readonly action: string;
  readonly allowed: boolean;
  readonly detail: string | null;
  readonly at: string;
}

/** What the admin page shows of the last sync: its counts and the files that failed, with reasons. */
export interface LastSyncSummary {
  readonly added: number;
  readonly updated: number;
  readonly deleted: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly failures: readonly {
    readonly file: string;
    readonly reason: string;
    readonly message: string;
  }[];
  readonly letters: number;
  readonly passages: number;
  readonly durationMs: number;
}

/** Answer record remembered per posted message, so a later feedback click can be tied to its question. */
export interface AnsweredMessage {
  readonly messageId: string;
  readonly question: string;
  readonly answer: string;
  readonly citations: readonly Citation[];
}

export interface StateStoreOptions {
  /** File path, or `:memory:` for tests. */
  readonly path: string;
  readonly now?: () => Date;
}

/** Persistent bot state on SQLite. */
export class StateStore {
  readonly #db: Database.Database;
  readonly #now: () => Date;
  /** Prepared once: every search, answer and letter read of every channel writes a row. */
  readonly #insertAudit: Database.Statement;

  constructor({ path, now = () => new Date() }: StateStoreOptions) {
    if (path !== ':memory:') fs.mkdirSync(nodePath.dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#now = now;
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS feedback (
        id INTEGER PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, conversation_id TEXT,
        message_id TEXT, rating TEXT NOT NULL CHECK (rating IN ('up','down')), comment TEXT,
        question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS turns (
        id INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL, role TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns (conversation_id, id);
      CREATE TABLE IF NOT EXISTS events (event_id TEXT PRIMARY KEY, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS answers (
        message_id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, citations TEXT NOT NULL, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, action TEXT NOT NULL,
        allowed INTEGER NOT NULL, detail TEXT, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS file_hashes (
        path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, sidecar TEXT,
        content_hash TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS last_sync (
        id INTEGER PRIMARY KEY CHECK (id = 1), summary TEXT NOT NULL, at TEXT NOT NULL);
    `);
    this.#insertAudit = this.#db.prepare(
      'INSERT INTO audit (channel, user_id, action, allowed, detail, at) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * Claims an incoming event id. Returns false when it was seen before, so a
   * retried delivery (Slack's `x-slack-retry-num`) is acknowledged but not answered twice.
   */
  claimEvent(eventId: string): boolean {
    const result = this.#db
      .prepare('INSERT OR IGNORE INTO events (event_id, at) VALUES (?, ?)')
      .run(eventId, this.#now().toISOString());
    return result.changes === 1;
  }

  /** Appends one turn to a conversation's history. */
  appendTurn(conversationId: string, turn: ChatTurn): void {
    this.#db
      .prepare('INSERT INTO turns (conversation_id, role, text, at) VALUES (?, ?, ?, ?)')
      .run(conversationId, turn.role, turn.text, this.#now().toISOString());
  }

  /** The last `limit` turns of a conversation, oldest first. */
  recentTurns(conversationId: string, limit = 6): ChatTurn[] {
    const rows = this.#db
      .prepare('SELECT role, text FROM turns WHERE conversation_id = ? ORDER BY id DESC LIMIT ?')
      .all(conversationId, limit) as { role: ChatTurn['role']; text: string }[];
    return rows.reverse().map((r) => ({ role: r.role, text: r.text }));
  }

  /** Remembers what was answered in a posted message (for feedback on it). */
  rememberAnswer(record: AnsweredMessage): void {
    this.#db
      .prepare(
        'INSERT OR REPLACE INTO answers (message_id, question, answer, citations, at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        record.messageId,
        record.question,
        record.answer,
        JSON.stringify(record.citations),
        this.#now().toISOString(),
      );
  }

  /** Looks up a remembered answer by the channel's message id. */
  findAnswer(messageId: string): AnsweredMessage | null {
    const row = this.#db.prepare('SELECT * FROM answers WHERE message_id = ?').get(messageId) as
      { message_id: string; question: string; answer: string; citations: string } | undefined;
    if (!row) return null;
    return {
      messageId: row.message_id,
      question: row.question,
      answer: row.answer,
      citations: JSON.parse(row.citations) as Citation[],
    };
  }

  /** Stores one thumbs up/down. */
  recordFeedback(record: Omit<FeedbackRecord, 'at'> & { at?: string }): void {
    this.#db
      .prepare(
        `INSERT INTO feedback (channel, user_id, conversation_id, message_id, rating, comment, question, answer, citations, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.channel,
        record.userId,
        record.conversationId,
        record.messageId,
        record.rating,
        record.comment,
        record.question,
        record.answer,
        JSON.stringify(record.citations),
        record.at ?? this.#now().toISOString(),
      );
  }

  /** All feedback, oldest first (for `kancelaria feedback export`). */
  listFeedback(): FeedbackRecord[] {
    const rows = this.#db.prepare('SELECT * FROM feedback ORDER BY id').all() as {
      channel: FeedbackRecord['channel'];
      user_id: string;
      conversation_id: string | null;
      message_id: string | null;
      rating: 'up' | 'down';
      comment: string | null;
      question: string;
      answer: string;
      citations: string;
      at: string;
    }[];
    return rows.map((r) => ({
      channel: r.channel,
      userId: r.user_id,
      conversationId: r.conversation_id,
      messageId: r.message_id,
      rating: r.rating,
      comment: r.comment,
      question: r.question,
      answer: r.answer,
      citations: JSON.parse(r.citations) as Citation[],
      at: r.at,
    }));
  }

  /** Logs an admin action, allowed or refused. */
  audit(record: Omit<AuditRecord, 'at'>): void {
    this.#insertAudit.run(
      record.channel,
      record.userId,
      record.action,
      record.allowed ? 1 : 0,
      record.detail,
      this.#now().toISOString(),
    );
  }

  listAudit(): AuditRecord[] {
    const rows = this.#db.prepare('SELECT * FROM audit ORDER BY id').all() as {
      channel: string;
      user_id: string;
      action: string;
      allowed: number;
      detail: string | null;
      at: string;
    }[];
    return rows.map((r) => ({
      channel: r.channel,
      userId: r.user_id,
      action: r.action,
      allowed: r.allowed === 1,
      detail: r.detail,
      at: r.at,
    }));
  }

  /** Keeps the last completed sync's counts and failures (one row, replaced), for the admin page. */
  saveLastSync(summary: LastSyncSummary): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO last_sync (id, summary, at) VALUES (1, ?, ?)')
      .run(JSON.stringify(summary), this.#now().toISOString());
  }

  /** The last completed sync (CLI `ingest` or a chat/web reindex), or null before the first. */
  lastSync(): (LastSyncSummary & { readonly at: string }) | null {
    const row = this.#db.prepare('SELECT summary, at FROM last_sync WHERE id = 1').get() as
      { summary: string; at: string } | undefined;
    return row ? { ...(JSON.parse(row.summary) as LastSyncSummary), at: row.at } : null;
  }

  /** The ingest's hash cache (see `ingest/file-hash-cache.ts`), kept in this database. */
  fileHashes(): FileHashCache {
    const select = this.#db.prepare(
      'SELECT size, mtime_ms, sidecar, content_hash FROM file_hashes WHERE path = ?',
    );
    const upsert = this.#db.prepare(
      'INSERT OR REPLACE INTO file_hashes (path, size, mtime_ms, sidecar, content_hash) VALUES (?, ?, ?, ?, ?)',
    );
    const pending: [FileStamp, string][] = [];
    const write = this.#db.transaction(
      (rows: [FileStamp, string][], keep?: ReadonlySet<string>) => {
        for (const [s, hash] of rows)
          upsert.run(s.relativePath, s.size, s.mtimeMs, s.sidecar, hash);
        if (keep) {
          const remove = this.#db.prepare('DELETE FROM file_hashes WHERE path = ?');
          const paths = this.#db.prepare('SELECT path FROM file_hashes').pluck().all() as string[];
          for (const path of paths) if (!keep.has(path)) remove.run(path);
        }
      },
    );
    return {
      get(stamp) {
        const row = select.get(stamp.relativePath) as
          | { size: number; mtime_ms: number; sidecar: string | null; content_hash: string }
          | undefined;
        return row &&
          row.size === stamp.size &&
          row.mtime_ms === stamp.mtimeMs &&
          row.sidecar === stamp.sidecar
          ? row.content_hash
          : undefined;
      },
      set(stamp, contentHash) {
        pending.push([stamp, contentHash]);
        // Written in batches: one transaction per file would cost a WAL commit each.
        if (pending.length >= 500) write(pending.splice(0), undefined);
      },
      flush(keep) {
        write(pending.splice(0), keep);
      },
    };
  }

  close(): void {
    this.#db.close();
  }
}
