import { askedMinistries, namesMinistry } from '../../src/answer/asked-ministry.js';

describe('askedMinistries', () => {
  it('finds a ministry written out, as an acronym in any case, or as „resort”', () => {
    expect(askedMinistries('ile nagrod wyplacilo ministerstwo kultury w 2024?')).toEqual([
      { asTyped: 'ministerstwo kultury', acronyms: ['MKiDN'], stem: 'kultur' },
    ]);
    expect(askedMinistries('czy mswia pracuje nad zmiana prawa')[0]?.acronyms).toEqual(['MSWiA']);
    expect(askedMinistries('Co odpowiedział resort spraw zagranicznych?')[0]?.acronyms).toEqual([
      'MSZ',
    ]);
    expect(askedMinistries('Ile MZ wydało na leki?')[0]?.asTyped).toBe('MZ');
  });

  it('does not read short ordinary words as ministries', () => {
    expect(askedMinistries('Mi się wydaje, że ms to skrót')).toEqual([]);
    expect(askedMinistries('Kiedy goście z Yingkou odwiedzili Chorzów?')).toEqual([]);
  });
});

describe('namesMinistry', () => {
  const culture = askedMinistries('ministerstwo kultury')[0]!;
  it('holds a letter that names the ministry by its office, full name or acronym', () => {
    expect(namesMinistry('Minister Kultury i Dziedzictwa Narodowego', culture)).toBe(true);
    expect(namesMinistry('zgodnie z danymi MKiDN-u', culture)).toBe(true);
  });
  it('does not hold another ministry’s letter', () => {
    expect(namesMinistry('Ministerstwo Sportu i Turystyki wypłaciło nagrody.', culture)).toBe(
      false,
    );
    expect(namesMinistry('kultura osobista pracowników', culture)).toBe(false);
  });
});
