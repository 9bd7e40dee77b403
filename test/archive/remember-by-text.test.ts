import { rememberByText } from '../../src/archive/remember-by-text.js';

function counting() {
  const calls: string[] = [];
  const remembered = rememberByText(
    (text: string) => {
      calls.push(text);
      return { length: text.length };
    },
    { minLength: 5, size: 2 },
  );
  return { calls, remembered };
}

describe('rememberByText', () => {
  it('computes a long text once while it is among the last ones, and shares the result', () => {
    const { calls, remembered } = counting();
    const first = remembered('letter one');
    // An equal text built anew is the same key.
    expect(remembered(['letter', 'one'].join(' '))).toBe(first);
    expect(calls).toEqual(['letter one']);
  });

  it('computes a short text every time', () => {
    const { calls, remembered } = counting();
    remembered('word');
    remembered('word');
    expect(calls).toEqual(['word', 'word']);
  });

  it('forgets the least recently used text first', () => {
    const { calls, remembered } = counting();
    remembered('letter a');
    remembered('letter b');
    remembered('letter a'); // a is now the most recent
    remembered('letter c'); // forgets b
    remembered('letter a');
    remembered('letter b');
    expect(calls).toEqual(['letter a', 'letter b', 'letter c', 'letter b']);
  });

  it('passes the arguments after the text to the computation', () => {
    const remembered = rememberByText((text: string, extra: number) => text.length + extra, {
      minLength: 1,
    });
    expect(remembered('abc', 10)).toBe(13);
  });
});
