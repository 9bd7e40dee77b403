/**
 * The hunspell word list as a compact, precomputed table: every folded
 * dictionary word with its raw dictionary lines, sorted, in one string with
 * an offset array, looked up by binary search. Written once (at install or on
 * first use) and read back in milliseconds, where parsing `index.dic` into a
 * Map costs every process about 1.2 s and 110 MB (docs/performance.md).
 *
 * File layout (little-endian): `KLT1`, entry count N, 2N+1 Uint32 character
 * offsets (entry i is key [o[2i], o[2i+1]) and lines [o[2i+1], o[2i+2])),
 * then the UTF-8 text. Lookups return exactly what the parsed Map returns, so
 * stems are identical (test/archive/stemmers/lemma-table.test.ts).
 */
import type { WordLookup } from './hunspell-stemmer.js';

const MAGIC = 0x31544c4b; // 'KLT1'
const HEADER_BYTES = 8;

/** Serialises a word list (folded word → raw lines) into the table format. */
export function encodeLemmaTable(words: ReadonlyMap<string, string>): Buffer {
  const keys = [...words.keys()].sort();
  const offsets = new Uint32Array(2 * keys.length + 1);
  const parts: string[] = [];
  let at = 0;
  keys.forEach((key, i) => {
    const lines = words.get(key) ?? '';
    offsets[2 * i] = at;
    at += key.length;
    offsets[2 * i + 1] = at;
    at += lines.length;
    parts.push(key, lines);
  });
  offsets[2 * keys.length] = at;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(keys.length, 4);
  return Buffer.concat([
    header,
    Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength),
    Buffer.from(parts.join(''), 'utf8'),
  ]);
}

/** A word list read from the table format; answers `get`/`has` like the Map it was built from. */
export class LemmaTable implements WordLookup {
  readonly #text: string;
  readonly #offsets: Uint32Array;
  readonly #count: number;
  /**
   * Looked-up keys → entry index (-1: absent). The stemmer asks `has` and then
   * `get` for the same candidate, and candidates repeat across forms of a word.
   */
  readonly #memo = new Map<string, number>();

  /** @throws Error when the bytes are not a complete table (the caller rebuilds it). */
  constructor(bytes: Uint8Array) {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.length < HEADER_BYTES || view.readUInt32LE(0) !== MAGIC)
      throw new Error('not a lemma table');
    this.#count = view.readUInt32LE(4);
    const offsetBytes = (2 * this.#count + 1) * 4;
    if (view.length < HEADER_BYTES + offsetBytes) throw new Error('lemma table is truncated');
    // Copied so the view is aligned whatever offset the file buffer has.
    this.#offsets = new Uint32Array(
      view.buffer.slice(
        view.byteOffset + HEADER_BYTES,
        view.byteOffset + HEADER_BYTES + offsetBytes,
      ),
    );
    this.#text = view.toString('utf8', HEADER_BYTES + offsetBytes);
    if (this.#text.length !== this.#offsets[2 * this.#count])
      throw new Error('lemma table is truncated');
  }

  /** Number of distinct folded words. */
  get size(): number {
    return this.#count;
  }

  /** Compares entry `i`'s key with `key` in place (UTF-16 code units, the order `sort()` wrote). */
  #compare(i: number, key: string): number {
    const text = this.#text;
    const start = this.#offsets[2 * i]!;
    const length = this.#offsets[2 * i + 1]! - start;
    const n = Math.min(length, key.length);
    for (let j = 0; j < n; j++) {
      const d = text.charCodeAt(start + j) - key.charCodeAt(j);
      if (d !== 0) return d;
    }
    return length - key.length;
  }

  #find(key: string): number {
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    let lo = 0;
    let hi = this.#count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.#compare(mid, key);
      if (c === 0) {
        found = mid;
        break;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    // Bounded: an ingest of a large archive looks up millions of candidates.
    if (this.#memo.size >= 200_000) this.#memo.clear();
    this.#memo.set(key, found);
    return found;
  }

  get(key: string): string | undefined {
    const i = this.#find(key);
    return i === -1
      ? undefined
      : this.#text.slice(this.#offsets[2 * i + 1], this.#offsets[2 * i + 2]);
  }

  has(key: string): boolean {
    return this.#find(key) !== -1;
  }
}
