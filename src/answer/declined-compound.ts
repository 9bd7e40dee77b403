/**
 * Towns named by an adjective and a noun in one word decline both halves:
 * `Białystok`, `Białegostoku`, `Białymstoku`; `Krasnystaw`, `Krasnymstawie`.
 * A question typing `bialystok` and a letter writing `Białymstoku` share no
 * six-letter prefix (`bialys`/`bialym`), so the name looked unknown to the
 * letter. Folded forms are joined by giving the adjective its nominative ending.
 */

const COMPOUND = /^(\p{L}{3,}?)(?:y|ego|emu|ym)(stok|staw)/u;

/** The folded word with the adjective half in its nominative ending (`bialymstoku` → `bialystoku`), or `null`. */
export function joinDeclinedCompound(folded: string): string | null {
  // Both endings start with `st`: most words are no compound, and this test is cheaper than the pattern.
  if (!folded.includes('st')) return null;
  const m = COMPOUND.exec(folded);
  return m ? `${m[1]}y${m[2]}${folded.slice(m[0].length)}` : null;
}
