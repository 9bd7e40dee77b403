/**
 * `npx tsx bench/measure-duplicates.ts [DIR]`: the containment of every pair of
 * letters in a corpus that share any shingle, as a histogram, to choose
 * `DUPLICATE_CONTAINMENT` (src/retrieval/group-duplicate-letters.ts). Prints
 * the pairs above 0.5 so they can be read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { containment, shingles } from '../src/retrieval/group-duplicate-letters.js';

const dir = process.argv[2] ?? '/work/shared/corpus/sejm';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt'));
const sets = files.map((f) => shingles(fs.readFileSync(path.join(dir, f), 'utf8')));
const byShingle = new Map<string, number[]>();
sets.forEach((set, i) => {
  for (const s of set) {
    const list = byShingle.get(s) ?? [];
    list.push(i);
    byShingle.set(s, list);
  }
});
const candidates = new Set<string>();
for (const list of byShingle.values()) {
  if (list.length > 50) continue; // boilerplate shingles shared by a whole ministry
  for (let a = 0; a < list.length; a++)
    for (let b = a + 1; b < list.length; b++) candidates.add(`${list[a]}:${list[b]}`);
}
const buckets = new Array(11).fill(0);
const high: string[] = [];
for (const key of candidates) {
  const [a, b] = key.split(':').map(Number) as [number, number];
  const c = containment(sets[a]!, sets[b]!);
  buckets[Math.min(10, Math.floor(c * 10))] += 1;
  if (c >= 0.5) high.push(`${c.toFixed(3)} ${files[a]} ${files[b]}`);
}
console.log(`${files.length} letters, ${candidates.size} pairs sharing a shingle`);
buckets.forEach((n, i) => console.log(`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}: ${n}`));
for (const line of high.sort().reverse()) console.log(line);
