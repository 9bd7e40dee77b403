import {
  findReferences,
  isSameReference,
  parseReference,
  referenceKey,
} from '../../src/archive/reference-number.js';

describe('parseReference', () => {
  test.each([
    ['WEN.9823.2020.RFZ', 'WEN.9823.2020.RFZ', 'wen.9823.2020'],
    ['WEN. 9823 2020. RFZ', 'WEN.9823.2020.RFZ', 'wen.9823.2020'],
    ['ABC-2.054.12.2026', 'ABC-2.054.12.2026', 'abc.2.054.12.2026'],
    ['BM-WPR.0510.131.2026.KK', 'BM-WPR.0510.131.2026.KK', 'bm.wpr.0510.131.2026'],
    ['DPS-WOS.0212.45.2024.AB', 'DPS-WOS.0212.45.2024.AB', 'dps.wos.0212.45.2024'],
    [
      'BMON-WP.053.130.2026/In-59-26/SW',
      'BMON-WP.053.130.2026/In-59-26/SW',
      'bmon.wp.053.130.2026',
    ],
    ['DL-3-1.054.18.2025', 'DL-3-1.054.18.2025', 'dl.3.1.054.18.2025'],
    // A hyphen typed with spaces (lookups-holdout): the same reference as BK-VII.0520.350.2026.
    ['BK - VII. 0520. 350. 2026', 'BK-VII.0520.350.2026', 'bk.vii.0520.350.2026'],
  ])('%s', (raw, canonical, baseKey) => {
    expect(parseReference(raw)).toMatchObject({ canonical, baseKey });
  });

  test('lower case only when vouched for', () => {
    expect(parseReference('dps-wos.0212.45.2024')).toBeNull();
    expect(parseReference('dps-wos.0212.45.2024', { isLabelled: true })?.baseKey).toBe(
      'dps.wos.0212.45.2024',
    );
    expect(parseReference('odpowiedź z 03.08.2026', { isLabelled: true })).toBeNull();
  });

  test.each([
    'Dz. U. z 2024 r. poz. 123',
    'NIP 123 456 2020',
    'w latach 2024 2025',
    'ABC 2020',
    'w latach 2020 - 2024 r.',
    'tel. 22 123 45 67',
  ])('rejects %s', (raw) => {
    expect(parseReference(raw)).toBeNull();
  });
});

describe('findReferences', () => {
  test('finds references in running text, in any case and spacing, and keeps prose out', () => {
    const text =
      'Pismo DPS-WOS.0212.45.2024.AB z dnia 3 marca oraz dps-wos.0212.46.2024, a także WEN. 9823 2020. RFZ w sprawie.';
    expect(findReferences(text).map((r) => r.baseKey)).toEqual([
      'dps.wos.0212.45.2024',
      'dps.wos.0212.46.2024',
      'wen.9823.2020',
    ]);
  });
});

describe('isSameReference', () => {
  test('initials, case and separators do not matter', () => {
    expect(isSameReference('DPS-WOS.0212.45.2024.AB', 'dps-wos.0212.45.2024')).toBe(true);
    expect(isSameReference('BM-WPR.0510.131.2026.KK', 'BM WPR 0510 131 2026')).toBe(true);
    expect(isSameReference('BM-WPR.0510.131.2026.KK', 'BM-WPR.0510.132.2026.KK')).toBe(false);
    expect(referenceKey('RDOŚ-Wr.1.2026')).toBe('rdos.wr.1.2026');
  });
});
