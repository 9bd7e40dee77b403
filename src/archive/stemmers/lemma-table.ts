/**
 * The hunspell word list as a compact, precomputed table: every folded
 * dictionary word with its raw dictionary lines, sorted, in one UTF-8 text
 * with an offset array, looked up by binary search over the bytes in place.
 * Written once (at install or on first use) and read back in milliseconds,
 * where parsing `index.dic` into a Map costs every process about 1.2 s and
 * 110 MB (docs/performance.md). The bytes are never decoded as a whole: a
 * decoded copy was an 18 MB two-byte string in every thread that stems (each
 * answer worker of `serve`, issue 16). Read into a `SharedArrayBuffer`
 * (`readLemmaTableFile`), the same bytes serve every thread of the process:
 * the answer workers get the buffer in their `workerData` and look words up
 * in it without a copy of their own.
 *
 * File layout (little-endian): `KLT2`, entry count N, 2N+1 Uint32 byte
 * offsets into the text (entry i is key [o[2i], o[2i+1]) and lines
 * [o[2i+1], o[2i+2])), then the UTF-8 text; keys sorted by their UTF-8
 * bytes. Lookups return exactly what the parsed Map returns, so stems are
 * identical (test/archive/stemmers/lemma-table.test.ts).
 */
import fs from 'node:fs';
import type { WordLookup } from './hunspell-stemmer.js';

const MAGIC = 0x32544c4b; // 'KLT2'
const HEADER_BYTES = 8;

/**
 * Looked-up keys remembered per table (and so per thread). 200,000 held about 15 MB of keys and
 * Map per answer worker after a few dozen answers at 10× (a heap snapshot, issue 16); the
 * analyzer already remembers each word's stem, so what this memo saves is the `has` then `get`
 * of one candidate and candidates shared by forms of a word, which a few thousand keys catch.
 */
const DEFAULT_MEMO_SIZE = 4096;

export interface LemmaTableOptions {
  /** Keys whose lookup result is remembered (0: none); cleared when full. */
  readonly memoSize?: number;
}

/**
 * Reads a table file into one `SharedArrayBuffer`, to be looked up by every thread
 * (`new LemmaTable(new Uint8Array(buffer))` in each, no copy).
 */
export function readLemmaTableFile(file: string): SharedArrayBuffer {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const shared = new SharedArrayBuffer(size);
    const bytes = new Uint8Array(shared);
    let at = 0;
    while (at < size) {
      const read = fs.readSync(fd, bytes, at, size - at, at);
      if (read === 0) break;
      at += read;
    }
    // A file shortened while read is caught by the table's own length checks.
    return at === size ? shared : shared.slice(0, at);
  } finally {
    fs.closeSync(fd);
  }
}

/** Serialises a word list (folded word → raw lines) into the table format. */
export function encodeLemmaTable(words: ReadonlyMap<string, string>): Buffer {
  const entries = [...words.entries()].map(([key, lines]) => ({
    key: Buffer.from(key, 'utf8'),
    lines: Buffer.from(lines, 'utf8'),
  }));
  entries.sort((a, b) => Buffer.compare(a.key, b.key));
  const offsets = new Uint32Array(2 * entries.length + 1);
  const parts: Buffer[] = [];
  let at = 0;
  entries.forEach(({ key, lines }, i) => {
    offsets[2 * i] = at;
    at += key.length;
    offsets[2 * i + 1] = at;
    at += lines.length;
    parts.push(key, lines);
  });
  offsets[2 * entries.length] = at;
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(entries.length, 4);
  return Buffer.concat([
    header,
    Buffer.from(offsets.buffer, offsets.byteOffset, offsets.byteLength),
    ...parts,
  ]);
}

/** A word list read from the table format; answers `get`/`has` like the Map it was built from. */
export class LemmaTable implements WordLookup {
  /** The UTF-8 text of keys and lines, a view of the file's bytes (not a copy). */
  readonly #text: Buffer;
  readonly #offsets: Uint32Array;
  readonly #count: number;
  readonly #encoder = new TextEncoder();
  /** The looked-up key's UTF-8 bytes (dictionary words are short; longer keys get a larger buffer). */
  #keyBytes = new Uint8Array(256);
  /**
   * Looked-up keys → entry index (-1: absent). The stemmer asks `has` and then
   * `get` for the same candidate, and candidates repeat across forms of a word.
   */
  readonly #memo = new Map<string, number>();
  readonly #memoSize: number;

  /**
   * @param bytes The table, e.g. a view of `readLemmaTableFile`'s shared buffer: read in place.
   * @throws Error when the bytes are not a complete table (the caller rebuilds it).
   */
  constructor(bytes: Uint8Array, { memoSize = DEFAULT_MEMO_SIZE }: LemmaTableOptions = {}) {
    this.#memoSize = memoSize;
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.length < HEADER_BYTES || view.readUInt32LE(0) !== MAGIC)
      throw new Error('not a lemma table');
    this.#count = view.readUInt32LE(4);
    const offsetBytes = (2 * this.#count + 1) * 4;
    if (view.length < HEADER_BYTES + offsetBytes) throw new Error('lemma table is truncated');
    const start = view.byteOffset + HEADER_BYTES;
    // Viewed in place when aligned (a whole file's buffer, shared or not); copied otherwise (a
    // Buffer from Node's pool starts anywhere).
    this.#offsets =
      start % Uint32Array.BYTES_PER_ELEMENT === 0
        ? new Uint32Array(view.buffer, start, 2 * this.#count + 1)
        : new Uint32Array(view.buffer.slice(start, start + offsetBytes));
    this.#text = view.subarray(HEADER_BYTES + offsetBytes);
    if (this.#text.length !== this.#offsets[2 * this.#count])
      throw new Error('lemma table is truncated');
  }

  /** Number of distinct folded words. */
  get size(): number {
    return this.#count;
  }

  /** Compares entry `i`'s key with the first `length` bytes of `#keyBytes`, byte by byte (the order the encoder sorted). */
  #compare(i: number, length: number): number {
    const text = this.#text;
    const key = this.#keyBytes;
    const start = this.#offsets[2 * i]!;
    const entryLength = this.#offsets[2 * i + 1]! - start;
    const n = Math.min(entryLength, length);
    for (let j = 0; j < n; j++) {
      const d = text[start + j]! - key[j]!;
      if (d !== 0) return d;
    }
    return entryLength - length;
  }

  #find(key: string): number {
    const known = this.#memo.get(key);
    if (known !== undefined) return known;
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (key.length * 3 > this.#keyBytes.length) this.#keyBytes = new Uint8Array(key.length * 3);
    const { written: length } = this.#encoder.encodeInto(key, this.#keyBytes);
    let lo = 0;
    let hi = this.#count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.#compare(mid, length);
      if (c === 0) {
        found = mid;
        break;
      }
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    if (this.#memoSize > 0) {
      // Bounded: an ingest of a large archive looks up millions of candidates.
      if (this.#memo.size >= this.#memoSize) this.#memo.clear();
      this.#memo.set(key, found);
    }
    return found;
  }

  get(key: string): string | undefined {
    const i = this.#find(key);
    return i === -1
      ? undefined
      : this.#text.toString('utf8', this.#offsets[2 * i + 1], this.#offsets[2 * i + 2]);
  }

  has(key: string): boolean {
    return this.#find(key) !== -1;
  }
}
