/**
 * Opens `index.sqlite` with the checks a damaged file needs: SQLite treats a
 * 0-byte file as a new, empty database, which used to answer every question
 * with a refusal; a file that is not a database failed with SQLite's bare
 * "file is not a database". Both now name the file and the fix.
 */
import fs from 'node:fs';
import { BotError } from '../errors.js';
import { SqliteIndex, type SqliteIndexOptions } from './sqlite-index.js';

/** The index file exists but cannot be used; the message names it and says what to do. */
export class IndexFileError extends BotError {
  readonly path: string;
  constructor(file: string, problem: string, options: { cause?: unknown } = {}) {
    super(
      'index_unavailable',
      `the index ${file} ${problem}: move it aside (or delete it) and run \`kancelaria ingest --full\` to rebuild it`,
      options,
    );
    this.name = 'IndexFileError';
    this.path = file;
  }
}

/**
 * Opens (or creates) a SQLite index file.
 * @throws IndexFileError for a 0-byte file or one SQLite cannot read as a database.
 */
export function openSqliteIndex(options: SqliteIndexOptions): SqliteIndex {
  const file = options.path;
  const stat = file === ':memory:' ? null : fs.statSync(file, { throwIfNoEntry: false });
  if (stat && stat.size === 0) throw new IndexFileError(file, 'is 0 bytes (truncated or damaged)');
  try {
    return new SqliteIndex(options);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new IndexFileError(
        file,
        `is damaged (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    }
    throw error;
  }
}
