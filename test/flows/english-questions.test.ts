/**
 * English questions over a Polish archive, through the assistant core with a
 * real SQLite index: without an LLM the dictionary bridge searches in Polish
 * and the answer frame is English; with the loopback OpenAI-compatible server
 * the condense step writes the Polish search query and the answer is English.
 */
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createLlmClient } from '../../src/answer/llm-client.js';
import { collectAnswer, createAssistant } from '../../src/assistant/create-assistant.js';
import { silentLogger } from '../../src/logger.js';
import { ANSWER_TEXT } from '../../src/messages.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../fakes/openai-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function buildIndex(): Promise<SqliteIndex> {
  const index = new SqliteIndex({ path: ':memory:' });
  opened.push(index);
  await index.upsertLetter(
    makeLetter({
      id: 'osp',
      date: '2026-08-06',
      author: 'Wiesław Leśniakiewicz',
      title: 'Finansowanie ochotniczych straży pożarnych w latach 2024-2025',
    }),
    makePassages('osp', [
      'W 2024 r. w budżecie państwa dla ochotniczych straży pożarnych (OSP) zaplanowano środki finansowe w wysokości 262 000 000 zł.',
      'Zasady finansowania ochotniczych straży pożarnych zostały uregulowane w ustawie o ochotniczych strażach pożarnych.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({
      id: 'liaoning',
      reference: 'WEN.9823.2020.RFZ',
      date: '2020-03-02',
      author: 'Marcin Michalik',
      title: 'Współpraca z prowincją Liaoning',
    }),
    makePassages('liaoning', [
      'W 2013 roku Marszałek Województwa Śląskiego wystąpił z inicjatywą współpracy z prowincją Liaoning.',
      'W dniach 2-3 lipca 2013 roku gościliśmy w Chorzowie przedstawicieli Miasta Yingkou z prowincji Liaoning.',
    ]),
  );
  await index.upsertLetter(
    makeLetter({ id: 'szpital', date: '2026-07-09', title: 'Szpital miejski w Chorzowie' }),
    makePassages('szpital', [
      'Szpital w Chorzowie otrzymał dotację na remont oddziału kardiologii w wysokości 4 mln zł.',
    ]),
  );
  return index;
}

describe('English questions without an LLM', () => {
  test('the bridge finds the Polish letter and the answer uses the English frame', async () => {
    const assistant = createAssistant({ index: await buildIndex(), logger: silentLogger() });
    const answer = await collectAnswer(assistant, {
      question: 'How much money did the state budget plan for volunteer fire brigades in 2024?',
    });
    expect(answer.kind).toBe('extractive');
    expect(answer.language).toBe('en');
    // „How much” asks for an amount: the English direct line gives it, then the quotes under the English intro.
    expect(answer.text.startsWith(`${ANSWER_TEXT.en.directAnswer} „262 000 000 zł” [1]`)).toBe(
      true,
    );
    expect(answer.text).toContain(`\n\n${ANSWER_TEXT.en.extractiveIntro}\n`);
    expect(answer.citations[0]?.letterId).toBe('osp');
    expect(answer.citations[0]?.quote).toContain('262 000 000 zł');
  });

  test('an English question naming „Chorzów” is answered in English', async () => {
    const assistant = createAssistant({ index: await buildIndex(), logger: silentLogger() });
    const answer = await collectAnswer(assistant, {
      question: 'What subsidy did the hospital in Chorzów get for its cardiology ward?',
    });
    expect(answer.language).toBe('en');
    expect(answer.text).not.toContain(ANSWER_TEXT.pl.extractiveIntro);
    expect(answer.citations[0]?.letterId).toBe('szpital');
  });

  test('a question the bridge cannot put into Polish is not called absent from the archive', async () => {
    const assistant = createAssistant({ index: await buildIndex(), logger: silentLogger() });
    const answer = await collectAnswer(assistant, {
      question: 'Why do the frobnicators quibble about the gizmos of Wąbrzeźno?',
    });
    expect(answer.kind).toBe('refusal');
    expect(answer.language).toBe('en');
    expect(answer.text).not.toContain(ANSWER_TEXT.en.refusal);
    expect(answer.text).toContain('searches the Polish letters');
    expect(answer.text).toMatch(/Polish query tried: „[^”]*Wąbrzeźno”/);
  });
});

describe('English questions with an LLM', () => {
  async function setup(): Promise<{
    server: FakeOpenAiServer;
    assistant: ReturnType<typeof createAssistant>;
  }> {
    const server = await startFakeOpenAiServer();
    opened.push(server);
    const llm = createLlmClient({
      model: 'fake-model',
      apiKey: 'sk-test',
      baseUrl: server.baseUrl,
      timeoutMs: 2_000,
      maxRetries: 0,
    });
    return {
      server,
      assistant: createAssistant({ index: await buildIndex(), logger: silentLogger(), llm }),
    };
  }

  test('condensing runs without history, asks for a Polish query, and the search uses it', async () => {
    const { server, assistant } = await setup();
    server.enqueue(
      { text: 'Współpraca Chorzowa z prowincją Liaoning' },
      { text: 'The cooperation began in 2013 [1].' },
    );
    // No word of this question is in any letter: only the model's Polish query can find the Liaoning letter.
    const question = 'Tell me about the partnership with that Chinese region';
    const answer = await collectAnswer(assistant, { question });

    const condense = server.requests[0]!.body.messages!;
    expect(condense[0]!.content).toContain('Write a Polish search query');
    expect(condense[1]!.content).toContain(question);
    expect(answer.kind).toBe('llm');
    expect(answer.language).toBe('en');
    expect(answer.question).toBe(question);
    expect(answer.citations[0]?.letterId).toBe('liaoning');
    // The answer request carries the retrieved Polish passage and the English question.
    const answerRequest = JSON.stringify(server.requests[1]!.body.messages);
    expect(answerRequest).toContain('prowincją Liaoning');
    expect(answerRequest).toContain(question);
  });

  test('a failing condense step falls back to the dictionary bridge', async () => {
    const { server, assistant } = await setup();
    server.enqueue({ status: 500 }, { text: 'In 2024 the budget planned 262 million zloty [1].' });
    const answer = await collectAnswer(assistant, {
      question: 'How much money did the state budget plan for volunteer fire brigades in 2024?',
    });
    expect(answer.language).toBe('en');
    expect(answer.citations[0]?.letterId).toBe('osp');
  });
});
