import type { Answer, Citation } from '../../../src/answer/types.js';
import { TEAMS_TEXT } from '../../../src/messages.js';
import {
  buildAiMessageEntity,
  buildClaim,
  renderAnswer,
  toTeamsMarkdown,
  truncate,
} from '../../../src/channels/teams/render-answer.js';

const base: Citation = {
  n: 1,
  letterId: 'l1',
  file: 'pismo.docx',
  page: null,
  reference: null,
  date: null,
  author: 'Bardzo Długie Imię i Nazwisko Sygnatariusza',
  authorRole: null,
  title: null,
  url: null,
  ocr: true,
  quote: 'ż'.repeat(300),
};

describe('renderAnswer', () => {
  test('a refusal carries no AI label and no citations', () => {
    const refusal: Answer = {
      kind: 'refusal',
      text: 'Nie znalazłem.',
      question: 'q',
      passages: [],
      citations: [],
      language: 'pl',
    };
    expect(renderAnswer(refusal)).toEqual({ text: 'Nie znalazłem.', entities: [] });
  });

  test('an extractive answer gets its notice, the Źródła list and one claim per citation', () => {
    const answer: Answer = {
      kind: 'extractive',
      text: 'Wstęp:\n„Zdanie.” [1]\n„Inne.” [2]',
      citations: [
        base,
        {
          ...base,
          n: 2,
          reference: 'ABC.1.2020',
          date: '2020-01-01',
          url: 'https://bip.example.pl/a',
        },
      ],
      passages: [],
      question: 'q',
      language: 'pl',
      notice: 'Model niedostępny.',
    };
    const { text, entities } = renderAnswer(answer);
    expect(text.startsWith('_Model niedostępny._\n\nWstęp:\n\n„Zdanie.” [1]')).toBe(true);
    expect(text).toContain('Źródła:\n\n[1] bez znaku, bez daty');
    const claims = entities[0]?.citation as { position: number; appearance: { url?: string } }[];
    expect(claims.map((c) => c.position)).toEqual([1, 2]);
    expect(claims[0]!.appearance.url).toBeUndefined();
    expect(claims[1]!.appearance.url).toBe('https://bip.example.pl/a');
  });
});

describe('buildClaim', () => {
  test("keeps Teams' limits: name ≤ 80, abstract ≤ 160, keywords ≤ 28 characters", () => {
    const claim = buildClaim({ ...base, reference: 'X'.repeat(100) });
    expect([...claim.appearance.name].length).toBe(80);
    expect([...claim.appearance.abstract].length).toBe(160);
    expect(claim.appearance.abstract.endsWith('…')).toBe(true);
    expect(claim.appearance.keywords?.every((k) => k.length <= 28)).toBe(true);
    expect(claim.appearance.keywords).toContain('OCR');
    expect(claim.appearance.image.name).toBe('Microsoft Word');
  });

  test('at most 3 keywords; a name and abstract of astral characters are cut on code points', () => {
    const claim = buildClaim({
      ...base,
      page: 12,
      reference: '𝔸'.repeat(90),
      quote: '𝔹'.repeat(200),
    });
    expect(claim.appearance.keywords).toHaveLength(3);
    expect([...claim.appearance.name].length).toBeLessThanOrEqual(80);
    expect([...claim.appearance.abstract].length).toBeLessThanOrEqual(160);
    // No half surrogate pair left at the cut.
    expect(claim.appearance.abstract).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/u);
  });
});

describe('sensitivity labels', () => {
  test('a restricted letter gets its group\u2019s label, an unlisted group the generic one, public none', () => {
    const labels = { sensitivityLabels: { finanse: 'Poufne \\ Finanse' } };
    expect(
      buildClaim({ ...base, accessGroup: 'finanse' }, 'pl', labels).appearance.usageInfo,
    ).toEqual({
      '@type': 'CreativeWork',
      name: 'Poufne \\ Finanse',
      description: TEAMS_TEXT.restrictedLabelDescription,
    });
    expect(
      buildClaim({ ...base, accessGroup: 'zarzad' }, 'pl', labels).appearance.usageInfo?.name,
    ).toBe(TEAMS_TEXT.restrictedLabel);
    expect(buildClaim(base, 'pl', labels).appearance.usageInfo).toBeUndefined();
  });

  test('the message carries the label when it cites a restricted letter, not otherwise', () => {
    const labels = { sensitivityLabels: { finanse: 'Poufne' } };
    const restricted = buildAiMessageEntity(
      [base, { ...base, n: 2, accessGroup: 'finanse' }],
      'pl',
      labels,
    );
    expect(restricted.usageInfo).toMatchObject({ '@type': 'CreativeWork', name: 'Poufne' });
    expect(buildAiMessageEntity([base], 'pl', labels).usageInfo).toBeUndefined();
  });
});

describe('toTeamsMarkdown / truncate', () => {
  test('line breaks become paragraph breaks; truncation respects code points', () => {
    expect(toTeamsMarkdown('a\nb\r\n\nc')).toBe('a\n\nb\n\nc');
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate(' krótki  tekst ', 20)).toBe('krótki tekst');
  });
});
