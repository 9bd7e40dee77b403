import { analyze, analyzeQuery, foldText, referenceToken } from '../../src/archive/analyzer.js';

describe('analyzer', () => {
  test('folds Polish diacritics and case', () => {
    expect(foldText('WSPÓŁPRACA Łódź Żółć')).toBe('wspolpraca lodz zolc');
  });

  test('inflected forms meet on one term', () => {
    const forms = ['współpraca', 'współpracy', 'współpracę', 'wspolpraca'];
    const terms = forms.map((f) => analyze(f)[0]);
    expect(new Set(terms).size).toBe(1);
    expect(analyze('Chorzów')[0]).toBe(analyze('Chorzowa')[0]);
  });

  test('drops stop words and question words', () => {
    expect(analyzeQuery('Jaka jest odpowiedź w sprawie podwyżek dla nauczycieli?')).toEqual(analyzeQuery('podwyżek nauczycieli'));
  });

  test('numbers stay whole', () => {
    expect(analyze('interpelacja nr 17581 z 2020 r.')).toEqual(expect.arrayContaining(['17581', '2020']));
  });

  test('reference numbers become one token in every spelling', () => {
    const canonical = referenceToken('WEN.9823.2020.RFZ');
    expect(canonical).toBe('wen.9823.2020.rfz');
    expect(analyze('znak: WEN. 9823 2020. RFZ')).toContain(canonical);
    expect(analyze('WEN 9823 2020 RFZ')).toContain(canonical);
    expect(analyze('BM-WRP.054.43.2026')).toContain('bm-wrp.054.43.2026');
    expect(analyze('DLF.050.53.2026.DP')).toContain('dlf.050.53.2026.dp');
  });

  test('short codes with a single small number are not references', () => {
    expect(analyze('ZUS 5').some((t) => t.includes('.'))).toBe(false);
  });
});
