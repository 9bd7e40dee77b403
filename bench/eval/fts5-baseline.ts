/**
 * The naive baseline of issue #3 (bench/baseline/naive-fts5.ts), built in the
 * eval's own process from the same passages as the real index, so the
 * comparison is reproducible.
 */
import type { ArchiveIndex, SearchHit } from '../../src/archive/types.js';
import { NaiveFts5Index } from '../baseline/naive-fts5.js';

export interface Fts5Baseline {
  /** Passages for a question, best first. */
  search(question: string, k: number): SearchHit[];
  close(): void;
}

/** Copies every passage of `index` into an in-memory naive FTS5 table. */
export async function buildFts5Baseline(index: ArchiveIndex): Promise<Fts5Baseline> {
  const naive = new NaiveFts5Index(':memory:');
  const rows: SearchHit[] = [];
  for (const { id } of await index.listLetters()) {
    const letter = await index.getLetter(id);
    if (!letter) continue;
    const passages = await index.getPassages(id);
    for (const passage of passages) rows.push({ letter, passage, score: 0 });
    naive.add(
      letter.file,
      passages.map((p) => p.text),
    );
  }
  return {
    search: (question, k) =>
      naive.searchPassages(question, k).map(({ rowid, score }) => ({ ...rows[rowid - 1]!, score })),
    close: () => naive.close(),
  };
}
