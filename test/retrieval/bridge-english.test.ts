import {
  bridgeEnglish,
  englishBaseForms,
  loadTermLists,
  searchQueryWithoutLlm,
  type TermList,
} from '../../src/retrieval/bridge-english.js';

function list(words: Record<string, string>, phrases: Record<string, string> = {}): TermList {
  const split = (r: Record<string, string>) =>
    new Map(Object.entries(r).map(([k, v]) => [k, v.split('|')]));
  return { words: split(words), phrases: split(phrases) };
}

describe('bridgeEnglish', () => {
  test('administrative vocabulary from the shipped glossary', () => {
    const { query, isWeak } = bridgeEnglish(
      'How much money did the state budget plan for volunteer fire brigades in 2024?',
    );
    expect(query).toContain('ochotnicza straż pożarna');
    expect(query).toContain('budżet');
    expect(query).toContain('2024');
    expect(isWeak).toBe(false);
  });

  test('Polish names, acronyms, numbers and references pass through unchanged', () => {
    const result = bridgeEnglish(
      'Will railway line 106 from Rzeszów to Jasło get money from the NFZ under WEN.9823.2020.RFZ?',
    );
    expect(result.query).toContain('linia kolejowa');
    for (const kept of ['106', 'Rzeszów', 'Jasło', 'NFZ', 'WEN.9823.2020.RFZ'])
      expect(result.kept).toContain(kept);
  });

  test('a route stays a route in the Polish query („between Szczecin and Gdańsk” → `Szczecin-Gdańsk`)', () => {
    expect(
      bridgeEnglish('What are the plans for the railway line between Szczecin and Gdańsk?').query,
    ).toContain('Szczecin-Gdańsk');
    expect(bridgeEnglish('Will line 106 from Rzeszów to Jasło be electrified?').query).toContain(
      'Rzeszów-Jasło',
    );
  });

  test('phrases win over their words; inflected forms are found', () => {
    const lists = [
      list(
        { fire: 'pożar', hospital: 'szpital', fund: 'fundusz' },
        { 'fire brigade': 'straż pożarna' },
      ),
    ];
    expect(bridgeEnglish('fire brigades and hospitals funded', { termLists: lists }).query).toBe(
      'straż pożarna szpital fundusz',
    );
  });

  test('the glossary wins over the dictionary', () => {
    const lists = [
      list({ ministry: 'ministerstwo' }),
      list({ ministry: 'duchowieństwo', school: 'szkoła' }),
    ];
    expect(bridgeEnglish('ministry school', { termLists: lists }).query).toBe(
      'ministerstwo szkoła',
    );
  });

  test('a word in capitals is translated by the glossary only, else kept as a name', () => {
    const lists = [list({ eu: 'Unia Europejska' }), list({ flirt: 'flirtować', sent: 'wysłany' })];
    const result = bridgeEnglish('FLIRT trains, the SENT system and the EU', { termLists: lists });
    expect(result.kept).toEqual(['FLIRT', 'SENT']);
    expect(result.query).toContain('Unia Europejska');
    expect(result.query).not.toContain('flirtować');
  });

  test('a question with few known words is weak and says which words were left out', () => {
    const result = bridgeEnglish('Why do the frobnicators quibble about gizmos?', {
      termLists: [list({ about: 'o' })],
    });
    expect(result.isWeak).toBe(true);
    expect(result.unbridged).toEqual(['frobnicators', 'quibble', 'gizmos']);
    expect(result.query).toBe('');
  });

  test('the shipped term lists load and know the FreeDict vocabulary too', () => {
    const [glossary, freedict] = loadTermLists();
    expect(glossary?.words.get('voivodeship')).toContain('województwo');
    expect(freedict?.words.get('hospital')).toContain('szpital');
    expect(freedict!.words.size).toBeGreaterThan(10_000);
  });
});

describe('englishBaseForms', () => {
  test.each([
    ['hospitals', 'hospital'],
    ['subsidies', 'subsidy'],
    ['funded', 'fund'],
    ['planned', 'plan'],
    ['closing', 'close'],
    ["ministry's", 'ministry'],
  ])('%s → %s', (word, base) => {
    expect(englishBaseForms(word)).toContain(base);
  });
});

describe('searchQueryWithoutLlm', () => {
  test('Polish questions are searched as they are, English ones by their bridge', () => {
    expect(searchQueryWithoutLlm('Jak wygląda współpraca z Liaoning?')).toBe(
      'Jak wygląda współpraca z Liaoning?',
    );
    expect(searchQueryWithoutLlm('What about the hospital in Chorzów?')).toBe('szpital Chorzów');
  });
});
