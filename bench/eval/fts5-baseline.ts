/**
 * The naive baseline of issue #3, built in the eval's own process so the
 * comparison is reproducible: SQLite FTS5 with its stock `unicode61`
 * tokenizer (diacritics removed), no stemming, no stop words, the question's
 * raw words OR-ed, BM25 over passage text. Same passages as the real index.
 */
import Database from 'better-sqlite3';
import type { ArchiveIndex, Letter, SearchHit } from '../../src/archive/types.js';

export interface Fts5Baseline {
  /** Passages for a question, best first. */
  search(question: string, k: number): SearchHit[];
  close(): void;
}

/** Copies every passage of `index` into an in-memory naive FTS5 table. */
export async function buildFts5Baseline(index: ArchiveIndex): Promise<Fts5Baseline> {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE naive USING fts5(body, tokenize = "unicode61 remove_diacritics 2")`);
  const insert = db.prepare('INSERT INTO naive (rowid, body) VALUES (?, ?)');
  const rows: SearchHit[] = [];
  const letters = new Map<string, Letter>();
  for (const { id } of await index.listLetters()) {
    const letter = await index.getLetter(id);
    if (!letter) continue;
    letters.set(id, letter);
    for (const passage of await index.getPassages(id)) {
      rows.push({ letter, passage, score: 0 });
      insert.run(rows.length, passage.text);
    }
  }
  const query = db.prepare('SELECT rowid, -bm25(naive) AS score FROM naive WHERE naive MATCH ? ORDER BY score DESC LIMIT ?');
  return {
    search(question, k) {
      const words = question.match(/[\p{L}\p{N}]+/gu) ?? [];
      if (words.length === 0) return [];
      const match = words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
      return (query.all(match, k) as { rowid: number; score: number }[]).map(({ rowid, score }) => ({ ...rows[rowid - 1]!, score }));
    },
    close: () => db.close(),
  };
}
