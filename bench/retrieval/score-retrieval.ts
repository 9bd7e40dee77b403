/** Retrieval-only scoring for experiments: recall@k and MRR over distinct letters, with latency. */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchHit } from '../../src/archive/types.js';
import type { EvalQuestion } from '../eval/questions.js';

export interface RetrievalScore {
  readonly questions: number;
  readonly r1: number;
  readonly r5: number;
  readonly r10: number;
  readonly mrr: number;
  readonly p50: number;
  readonly p95: number;
  /** Ids of questions whose relevant letter was not in the top 10. */
  readonly misses: readonly string[];
}

function matches(file: string, relevant: readonly string[]): boolean {
  const stem = path.basename(file).replace(/\.[^.]+$/, '');
  return relevant.some((r) => r.replace(/\.[^.]+$/, '') === stem);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Runs every answerable question through `retrieve` (distinct letters, best first) and scores it. */
export async function scoreRetrieval(
  questions: readonly EvalQuestion[],
  retrieve: (question: string) => Promise<readonly SearchHit[]>,
): Promise<RetrievalScore> {
  const ranks: (number | null)[] = [];
  const times: number[] = [];
  const misses: string[] = [];
  for (const q of questions.filter((x) => x.answerable)) {
    const t0 = performance.now();
    const hits = await retrieve(q.question);
    times.push(performance.now() - t0);
    const letters = [...new Set(hits.map((h) => h.letter.file))].slice(0, 10);
    const i = letters.findIndex((f) => matches(f, q.relevant));
    ranks.push(i === -1 ? null : i + 1);
    if (i === -1) misses.push(q.id);
  }
  const share = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const r4 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    questions: ranks.length,
    r1: r4(share(1)),
    r5: r4(share(5)),
    r10: r4(share(10)),
    mrr: r4(ranks.reduce<number>((a, r) => a + (r === null ? 0 : 1 / r), 0) / ranks.length),
    p50: r4(percentile(times, 50)),
    p95: r4(percentile(times, 95)),
    misses,
  };
}
