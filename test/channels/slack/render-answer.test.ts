import type { Citation, ExtractiveAnswer, Refusal } from '../../../src/answer/types.js';
import { parseAskCommand } from '../../../src/channels/slack/register-ask-command.js';
import { stripMentions } from '../../../src/channels/slack/load-thread-history.js';
import {
  renderAnswerBlocks,
  renderTrailerBlocks,
  splitForSections,
  toMrkdwn,
} from '../../../src/channels/slack/render-answer.js';

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
  url: 'https://bip.example/a.pdf',
  ocr: false,
  quote: 'q',
};
const answer: ExtractiveAnswer = {
  kind: 'extractive',
  text: '**Tak** [1] <b>',
  citations: [citation],
  passages: [],
  question: 'q',
  language: 'pl',
  notice: null,
};
const refusal: Refusal = {
  kind: 'refusal',
  text: 'Nie znalazłem.',
  question: 'q',
  passages: [],
  citations: [],
  language: 'pl',
};

describe('toMrkdwn', () => {
  test('converts bold and headings, escapes control characters, keeps [n]; a link in answer text keeps only its label', () => {
    expect(toMrkdwn('# Wynik\n**ważne** [1] a < b & [BIP](https://bip.example/x?a=1&b=2)')).toBe(
      '*Wynik*\n*ważne* [1] a &lt; b &amp; BIP',
    );
  });
});

describe('renderAnswerBlocks', () => {
  test('has the text, a sources line with reference, date, author, page and link, and both buttons', () => {
    const json = JSON.stringify(renderAnswerBlocks(answer, 'id-1'));
    expect(json).toContain('*Tak* [1] &lt;b&gt;');
    expect(json).toContain(
      '[1] WEN.9823.2020.RFZ, 2020-03-02, Marcin Michalik, a.pdf, s. 2 · <https://bip.example/a.pdf|otwórz>',
    );
    expect(json).toContain('"value":"id-1"');
    expect(json).toContain('kancelaria_feedback_up');
    expect(json).toContain('kancelaria_feedback_down');
  });

  test('a refusal has no sources block but keeps the feedback buttons', () => {
    const blocks = renderTrailerBlocks(refusal, 'id-2');
    expect(blocks.map((b) => b.type)).toEqual(['actions']);
  });

  test('long text is split under the section limit', () => {
    const parts = splitForSections(`${'a '.repeat(2000)}\n\n${'b '.repeat(2000)}`);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 2900)).toBe(true);
  });
});

describe('parseAskCommand and stripMentions', () => {
  test('`-p` makes the answer private; without it the answer is public', () => {
    expect(parseAskCommand('-p współpraca z Liaoning')).toEqual({
      question: 'współpraca z Liaoning',
      isPrivate: true,
    });
    expect(parseAskCommand('  współpraca -p ')).toEqual({
      question: 'współpraca -p',
      isPrivate: false,
    });
    expect(parseAskCommand('-p')).toEqual({ question: '', isPrivate: true });
  });

  test('mentions are removed from questions', () => {
    expect(stripMentions('<@UBOT> A co z <@U123|ania> Yingkou?')).toBe('A co z Yingkou?');
  });
});
