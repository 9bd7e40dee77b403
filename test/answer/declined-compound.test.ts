import { joinDeclinedCompound } from '../../src/answer/declined-compound.js';
import { assessAnswerability } from '../../src/answer/assess-answerability.js';
import { analyzeQuery } from '../../src/archive/analyzer.js';

describe('joinDeclinedCompound', () => {
  it('gives every case form of Białystok and Krasnystaw one form', () => {
    expect(joinDeclinedCompound('bialymstoku')).toBe('bialystoku');
    expect(joinDeclinedCompound('bialegostoku')).toBe('bialystoku');
    expect(joinDeclinedCompound('bialystok')).toBe('bialystok');
    expect(joinDeclinedCompound('krasnymstawie')).toBe('krasnystawie');
  });
  it('leaves other words alone', () => {
    expect(joinDeclinedCompound('bialymi')).toBeNull();
    expect(joinDeclinedCompound('stokrotka')).toBeNull();
  });
});

describe('a declined town name in the refusal check', () => {
  it('finds „Białystok” in a letter that writes „Białymstoku”', () => {
    const letter =
      'Regionalny Zarząd Gospodarki Wodnej w Białymstoku przeprowadził w 2024 r. 13 kontroli dostępu do jezior.';
    // The archive knows the name (document frequency 5), so a letter without it would be the wrong one.
    const stats = { passages: 100, df: new Map(analyzeQuery('Bialystok').map((t) => [t, 5])) };
    const result = assessAnswerability({
      question: 'ile kontroli zrobil rzgw Bialystok w 2024 przy jeziorach',
      letterTexts: [letter],
      stats,
    });
    expect(result.missingNames).toEqual([]);
    const other = assessAnswerability({
      question: 'ile kontroli zrobil rzgw Bialystok w 2024 przy jeziorach',
      letterTexts: [letter.replace('Białymstoku', 'Gdańsku')],
      stats,
    });
    expect(other.missingNames).toEqual(['Bialystok']);
  });
});
