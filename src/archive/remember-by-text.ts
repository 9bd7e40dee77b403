/**
 * One answer reads the same few letters in several checks (answerability, the
 * answering letter's constraints, the extractive answer), each folding or
 * scanning the whole letter again. A pure function of a long text is therefore
 * remembered for the last few texts, keyed by the text itself: no index
 * generation to track, and a changed letter is simply another key. Short texts
 * (words, sentences) are computed every time: hashing them costs about what
 * computing them does, and there are too many to keep.
 */

export interface RememberByTextOptions {
  /** Texts shorter than this are not remembered (default 2,000 characters: about a page of a letter). */
  readonly minLength?: number;
  /** Texts remembered, the least recently used forgotten first (default 32: the letters of a few answers). */
  readonly size?: number;
}

/**
 * Wraps `compute` so that its result for a long text is reused while the text
 * is among the `size` most recently seen. The result is shared between
 * callers: it must not be mutated. Arguments after the text may only save
 * work (a precomputed part of the result), never change it: they are not
 * part of the key.
 */
export function rememberByText<T, A extends unknown[] = []>(
  compute: (text: string, ...rest: A) => T,
  { minLength = 2000, size = 32 }: RememberByTextOptions = {},
): (text: string, ...rest: A) => T {
  const remembered = new Map<string, T>();
  return (text, ...rest) => {
    if (text.length < minLength) return compute(text, ...rest);
    const known = remembered.get(text);
    if (known !== undefined || remembered.has(text)) {
      // Most recently used last: Map keeps insertion order.
      remembered.delete(text);
      remembered.set(text, known as T);
      return known as T;
    }
    const value = compute(text, ...rest);
    remembered.set(text, value);
    if (remembered.size > size) remembered.delete(remembered.keys().next().value as string);
    return value;
  };
}
