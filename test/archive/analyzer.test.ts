import {
  analyze,
  analyzeQuery,
  createAnalyzer,
  foldText,
  referenceToken,
  STEMMERS,
} from '../../src/archive/analyzer.js';
import { hunspellLemma, parseHunspell } from '../../src/archive/stemmers/hunspell-stemmer.js';

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

  test.each([
    ['współpraca', 'współpracy', 'współpracę', 'współpracą', 'wspolpracy'],
    ['Chorzów', 'Chorzowa', 'Chorzowie', 'Chorzowem', 'chorzowie'],
    ['nauczyciel', 'nauczyciela', 'nauczycieli', 'nauczycielom', 'nauczycielami'],
    ['podwyżka', 'podwyżki', 'podwyżek', 'podwyżkami', 'podwyzek'],
    ['wynagrodzenie', 'wynagrodzenia', 'wynagrodzeń', 'wynagrodzeniami', 'wynagrodzen'],
    ['szkoła', 'szkole', 'szkołę', 'szkołach', 'szkolami'],
    ['sąd', 'sądu', 'sądów', 'sądach', 'sadow'],
  ])(
    'real inflected forms of %s meet on one dictionary lemma, typed with or without diacritics',
    (...forms) => {
      expect(new Set(forms.map((f) => analyze(f)[0])).size).toBe(1);
    },
  );

  test('dictionary lemmas keep negation apart, where the suffix stripper cannot reach adjectives', () => {
    expect(analyze('nieodpłatnego')).toEqual(['nieodplatny']);
    expect(analyze('odpłatnego')).toEqual(['odplatny']);
    expect(analyze('kolejowych')).toEqual(analyze('kolejowy'));
    const light = createAnalyzer({ name: 'light', stem: STEMMERS.light });
    expect(light.analyze('podwyżek')[0]).not.toBe(light.analyze('podwyżka')[0]);
    expect(analyze('podwyżek')).toEqual(analyze('podwyżka'));
  });

  test('words the dictionary does not know fall back to the suffix stripper', () => {
    expect(analyze('Liaoningu')).toEqual(analyze('Liaoning'.concat('u')));
    expect(STEMMERS['hunspell+light']('zzqwrt')).toBe('zzqwrt');
    expect(STEMMERS['hunspell+light']('zzqwertami')).toBe('zzqwert');
  });

  test('hunspell reader: suffix rules with conditions on the diacritic spelling', () => {
    const dictionary = parseHunspell({
      aff: 'SET UTF-8\nSFX m Y 2\nSFX m   ka   ek   [^ćęośńź]ka\nSFX m   a    i    ka\nPFX b Y 1\nPFX b 0 nie .\n',
      dic: '3\npodwyżka/m\nźka/m\npłatny/b\n',
      fold: foldText,
    });
    expect(hunspellLemma(dictionary, 'podwyzek')).toBe('podwyzka');
    expect(hunspellLemma(dictionary, 'podwyzki')).toBe('podwyzka');
    // `ź` is excluded by the condition although it folds to `z` like `ż`.
    expect(hunspellLemma(dictionary, 'zek')).toBeNull();
    expect(hunspellLemma(dictionary, 'nieplatny')).toBe('nieplatny');
    expect(hunspellLemma(dictionary, 'xyz')).toBeNull();
  });

  test('drops stop words and question words', () => {
    expect(analyzeQuery('Jaka jest odpowiedź w sprawie podwyżek dla nauczycieli?')).toEqual(
      analyzeQuery('podwyżek nauczycieli'),
    );
  });

  test('numbers stay whole', () => {
    expect(analyze('interpelacja nr 17581 z 2020 r.')).toEqual(
      expect.arrayContaining(['17581', '2020']),
    );
  });

  test('an interpellation number inside a code (K10INT17882) is also a term of its own', () => {
    expect(analyze('w odpowiedzi na interpelację o numerze K10INT17882')).toEqual(
      expect.arrayContaining(['k10int17882', '17882']),
    );
    expect(analyzeQuery('nr 17882')).toEqual(['17882']);
  });

  test('reference numbers become one token in every spelling', () => {
    // The shared term is the reference without the clerk's initials, so a question without them still meets the letter.
    const canonical = referenceToken('WEN.9823.2020.RFZ');
    expect(canonical).toBe('wen.9823.2020');
    expect(analyze('znak: WEN. 9823 2020. RFZ')).toEqual(
      expect.arrayContaining([canonical, 'wen.9823.2020.rfz']),
    );
    expect(analyze('WEN 9823 2020 RFZ')).toContain(canonical);
    expect(analyze('wen.9823.2020')).toContain(canonical);
    expect(analyze('BM-WRP.054.43.2026')).toContain('bm.wrp.054.43.2026');
    expect(analyze('bm-wrp.054.43.2026')).toContain('bm.wrp.054.43.2026');
    expect(analyze('DLF.050.53.2026.DP')).toEqual(
      expect.arrayContaining(['dlf.050.53.2026', 'dlf.050.53.2026.dp']),
    );
    expect(analyze('ABC-2.054.12.2026')).toContain('abc.2.054.12.2026');
  });

  test('inflected acronyms fold to their base', () => {
    for (const [inflected, base] of [
      ['ZUS-u', 'ZUS'],
      ['ZUS-ie', 'ZUS'],
      ['zus-u', 'ZUS'],
      ['SOR-ów', 'SOR'],
      ['SORów', 'SOR'],
      ['sorow', 'SOR'],
      ['NFZ-etu', 'NFZ'],
      ['KRUS-em', 'KRUS'],
      ['PAŻP-u', 'PAŻP'],
      ['MSWiA-u', 'MSWiA'],
    ] as const) {
      expect(analyzeQuery(inflected)).toEqual(analyzeQuery(base));
    }
    // A dictionary word that looks like acronym + ending keeps its own lemma.
    expect(analyzeQuery('kasa')).toEqual(analyzeQuery('kas'));
    // References with hyphenated units are not acronym endings.
    expect(analyze('BM-II.059.1.602.2025')).toContain('bm.ii.059.1.602.2025');
  });

  test('short codes with a single small number are not references', () => {
    expect(analyze('ZUS 5').some((t) => t.includes('.'))).toBe(false);
  });
});
