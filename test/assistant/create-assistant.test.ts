import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { collectAnswer, createAssistant } from '../../src/assistant/create-assistant.js';
import type { AnswerEvent } from '../../src/assistant/types.js';
import { silentLogger } from '../../src/logger.js';
import { ANSWER_TEXT } from '../../src/messages.js';
import type { Letter } from '../../src/archive/types.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

async function seededAssistant() {
  const index = new SqliteIndex({ path: ':memory:' });
  await index.upsertLetter(
    makeLetter({
      id: 'liaoning',
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      author: 'Marcin Michalik',
    }),
    makePassages('liaoning', [
      'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą współpracy z prowincją Liaoning.',
      'W dniach 2-3 lipca 2013 roku gościliśmy w Chorzowie przedstawicieli Miasta Yingkou z prowincji Liaoning.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({ id: 'teachers', date: '2026-07-14' }),
    makePassages('teachers', [
      'Minister edukacji zaproponowała wzrost kwoty bazowej dla nauczycieli o 10,3% w 2026 roku.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({ id: 'secret', accessGroup: 'zarzad' }),
    makePassages('secret', ['Poufna notatka: delegacja do Yingkou kosztowała 80 tysięcy złotych.']),
  );
  return { index, assistant: createAssistant({ index, logger: silentLogger() }) };
}

/** The final answer to a question over an in-memory index of the given letters and their paragraphs. */
async function answerFrom(question: string, letters: [Letter, string[]][]) {
  const index = new SqliteIndex({ path: ':memory:' });
  for (const [letter, paragraphs] of letters)
    await index.upsertLetter(letter, makePassages(letter.id, paragraphs));
  const answer = await collectAnswer(createAssistant({ index, logger: silentLogger() }), {
    question,
  });
  await index.close();
  return answer;
}

describe('assistant core', () => {
  test('answers with verbatim quotes and citations of the right letter', async () => {
    const { index, assistant } = await seededAssistant();
    const answer = await collectAnswer(assistant, {
      question: 'Kiedy przedstawiciele Yingkou gościli w Chorzowie?',
    });
    expect(answer.kind).toBe('extractive');
    expect(answer.text).toContain('Yingkou');
    expect(answer.text).toMatch(/\[1\]/);
    expect(answer.citations[0]).toMatchObject({
      n: 1,
      letterId: 'liaoning',
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
    });
    const shown = answer.passages.map((h) => h.passage.text).join('\n');
    for (const c of answer.citations) expect(shown).toContain(c.quote);
    await index.close();
  });

  test('emits status, citations, text and a final event, in that order', async () => {
    const { index, assistant } = await seededAssistant();
    const events: AnswerEvent[] = [];
    for await (const e of assistant.answer({ question: 'współpraca z Liaoning' })) events.push(e);
    expect(events.map((e) => e.type)).toEqual(['status', 'citations', 'delta', 'final']);
    await index.close();
  });

  test('refuses when the archive holds no answer, citing nothing', async () => {
    const { index, assistant } = await seededAssistant();
    const answer = await collectAnswer(assistant, {
      question: 'Ile kosztowała budowa mostu w Wąbrzeźnie?',
    });
    expect(answer.kind).toBe('refusal');
    expect(answer.text).toBe('Nie znalazłem w archiwum odpowiedzi na to pytanie.');
    expect(answer.citations).toEqual([]);
    await index.close();
  });

  test('refuses a question about a place the archive never mentions, though the rest matches a letter', async () => {
    const { index, assistant } = await seededAssistant();
    const answer = await collectAnswer(assistant, {
      question: 'O ile wzrośnie kwota bazowa nauczycieli w Sokółce w 2026 roku?',
    });
    expect(answer.kind).toBe('refusal');
    await index.close();
  });

  test('answers a paraphrase of a letter, in words the letter does not use', async () => {
    const { index, assistant } = await seededAssistant();
    const answer = await collectAnswer(assistant, {
      question: 'O ile minister chce podnieść pensje nauczycieli w 2026 roku?',
    });
    expect(answer.kind).toBe('extractive');
    expect(answer.citations[0]?.letterId).toBe('teachers');
    await index.close();
  });

  test('answers an English question in English', async () => {
    const { index, assistant } = await seededAssistant();
    const answer = await collectAnswer(assistant, { question: 'What about Yingkou and Liaoning?' });
    expect(answer.language).toBe('en');
    expect(answer.text).toMatch(/^From the archive/);
    await index.close();
  });

  test('letters of an access group are hidden from others and shown to members', async () => {
    const { index, assistant } = await seededAssistant();
    const q = 'Ile kosztowała delegacja do Yingkou?';
    const outsider = await collectAnswer(assistant, { question: q, user: { id: 'u1' } });
    expect(outsider.passages.map((h) => h.letter.id)).not.toContain('secret');
    const member = await collectAnswer(assistant, {
      question: q,
      user: { id: 'u2', accessGroups: ['zarzad'] },
      audience: 'asker',
    });
    expect(member.citations.map((c) => c.letterId)).toContain('secret');
    await index.close();
  });

  test('channel rule: a member asking where others read gets public letters only and a pointer to the private chat', async () => {
    const { index, assistant } = await seededAssistant();
    const q = 'Ile kosztowała delegacja do Yingkou?';
    const member = { id: 'u2', accessGroups: ['zarzad'] };
    for (const request of [
      { question: q, user: member, audience: 'shared' as const },
      { question: q, user: member },
    ]) {
      const answer = await collectAnswer(assistant, request);
      expect(answer.passages.map((h) => h.letter.id)).not.toContain('secret');
      expect(answer.text).not.toContain('80 tysięcy');
      expect(answer.text).toContain(ANSWER_TEXT.pl.privateChatOnly);
    }
    // Someone entitled to nothing restricted is not told about private chats.
    const outsider = await collectAnswer(assistant, {
      question: q,
      user: { id: 'u1' },
      audience: 'shared',
    });
    expect(outsider.text).not.toContain(ANSWER_TEXT.pl.privateChatOnly);
    await index.close();
  });

  test('a short follow-up carries the thread subject into retrieval', async () => {
    const { index, assistant } = await seededAssistant();
    const history = [
      { role: 'user' as const, text: 'Jak wyglądała współpraca z prowincją Liaoning?' },
      { role: 'assistant' as const, text: '…' },
    ];
    const answer = await collectAnswer(assistant, { question: 'A kiedy była wizyta?', history });
    expect(answer.kind).not.toBe('refusal');
    expect(answer.citations[0]?.letterId).toBe('liaoning');
    await index.close();
  });

  test('a lookup by interpellation number quotes the substance of the letter, not its title line', async () => {
    // sejm/i15497-DX5HDZ: the header line „Odpowiedź na interpelację nr 15497” is a passage of its own.
    const answer = await answerFrom('Co odpowiedziano na interpelację numer 15497?', [
      [
        makeLetter({ id: 'i15497', interpellation: '15497', reference: 'DWM-WUM.055.9.2026.PP' }),
        [
          'Odpowiedź na interpelację nr 15497',
          'Obywatele Ukrainy objęci ochroną czasową mogą ubiegać się o stypendium socjalne i kredyt studencki.',
        ],
      ],
    ]);
    expect(answer.kind).toBe('extractive');
    expect(answer.citations[0]?.quote).toContain('stypendium socjalne');
    expect(answer.text).not.toContain('„Odpowiedź na interpelację nr 15497”');
  });

  test('a letter that covers the question only in its subject line answers with the letter, not a refusal', async () => {
    // titles-dev t18617: „Jaka jest odpowiedź w sprawie parytetów?”; only the subject line says „parytetów”.
    const answer = await answerFrom('Jaka jest odpowiedź w sprawie parytetów?', [
      [
        makeLetter({ id: 'i18617', reference: 'DSP.054.9.2026', title: 'w sprawie parytetów' }),
        [
          'w sprawie parytetów płci na listach wyborczych',
          'Zasady ustalania list kandydatów określa Kodeks wyborczy, którego zmiana nie jest obecnie planowana.',
        ],
      ],
      [makeLetter({ id: 'other' }), ['Minister zdrowia przedstawił plan sieci szpitali.']],
    ]);
    expect(answer.kind).toBe('extractive');
    expect(answer.citations[0]).toMatchObject({ letterId: 'i18617' });
    expect(answer.citations[0]?.quote).toContain('Kodeks wyborczy');
  });

  test('an index failure becomes one short Polish error event, not a throw', async () => {
    const { index, assistant } = await seededAssistant();
    await index.close();
    const events: AnswerEvent[] = [];
    for await (const e of assistant.answer({ question: 'Liaoning' })) events.push(e);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ type: 'error', code: 'internal' });
    expect(last?.type === 'error' && last.text).toMatch(/Spróbuj ponownie/);
  });
});
