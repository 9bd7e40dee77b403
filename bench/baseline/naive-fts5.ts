/**
 * The baseline peer every measurement is compared with: the naive SQLite FTS5
 * set-up described in the retrieval issue. One row per passage of raw text,
 * the `unicode61` tokenizer with diacritics removed, and the question's raw
 * words OR-ed together. No stemming, no stop words, no fields. Used by
 * `npm run bench` (built from files) and `npm run eval -- --baseline fts5`
 * (built from the index's passages).
 */
import Database from 'better-sqlite3';
import { foldText } from '../../src/archive/fold-text.js';

export interface NaiveHit {
  /** 1-based insertion order of the passage. */
  readonly rowid: number;
  readonly file: string;
  readonly score: number;
}

/** A naive FTS5 index over raw passage text. */
export class NaiveFts5Index {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #query: Database.Statement;
  readonly #stopWords: ReadonlySet<string> | undefined;

  /**
   * `stopWords` (folded) are left out of the question: the fair peer, since
   * OR-ing „jaka jest odpowiedź w sprawie” makes FTS5 walk huge postings
   * (issue 16). Without it, the peer as first measured.
   */
  constructor(path = ':memory:', { stopWords }: { stopWords?: ReadonlySet<string> } = {}) {
    this.#stopWords = stopWords;
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(file UNINDEXED, text, tokenize = "unicode61 remove_diacritics 2")`,
    );
    this.#insert = this.#db.prepare('INSERT INTO docs (file, text) VALUES (?, ?)');
    this.#query = this.#db.prepare(
      'SELECT rowid, file, -bm25(docs) AS score FROM docs WHERE docs MATCH ? ORDER BY score DESC LIMIT ?',
    );
  }

  /** Adds passages of one file (the same passages Kancelaria indexes, for a fair comparison). */
  add(file: string, texts: readonly string[]): void {
    this.#db.transaction(() => {
      for (const text of texts) this.#insert.run(file, text);
    })();
  }

  /** Best passages for the question's raw words OR-ed. */
  searchPassages(question: string, limit: number): NaiveHit[] {
    const stop = this.#stopWords;
    const words = (question.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !stop?.has(foldText(w)));
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
    return this.#query.all(match, limit) as NaiveHit[];
  }

  /** Distinct files ranked by their best passage. */
  search(question: string, k = 10): NaiveHit[] {
    const seen = new Set<string>();
    return this.searchPassages(question, k * 5)
      .filter((r) => !seen.has(r.file) && seen.add(r.file))
      .slice(0, k);
  }

  close(): void {
    this.#db.close();
  }
}
