import type { Answer } from '../../src/answer/types.js';
import { createFeedback } from '../../src/assistant/feedback.js';
import { StateStore } from '../../src/assistant/state-store.js';
import { silentLogger } from '../../src/logger.js';

const answer: Answer = {
  kind: 'extractive',
  text: 'Współpraca trwa od 2015 roku [1].',
  citations: [
    {
      n: 1,
      letterId: 'liaoning',
      file: 'liaoning.pdf',
      page: 1,
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      author: null,
      authorRole: null,
      title: null,
      url: null,
      ocr: false,
      quote: 'od 2015 roku',
    },
  ],
  passages: [],
  question: 'Od kiedy?',
  language: 'pl',
  notice: null,
};

const rating = {
  channel: 'slack',
  userId: 'U1',
  conversationId: 'slack:C1',
  messageId: '1.2',
  rating: 'up',
  comment: null,
} as const;

describe('Feedback', () => {
  let store: StateStore;
  beforeEach(() => {
    store = new StateStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  test('a rating of a remembered answer is stored with its question, answer and citations', () => {
    const feedback = createFeedback({ store, logger: silentLogger() });
    feedback.remember('answer-1', 'Od kiedy trwa współpraca?', answer);
    expect(feedback.record({ ...rating, answerKey: 'answer-1', isKeptWithoutAnswer: false })).toBe(
      'stored',
    );
    expect(store.listFeedback()).toEqual([
      expect.objectContaining({
        channel: 'slack',
        userId: 'U1',
        rating: 'up',
        question: 'Od kiedy trwa współpraca?',
        answer: 'Współpraca trwa od 2015 roku [1].',
        citations: [expect.objectContaining({ reference: 'WEN.9823.2020.RFZ' })],
      }),
    ]);
  });

  test('a rating of an unknown answer is dropped, or kept without its question when the channel asks', () => {
    const feedback = createFeedback({ store, logger: silentLogger() });
    expect(feedback.record({ ...rating, answerKey: 'forgotten', isKeptWithoutAnswer: false })).toBe(
      'dropped',
    );
    expect(store.listFeedback()).toEqual([]);
    expect(
      feedback.record({
        ...rating,
        channel: 'teams',
        answerKey: null,
        comment: 'Brak daty',
        isKeptWithoutAnswer: true,
      }),
    ).toBe('stored_without_answer');
    expect(store.listFeedback()).toEqual([
      expect.objectContaining({
        channel: 'teams',
        comment: 'Brak daty',
        question: '',
        answer: '',
        citations: [],
      }),
    ]);
  });
});
