import { polishQuestionWord } from '../../src/retrieval/english-question-word.js';
import { bridgeEnglish } from '../../src/retrieval/bridge-english.js';
import { questionParts } from '../../src/answer/answer-types.js';

describe('polishQuestionWord', () => {
  it.each([
    ['When was the Pilchowice dam built?', 'kiedy'],
    ['From what date does the EU buildings directive ban subsidies for gas boilers?', 'od kiedy'],
    ['Since when is the obligation in force?', 'od kiedy'],
    ['How much did the solidarity levy bring in 2025?', 'ile'],
    ['What share of the capital does the State Treasury hold?', 'ile'],
    ['Who decides on closing the NFZ office?', 'kto'],
    ['Which body approved the parameters?', 'kto'],
    ['Where is the new embassy building?', 'gdzie'],
    ['Why did the ministry buy a new building?', 'dlaczego'],
    ['Is the ministry planning changes to the law?', 'czy'],
    ['Which article of the act regulates SMS alerts?', 'który przepis'],
    ['What did the ministry answer about the Liaoning cooperation?', null],
  ])('%s → %s', (question, word) => expect(polishQuestionWord(question)).toBe(word));
});

describe('bridgeEnglish with the question word', () => {
  it('leads the Polish query with the question word, which gives the answer its type', () => {
    const { query } = bridgeEnglish('When was the Pilchowice dam built?');
    expect(query.startsWith('kiedy ')).toBe(true);
    expect(query).toContain('Pilchowice');
    expect(questionParts(query).map((p) => p.type)).toEqual(['kiedy']);
  });

  it('adds nothing to an open question', () => {
    expect(bridgeEnglish('What did the ministry answer about the dam?').query).not.toMatch(
      /^(?:kiedy|ile|kto|gdzie|dlaczego|czy)\b/u,
    );
  });
});
