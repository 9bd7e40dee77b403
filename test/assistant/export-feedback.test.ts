import { StateStore } from '../../src/assistant/state-store.js';
import { csvCell, exportFeedback } from '../../src/assistant/export-feedback.js';
import type { Citation } from '../../src/answer/types.js';

const citation: Citation = {
  n: 1,
  letterId: 'chorzow-liaoning',
  file: 'chorzow/liaoning.pdf',
  page: 1,
  reference: 'WEN.9823.2020.RFZ',
  date: '2020-03-02',
  author: 'Marcin Michalik',
  authorRole: null,
  title: null,
  url: null,
  ocr: false,
  quote: 'Współpraca miast śląskich…',
};

function storeWithFeedback(): StateStore {
  const store = new StateStore({ path: ':memory:', now: () => new Date('2026-01-02T03:04:05Z') });
  store.recordFeedback({
    channel: 'slack',
    userId: 'U1',
    conversationId: 'slack:C1:1.0',
    messageId: '2.0',
    rating: 'up',
    comment: null,
    question: 'Współpraca z Liaoning, "krótko"?',
    answer: 'Tak [1].\nDrugi wiersz.',
    citations: [citation],
  });
  store.recordFeedback({
    channel: 'teams',
    userId: 'A2',
    conversationId: null,
    messageId: null,
    rating: 'down',
    comment: '=HYPERLINK("x")',
    question: 'q',
    answer: 'a',
    citations: [],
  });
  return store;
}

describe('exportFeedback', () => {
  test('JSON lists every record with its citations', () => {
    const parsed = JSON.parse(exportFeedback(storeWithFeedback(), 'json')) as {
      rating: string;
      citations: Citation[];
    }[];
    expect(parsed.map((r) => r.rating)).toEqual(['up', 'down']);
    expect(parsed[0]?.citations[0]?.reference).toBe('WEN.9823.2020.RFZ');
  });

  test('CSV has a header, quotes commas, quotes and newlines, and names the sources', () => {
    const csv = exportFeedback(storeWithFeedback(), 'csv');
    const [header] = csv.split('\r\n');
    expect(header).toBe(
      'at,channel,user_id,conversation_id,message_id,rating,comment,question,answer,sources',
    );
    expect(csv).toContain('"Współpraca z Liaoning, ""krótko""?"');
    expect(csv).toContain('"Tak [1].\nDrugi wiersz."');
    expect(csv).toContain('[1] WEN.9823.2020.RFZ (2020-03-02, s. 1)');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('CSV neutralises spreadsheet formulas in user text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(exportFeedback(storeWithFeedback(), 'csv')).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
