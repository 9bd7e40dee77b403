import { toAnswerView } from '../../src/answer/to-answer-view.js';
import type { Citation, ExtractiveAnswer, Refusal } from '../../src/answer/types.js';
import { renderAnswerBlocks, renderAnswerText } from '../../src/channels/slack/render-answer.js';
import { renderAnswer } from '../../src/channels/teams/render-answer.js';
import { answerToText } from '../../src/cli/format-answer.js';
import { ANSWER_TEXT } from '../../src/messages.js';

const citation: Citation = {
  n: 1,
  letterId: 'l1',
  file: 'a.pdf',
  page: 2,
  reference: 'WEN.9823.2020.RFZ',
  date: '2020-03-02',
  author: 'Marcin Michalik',
  authorRole: null,
  title: null,
  url: null,
  ocr: false,
  quote: 'q',
};
const fallback: ExtractiveAnswer = {
  kind: 'extractive',
  text: '„Tak.” [1]',
  citations: [citation],
  passages: [],
  question: 'q',
  language: 'pl',
  notice: ANSWER_TEXT.pl.fallbackNotice,
};
const refusal: Refusal = {
  kind: 'refusal',
  text: 'Nie znalazłem.',
  question: 'q',
  passages: [],
  citations: [],
  language: 'pl',
};

describe('toAnswerView', () => {
  test('carries the notice, the cited sources and their list', () => {
    const view = toAnswerView(fallback);
    expect(view.notice).toBe(ANSWER_TEXT.pl.fallbackNotice);
    expect(view.sources).toEqual([citation]);
    expect(view.sourcesText).toContain('[1] WEN.9823.2020.RFZ');
    expect(view.isRefusal).toBe(false);
  });

  test('a refusal has no notice and no sources', () => {
    expect(toAnswerView(refusal)).toMatchObject({
      notice: null,
      sources: [],
      sourcesText: '',
      isRefusal: true,
    });
  });

  test('every renderer shows the notice of a fallback answer (Slack, Teams, CLI)', () => {
    const notice = ANSWER_TEXT.pl.fallbackNotice;
    expect(JSON.stringify(renderAnswerBlocks(fallback, 'id'))).toContain(notice);
    expect(renderAnswerText(fallback)).toContain(notice);
    expect(renderAnswer(fallback).text).toContain(notice);
    expect(answerToText(fallback)).toContain(notice);
  });
});
