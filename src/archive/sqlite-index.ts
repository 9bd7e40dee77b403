/**
 * The embedded archive index: one SQLite file (WAL) holding letters, passages
 * and an FTS5 table over the analyzer's terms. No server, no API key: what a
 * fresh clone and a small office run on.
 *
 * FTS5 ranks with BM25 over three columns (passage body, the letter's subject,
 * the letter's people and reference), weighted so a subject match counts more
 * than a body match. The analyzer has already folded, stemmed and filtered the
 * text, so FTS5's own tokenizer only splits on spaces (`.` and `-` are token
 * characters, which keeps reference numbers whole).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_ANALYZER, referenceToken, type Analyzer } from './analyzer.js';
import { wholeLetterTerms } from './whole-letter-text.js';
import {
  analyseOnce,
  assertOneVectorPerPassage,
  DEFAULT_FIELD_WEIGHTS,
  DOCUMENT_FIELD_LAYOUT,
  documentFields,
  indexFormat,
} from './document-fields.js';
import type {
  AnalysedLetter,
  ArchiveIndex,
  IndexStats,
  Letter,
  LetterDigest,
  LetterUpsert,
  Passage,
  SearchFilter,
  SearchHit,
  SearchOptions,
  TermStats,
  UpsertOptions,
} from './types.js';

export interface SqliteIndexOptions {
  /** Database file, or `:memory:`. Parent folders are created. */
  readonly path: string;
  /** Term analyzer; the default one unless an experiment compares others. An index must be read with the analyzer that built it. */
  readonly analyzer?: Analyzer;
  /** BM25 weights of the body, subject and people columns (query-time; see docs/retrieval.md for how they were chosen). */
  readonly columnWeights?: readonly [number, number, number];
  /**
   * Question terms found in more than this share of passages are left out of
   * the match: their BM25 weight is near zero, yet their long posting lists
   * are most of a query's cost (docs/retrieval.md). 1 keeps every term.
   */
  readonly maxTermShare?: number;
  /**
   * Open an existing index for reading only (the answer workers of `serve`): no schema is created,
   * no format reset, no writes. The file must exist and have been opened read-write once (by the
   * main thread) so its tables are in this analyzer's format.
   */
  readonly isReadonly?: boolean;
}

/** See `SqliteIndexOptions.maxTermShare`; chosen with bench/compare-retrieval.ts. */
export const DEFAULT_MAX_TERM_SHARE = 0.2;
/** Below this many passages every query term is kept. */
const MIN_PASSAGES_TO_PRUNE = 1000;
/** Read statements kept prepared per connection (searches by filter shape, term counts, letter reads). */
const MAX_STATEMENTS = 256;

/** BM25 column weights: body, subject, people/reference (the shared field layout's weights). */
export const DEFAULT_COLUMN_WEIGHTS: readonly [number, number, number] = DEFAULT_FIELD_WEIGHTS;

/** FTS5 columns, one per indexed field, in layout order. */
const FIELD_COLUMNS = DOCUMENT_FIELD_LAYOUT.map((f) => f.name).join(', ');

interface LetterRow {
  id: string;
  file: string;
  content_hash: string;
  source: string;
  url: string | null;
  title: string | null;
  date: string | null;
  reference: string | null;
  author: string | null;
  author_role: string | null;
  addressee: string | null;
  interpellation: string | null;
  received_date: string | null;
  pages: number;
  access_group: string | null;
  ocr: number;
  language: string;
  ocr_confidence: number | null;
  attached_to: string | null;
}

interface PassageRow {
  id: string;
  letter_id: string;
  ordinal: number;
  page: number | null;
  start: number;
  end: number;
  text: string;
}

function toLetter(row: LetterRow): Letter {
  return {
    id: row.id,
    file: row.file,
    contentHash: row.content_hash,
    source: row.source,
    url: row.url,
    title: row.title,
    date: row.date,
    reference: row.reference,
    author: row.author,
    authorRole: row.author_role,
    addressee: row.addressee,
    interpellation: row.interpellation,
    receivedDate: row.received_date,
    pages: row.pages,
    accessGroup: row.access_group,
    ocr: row.ocr === 1,
    language: row.language,
    ...(row.ocr_confidence !== null ? { ocrConfidence: row.ocr_confidence } : {}),
    ...(row.attached_to !== null ? { attachedTo: row.attached_to } : {}),
  };
}

function toPassage(row: PassageRow): Passage {
  return {
    id: row.id,
    letterId: row.letter_id,
    ordinal: row.ordinal,
    page: row.page,
    start: row.start,
    end: row.end,
    text: row.text,
  };
}

/** The vector scaled to length 1 (zero stays zero), as float32. */
function unitVector(vector: readonly number[]): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return Float32Array.from(vector, (x) => x * scale);
}

/** Quotes a term for an FTS5 MATCH expression. */
function ftsTerm(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/** A filter as SQL: conditions on the letter `l` (need a join) and the access rule on a passage rowid (needs none). */
interface FilterClause {
  /** ` AND …` over `l.*`, or `''`. */
  readonly letterSql: string;
  readonly letterParams: unknown[];
  /** ` AND <rowid> NOT IN (…)`, or `''`. */
  readonly accessSql: string;
  readonly accessParams: unknown[];
}

/**
 * Builds the SQL filter clauses; every value is bound, never interpolated.
 * The access rule is a rowid test against the passages of letters the user
 * may not see, computed once per query (an uncorrelated subquery over the
 * `access_group` index, so it costs what the restricted letters hold:
 * nothing when every letter is public), and the ranking
 * does not join every match with its letter: the assistant always passes
 * access groups (issue 16, docs/performance.md).
 */
function filterClause(filter: SearchFilter | undefined, rowid: string): FilterClause {
  const parts: string[] = [];
  const letterParams: unknown[] = [];
  let accessSql = '';
  const accessParams: unknown[] = [];
  if (filter?.dateFrom) {
    parts.push('l.date >= ?');
    letterParams.push(filter.dateFrom);
  }
  if (filter?.dateTo) {
    parts.push('l.date <= ?');
    letterParams.push(filter.dateTo);
  }
  if (filter?.reference) {
    // Any spelling of the reference, with or without the clerk's initials (src/archive/reference-number.ts).
    parts.push('l.reference_key = ?');
    letterParams.push(referenceToken(filter.reference));
  }
  if (filter?.author) {
    parts.push('l.author LIKE ?');
    letterParams.push(`%${filter.author}%`);
  }
  if (filter?.letterIds) {
    parts.push(`l.id IN (${filter.letterIds.map(() => '?').join(',') || 'NULL'})`);
    letterParams.push(...filter.letterIds);
  }
  if (filter?.accessGroups) {
    // A letter without a group is public; otherwise the user must belong to its group.
    const groups = filter.accessGroups;
    // INDEXED BY: without ANALYZE statistics the planner would scan every passage instead of
    // reading the (usually empty) range of restricted letters; the cost would grow with the archive.
    accessSql = ` AND ${rowid} NOT IN (SELECT hp.rowid FROM passages hp WHERE hp.letter_id IN (
      SELECT hl.id FROM letters hl INDEXED BY letters_by_access_group
      WHERE hl.access_group IS NOT NULL${groups.length ? ` AND hl.access_group NOT IN (${groups.map(() => '?').join(',')})` : ''}))`;
    accessParams.push(...groups);
  }
  return {
    letterSql: parts.length ? ` AND ${parts.join(' AND ')}` : '',
    letterParams,
    accessSql,
    accessParams,
  };
}

/** The write path's statements (`SqliteIndex.#prepareWriter`). */
interface Writer {
  readonly insertLetter: Database.Statement;
  readonly insertPassage: Database.Statement;
  readonly insertTerms: Database.Statement;
  readonly insertVector: Database.Statement;
  readonly insertLetterTerms: Database.Statement;
  readonly passageRowids: Database.Statement;
  readonly deleteTerms: Database.Statement;
  readonly deleteVector: Database.Statement;
  readonly deletePassages: Database.Statement;
  readonly deleteLetterTerms: Database.Statement;
  readonly deleteLetter: Database.Statement;
}

/** `ArchiveIndex` on SQLite + FTS5. */
export class SqliteIndex implements ArchiveIndex {
  readonly #db: Database.Database;
  readonly #analyzer: Analyzer;
  readonly #weights: readonly number[];
  #vectors: { rowid: number; values: Float32Array }[] | null = null;
  readonly #maxTermShare: number;
  /** Document frequencies of terms seen so far in this index generation (see `#refreshGeneration`). */
  #df = new Map<string, number>();
  #passageCount: number | null = null;
  /** `PRAGMA data_version` when the caches were filled: another connection's commit changes it. */
  #dataVersion: number | null = null;
  readonly #readDataVersion: () => number;
  /** Prepared on the first write (a read-only connection never prepares them). */
  #writer: Writer | null = null;
  /**
   * The read statements, prepared once per SQL text: compiling a search's SQL cost about a
   * tenth of it, and an answer reads a few letters' passages besides (`#prepared`).
   */
  readonly #statements = new Map<string, Database.Statement>();

  constructor({
    path: file,
    analyzer = DEFAULT_ANALYZER,
    columnWeights = DEFAULT_COLUMN_WEIGHTS,
    maxTermShare = DEFAULT_MAX_TERM_SHARE,
    isReadonly = false,
  }: SqliteIndexOptions) {
    this.#maxTermShare = maxTermShare;
    analyzer.prepare();
    this.#analyzer = analyzer;
    this.#weights = columnWeights;
    if (isReadonly) {
      // WAL lets this connection read while the writer commits; each read sees the last commit.
      this.#db = new Database(file, { readonly: true, fileMustExist: true });
      this.#db.pragma('busy_timeout = 5000');
      const readOnlyVersion = this.#db.prepare('PRAGMA data_version').pluck();
      this.#readDataVersion = () => readOnlyVersion.get() as number;
      return;
    }
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    const format = indexFormat(analyzer);
    this.#resetIfFormatChanged(format);
    this.#db.exec(`
      CREATE TABLE IF NOT EXISTS letters (
        id TEXT PRIMARY KEY, file TEXT NOT NULL, content_hash TEXT NOT NULL, source TEXT NOT NULL, url TEXT,
        title TEXT, date TEXT, reference TEXT, author TEXT, author_role TEXT, addressee TEXT, interpellation TEXT,
        received_date TEXT, pages INTEGER NOT NULL, access_group TEXT, ocr INTEGER NOT NULL, language TEXT NOT NULL,
        ocr_confidence REAL, attached_to TEXT, reference_key TEXT);
      CREATE INDEX IF NOT EXISTS letters_by_date ON letters (date);
      CREATE INDEX IF NOT EXISTS letters_by_reference ON letters (reference_key);
      CREATE INDEX IF NOT EXISTS letters_by_access_group ON letters (access_group);
      CREATE TABLE IF NOT EXISTS passages (
        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, letter_id TEXT NOT NULL REFERENCES letters(id),
        ordinal INTEGER NOT NULL, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS passages_by_letter ON passages (letter_id, ordinal);
      CREATE VIRTUAL TABLE IF NOT EXISTS passage_terms USING fts5(
        ${FIELD_COLUMNS}, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 tokenchars '.-'");
      CREATE VIRTUAL TABLE IF NOT EXISTS passage_vocab USING fts5vocab(passage_terms, 'row');
      CREATE TABLE IF NOT EXISTS passage_vectors (rowid INTEGER PRIMARY KEY, vector BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS letter_terms (letter_id TEXT PRIMARY KEY REFERENCES letters(id), terms TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
    this.#db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('format', ?)").run(format);
    const dataVersion = this.#db.prepare('PRAGMA data_version').pluck();
    this.#readDataVersion = () => dataVersion.get() as number;
  }

  /**
   * Terms stored by another analyzer (or another table layout) would never
   * match this one's queries, so an index written in an older format is
   * emptied; the next `ingest` re-adds every letter (an unchanged archive
   * otherwise looks up to date by content hash and would be skipped).
   */
  #resetIfFormatChanged(format: string): void {
    const hasMeta = this.#db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'")
      .get();
    if (!hasMeta) return;
    const stored = this.#db.prepare("SELECT value FROM meta WHERE key = 'format'").pluck().get() as
      string | undefined;
    if (stored === format) return;
    this.#db.exec(`
      DROP TABLE IF EXISTS passage_vocab; DROP TABLE IF EXISTS passage_terms; DROP TABLE IF EXISTS passage_vectors;
      DROP TABLE IF EXISTS letter_terms; DROP TABLE IF EXISTS passages; DROP TABLE IF EXISTS letters; DROP TABLE IF EXISTS meta;
    `);
  }

  async upsertLetter(
    letter: Letter,
    passages: readonly Passage[],
    options: UpsertOptions = {},
  ): Promise<void> {
    await this.upsertLetters([{ letter, passages, options }]);
  }

  /** One transaction for the whole batch: a commit per letter cost a WAL sync and the statements' setup each (issue 16). */
  async upsertLetters(batch: readonly LetterUpsert[]): Promise<void> {
    for (const { letter, passages, options } of batch)
      assertOneVectorPerPassage(letter, passages, options?.vectors);
    const writer = (this.#writer ??= this.#prepareWriter());
    // Analysis (the costly part) happens before the transaction opens, so the write lock is held briefly.
    const rows = batch.map(({ letter, passages, options = {} }) => ({
      letter,
      passages,
      options,
      ...this.#termsOf(letter, passages, options.terms),
    }));
    this.#db.transaction(() => {
      for (const row of rows) this.#writeLetter(writer, row);
    })();
    this.#invalidateCaches();
  }

  /** The FTS5 column texts per passage and the letter's terms: those the ingest worker analysed, or analysed here. */
  #termsOf(
    letter: Letter,
    passages: readonly Passage[],
    given: AnalysedLetter | undefined,
  ): { fields: readonly (readonly string[])[]; letterTerms: string } {
    if (given && given.fields.length === passages.length && given.analyzer === this.#analyzer.name)
      return { fields: given.fields, letterTerms: given.letterTerms.join(' ') };
    const analyseTerms = analyseOnce(this.#analyzer);
    // FTS5 columns hold the analysed terms as one space-separated text (terms hold no spaces).
    const fields = passages.map((p) =>
      documentFields(letter, p).map((field) => analyseTerms(field.text).join(' ')),
    );
    // Answerability reads these instead of analysing the whole letter per question.
    const letterTerms = (given?.letterTerms ?? wholeLetterTerms(letter, passages)).join(' ');
    return { fields, letterTerms };
  }

  /** Write statements, prepared once per connection (preparing them per letter was a measurable share of an ingest). */
  #prepareWriter(): Writer {
    const db = this.#db;
    return {
      insertLetter: db.prepare(
        `INSERT INTO letters (id, file, content_hash, source, url, title, date, reference, author, author_role, addressee,
           interpellation, received_date, pages, access_group, ocr, language, ocr_confidence, attached_to, reference_key)
         VALUES (@id, @file, @contentHash, @source, @url, @title, @date, @reference, @author, @authorRole, @addressee,
           @interpellation, @receivedDate, @pages, @accessGroup, @ocr, @language, @ocrConfidence, @attachedTo, @referenceKey)`,
      ),
      insertPassage: db.prepare(
        'INSERT INTO passages (id, letter_id, ordinal, page, start, "end", text) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      insertTerms: db.prepare(
        `INSERT INTO passage_terms (rowid, ${FIELD_COLUMNS}) VALUES (?${', ?'.repeat(DOCUMENT_FIELD_LAYOUT.length)})`,
      ),
      insertVector: db.prepare('INSERT INTO passage_vectors (rowid, vector) VALUES (?, ?)'),
      insertLetterTerms: db.prepare('INSERT INTO letter_terms (letter_id, terms) VALUES (?, ?)'),
      passageRowids: db.prepare('SELECT rowid FROM passages WHERE letter_id = ?').pluck(),
      deleteTerms: db.prepare('DELETE FROM passage_terms WHERE rowid = ?'),
      deleteVector: db.prepare('DELETE FROM passage_vectors WHERE rowid = ?'),
      deletePassages: db.prepare('DELETE FROM passages WHERE letter_id = ?'),
      deleteLetterTerms: db.prepare('DELETE FROM letter_terms WHERE letter_id = ?'),
      deleteLetter: db.prepare('DELETE FROM letters WHERE id = ?'),
    };
  }

  #writeLetter(
    w: Writer,
    {
      letter,
      passages,
      options,
      fields,
      letterTerms,
    }: {
      letter: Letter;
      passages: readonly Passage[];
      options: UpsertOptions;
      fields: readonly (readonly string[])[];
      letterTerms: string;
    },
  ): void {
    // A new letter has nothing to delete; were the caller wrong, the primary key refuses the insert.
    if (!options.isNew) this.#deleteLetterRows(w, letter.id);
    w.insertLetter.run({
      ...letter,
      ocr: letter.ocr ? 1 : 0,
      ocrConfidence: letter.ocrConfidence ?? null,
      attachedTo: letter.attachedTo ?? null,
      referenceKey: letter.reference ? referenceToken(letter.reference) : null,
    });
    passages.forEach((p, i) => {
      const { lastInsertRowid } = w.insertPassage.run(
        p.id,
        letter.id,
        p.ordinal,
        p.page,
        p.start,
        p.end,
        p.text,
      );
      w.insertTerms.run(lastInsertRowid, ...fields[i]!);
      const vector = options.vectors?.[i];
      if (vector) w.insertVector.run(lastInsertRowid, Buffer.from(unitVector(vector).buffer));
    });
    w.insertLetterTerms.run(letter.id, letterTerms);
  }

  #deleteLetterRows(w: Writer, id: string): void {
    for (const rowid of w.passageRowids.all(id) as number[]) {
      w.deleteTerms.run(rowid);
      w.deleteVector.run(rowid);
    }
    w.deletePassages.run(id);
    w.deleteLetterTerms.run(id);
    w.deleteLetter.run(id);
    this.#invalidateCaches();
  }

  /**
   * The statement for `sql`, prepared on its first use. A schema change needs no care here: SQLite
   * recompiles a prepared statement whose schema changed. Bounded, as the term-frequency query's
   * SQL varies with the number of terms.
   */
  #prepared(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      if (this.#statements.size >= MAX_STATEMENTS) this.#statements.clear();
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #invalidateCaches(): void {
    this.#vectors = null;
    this.#df.clear();
    this.#passageCount = null;
  }

  /**
   * Term statistics and vectors are cached per index generation: this
   * connection's writes clear them, and `PRAGMA data_version` (which changes
   * when another connection commits, e.g. an `ingest` beside the running bot)
   * clears them before the next read.
   */
  #refreshGeneration(): void {
    const version = this.#readDataVersion();
    if (version !== this.#dataVersion) {
      this.#invalidateCaches();
      this.#dataVersion = version;
    }
  }

  /** Passages in the index, cached per generation. */
  #countPassages(): number {
    this.#refreshGeneration();
    this.#passageCount ??=
      (this.#db.prepare('SELECT count(*) FROM passages').pluck().get() as number) ?? 0;
    return this.#passageCount;
  }

  /** Document frequency of each term (0 when absent), from fts5vocab, cached per generation. */
  #documentFrequencies(terms: readonly string[]): ReadonlyMap<string, number> {
    this.#refreshGeneration();
    const unknown = [...new Set(terms)].filter((t) => !this.#df.has(t));
    if (unknown.length > 0) {
      const rows = this.#prepared(
        `SELECT term, doc FROM passage_vocab WHERE term IN (${unknown.map(() => '?').join(',')})`,
      ).all(...unknown) as { term: string; doc: number }[];
      for (const t of unknown) this.#df.set(t, 0);
      for (const row of rows) this.#df.set(row.term, row.doc);
    }
    return this.#df;
  }

  /** The question's terms minus those too common to matter (never all of them). */
  #selectTerms(terms: readonly string[]): string[] {
    if (this.#maxTermShare >= 1) return [...terms];
    const passageCount = this.#countPassages();
    this.#documentFrequencies(terms);
    // Only large archives need it, and in a small one every term is "common".
    if (passageCount < MIN_PASSAGES_TO_PRUNE) return [...terms];
    const limit = this.#maxTermShare * passageCount;
    const kept = terms.filter((t) => (this.#df.get(t) ?? 0) <= limit);
    return kept.some((t) => (this.#df.get(t) ?? 0) > 0) ? kept : [...terms];
  }

  async deleteLetter(id: string): Promise<void> {
    const writer = (this.#writer ??= this.#prepareWriter());
    this.#db.transaction(() => this.#deleteLetterRows(writer, id))();
  }

  async listLetters(): Promise<LetterDigest[]> {
    const rows = this.#db
      .prepare('SELECT id, file, content_hash FROM letters ORDER BY file')
      .all() as {
      id: string;
      file: string;
      content_hash: string;
    }[];
    return rows.map((r) => ({ id: r.id, file: r.file, contentHash: r.content_hash }));
  }

  async search(query: string, { k, filter }: SearchOptions): Promise<SearchHit[]> {
    const terms = this.#selectTerms(this.#analyzer.analyzeQuery(query));
    if (terms.length === 0 || k <= 0) return [];
    const match = terms.map(ftsTerm).join(' OR ');
    const where = filterClause(filter, 'passage_terms.rowid');
    // Rank on rowids and scores only, then fetch the few winning rows: carrying
    // passage text and letter columns through the sort cost most of the time.
    // Only filters on letter fields (named in the question) join while ranking.
    const rows = this.#prepared(
      `WITH ranked AS (
           SELECT passage_terms.rowid AS rid, -bm25(passage_terms, ${this.#weights.join(', ')}) AS score
           FROM passage_terms${where.letterSql ? ' JOIN passages p ON p.rowid = passage_terms.rowid JOIN letters l ON l.id = p.letter_id' : ''}
           WHERE passage_terms MATCH ?${where.letterSql}${where.accessSql}
           ORDER BY score DESC LIMIT ?)
         SELECT p.*, l.*, p.id AS passage_id, ranked.score AS score
         FROM ranked JOIN passages p ON p.rowid = ranked.rid JOIN letters l ON l.id = p.letter_id
         ORDER BY ranked.score DESC`,
    ).all(match, ...where.letterParams, ...where.accessParams, k) as (LetterRow &
      PassageRow & { passage_id: string; score: number })[];
    return rows.map((row) => ({
      passage: toPassage({ ...row, id: row.passage_id }),
      letter: toLetter(row),
      score: row.score,
    }));
  }

  /**
   * Brute-force cosine over every stored vector (unit-normalised at insert, so
   * a dot product). At archive scale (10⁴ passages) this is a few milliseconds
   * and needs no extension; the vectors are read once and cached until the next write.
   */
  async searchByVector(
    vector: readonly number[],
    { k, filter }: SearchOptions,
  ): Promise<SearchHit[]> {
    if (k <= 0) return [];
    this.#refreshGeneration();
    const all = this.#loadVectors();
    const query = unitVector(vector);
    const where = filterClause(filter, 'p.rowid');
    const allowed =
      where.letterSql || where.accessSql
        ? new Set(
            this.#db
              .prepare(
                `SELECT p.rowid FROM passages p JOIN letters l ON l.id = p.letter_id WHERE 1 = 1${where.letterSql}${where.accessSql}`,
              )
              .pluck()
              .all(...where.letterParams, ...where.accessParams) as number[],
          )
        : null;
    const scored: { rowid: number; score: number }[] = [];
    for (const { rowid, values } of all) {
      if (values.length !== query.length || (allowed && !allowed.has(rowid))) continue;
      let dot = 0;
      for (let i = 0; i < values.length; i++) dot += values[i]! * query[i]!;
      scored.push({ rowid, score: dot });
    }
    scored.sort((a, b) => b.score - a.score);
    const top = scored.slice(0, k);
    const fetch = this.#db.prepare(
      'SELECT p.*, l.*, p.id AS passage_id FROM passages p JOIN letters l ON l.id = p.letter_id WHERE p.rowid = ?',
    );
    return top.map(({ rowid, score }) => {
      const row = fetch.get(rowid) as LetterRow & PassageRow & { passage_id: string };
      return { passage: toPassage({ ...row, id: row.passage_id }), letter: toLetter(row), score };
    });
  }

  #loadVectors(): readonly { rowid: number; values: Float32Array }[] {
    if (this.#vectors === null) {
      const rows = this.#db.prepare('SELECT rowid, vector FROM passage_vectors').all() as {
        rowid: number;
        vector: Buffer;
      }[];
      this.#vectors = rows.map(({ rowid, vector }) => ({
        rowid,
        values: new Float32Array(
          vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength),
        ),
      }));
    }
    return this.#vectors;
  }

  async getLetter(id: string): Promise<Letter | null> {
    const row = this.#prepared('SELECT * FROM letters WHERE id = ?').get(id) as
      LetterRow | undefined;
    return row ? toLetter(row) : null;
  }

  async getPassages(letterId: string): Promise<Passage[]> {
    const rows = this.#prepared('SELECT * FROM passages WHERE letter_id = ? ORDER BY ordinal').all(
      letterId,
    ) as PassageRow[];
    return rows.map(toPassage);
  }

  async letterTerms(letterIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
    // Only this method reads this SQL, so the plucking statement is its own.
    const read = this.#prepared('SELECT terms FROM letter_terms WHERE letter_id = ?').pluck();
    const terms = new Map<string, readonly string[]>();
    for (const id of new Set(letterIds)) {
      const row = read.get(id) as string | undefined;
      if (row !== undefined) terms.set(id, row === '' ? [] : row.split(' '));
    }
    return terms;
  }

  async markSynced(at: Date): Promise<void> {
    this.#db
      .prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_sync', ?)")
      .run(at.toISOString());
  }

  async stats(): Promise<IndexStats> {
    const count = (sql: string) => (this.#db.prepare(sql).pluck().get() as number) ?? 0;
    const lastSync = this.#db
      .prepare("SELECT value FROM meta WHERE key = 'last_sync'")
      .pluck()
      .get() as string | undefined;
    return {
      backend: 'sqlite',
      letters: count('SELECT count(*) FROM letters'),
      passages: count('SELECT count(*) FROM passages'),
      lastSync: lastSync ?? null,
    };
  }

  /** Served from the per-generation cache; a term the index lacks is absent from `df`, as the contract says. */
  async termStats(terms: readonly string[]): Promise<TermStats> {
    const passages = this.#countPassages();
    const known = this.#documentFrequencies(terms);
    const df = new Map<string, number>();
    for (const term of terms) {
      const count = known.get(term) ?? 0;
      if (count > 0) df.set(term, count);
    }
    return { passages, df };
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
