import { acronymBase, expandAcronym, isKnownAcronym } from '../../src/archive/acronyms.js';

describe('acronyms', () => {
  test('expands ministries to the names letters use', () => {
    expect(expandAcronym('MZ')).toEqual(
      expect.arrayContaining(['Ministerstwo Zdrowia', 'minister zdrowia']),
    );
    expect(expandAcronym('MSWiA')).toContain('Ministerstwo Spraw Wewnętrznych i Administracji');
    expect(expandAcronym('MNiSzW')).toEqual(expandAcronym('MNiSW'));
    expect(expandAcronym('GDDKiA')).toEqual(['Generalna Dyrekcja Dróg Krajowych i Autostrad']);
  });

  test('knows inflected and diacritic-free spellings', () => {
    for (const word of [
      'ZUS',
      'ZUS-u',
      'SOR-ów',
      'NFZ-etu',
      'KRUS-em',
      'rdos',
      'RDOŚ',
      'OPS',
      'MOPS',
      'GOPS',
      'PCPR',
      'UOKiK',
      'mswia',
    ]) {
      expect(isKnownAcronym(word)).toBe(true);
    }
    expect(acronymBase('ZUS-ie')).toBe('ZUS');
    expect(isKnownAcronym('XYZQ')).toBe(false);
    expect(expandAcronym('Liaoning')).toBeNull();
  });
});
