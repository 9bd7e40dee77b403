import type { SearchHit } from '../../src/archive/types.js';
import { verifyCitations } from '../../src/answer/verify-citations.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

function hits(): SearchHit[] {
  const a = makeLetter({ id: 'a', reference: 'WEN.9823.2020.RFZ', date: '2020-03-02' });
  const b = makeLetter({ id: 'b' });
  const [a0, a1] = makePassages('a', [
    'W 2013 roku gościliśmy przedstawicieli Miasta Yingkou.',
    'Umowy nie podpisano.',
  ]);
  const [b0] = makePassages('b', ['Kwota bazowa wzrośnie o 10,3% w 2026 roku.'], 2);
  return [
    { letter: a, passage: a0!, score: 3 },
    { letter: b, passage: b0!, score: 2 },
    { letter: a, passage: a1!, score: 1 },
  ];
}

describe('verifyCitations', () => {
  test('removes and counts markers that name no shown passage', () => {
    const r = verifyCitations({
      text: 'Gościliśmy delegację [1]. Kwota rośnie [9]. Razem [2, 7].',
      hits: hits(),
    });
    expect(r.removedCitations).toBe(2);
    expect(r.text).toBe('Gościliśmy delegację [1]. Kwota rośnie. Razem [2].');
    expect(r.citations.map((c) => c.letterId)).toEqual(['a', 'b']);
  });

  test('renumbers by first use, one number per letter page, listing only cited letters', () => {
    const r = verifyCitations({
      text: 'Kwota rośnie [2]. Umowy nie podpisano [3]. Delegacja była [1].',
      hits: hits(),
    });
    expect(r.text).toBe('Kwota rośnie [1]. Umowy nie podpisano [2]. Delegacja była [2].');
    expect(r.citations.map((c) => [c.n, c.letterId, c.page])).toEqual([
      [1, 'b', 2],
      [2, 'a', 1],
    ]);
  });

  test('accepts a verbatim quote and keeps it as the citation quote', () => {
    const r = verifyCitations({
      text: 'Pismo mówi: „gościliśmy przedstawicieli Miasta   Yingkou” [1].',
      hits: hits(),
    });
    expect(r.unverifiedQuotes).toEqual([]);
    expect(r.citations[0]!.quote).toBe('gościliśmy przedstawicieli Miasta   Yingkou');
  });

  test('flags a quote that is not verbatim in the cited passage', () => {
    const r = verifyCitations({
      text: 'Pismo mówi: „przyjęliśmy delegację z Yingkou” [1]. Oraz „Umowy nie podpisano” [2].',
      hits: hits(),
    });
    expect(r.unverifiedQuotes).toEqual(['przyjęliśmy delegację z Yingkou', 'Umowy nie podpisano']);
  });

  test('no marker at all leaves no citations', () => {
    const r = verifyCitations({ text: 'Nie wiem.', hits: hits() });
    expect(r.citations).toEqual([]);
  });
});
