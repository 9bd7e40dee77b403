/**
 * The answer-scoring part of the evaluation harness with an LLM behind a
 * local OpenAI-compatible server: answers come from the LLM, fallbacks are
 * counted, and `--judge` groundedness is read from the judge's JSON verdict.
 */
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createLlmClient } from '../../src/answer/llm-client.js';
import { createAssistant } from '../../src/assistant/create-assistant.js';
import { silentLogger } from '../../src/logger.js';
import { judgeGroundedness } from '../../bench/eval/judge-groundedness.js';
import { evaluateQuestion, summarize } from '../../bench/eval/run-eval.js';
import { startFakeOpenAiServer } from '../fakes/openai-server.js';
import { makeLetter, makePassages } from '../helpers/letters.js';

describe('eval answer scoring', () => {
  test('scores LLM answers, counts fallbacks and averages the judged groundedness', async () => {
    const server = await startFakeOpenAiServer();
    const index = new SqliteIndex({ path: ':memory:' });
    try {
      await index.upsertLetter(
        makeLetter({ id: 'teachers', file: 'teachers.txt' }),
        makePassages('teachers', [
          'Minister edukacji zaproponowała wzrost kwoty bazowej dla nauczycieli o 10,3% w 2026 roku.',
        ]),
      );
      const llm = createLlmClient({
        model: 'fake',
        baseUrl: server.baseUrl,
        timeoutMs: 300,
        maxRetries: 0,
      });
      const assistant = createAssistant({ index, logger: silentLogger(), llm });
      const question = {
        id: 'q1',
        question: 'O ile wzrośnie kwota bazowa nauczycieli w 2026 roku?',
        relevant: ['teachers.txt'],
        answerable: true,
        must_contain: ['10,3%'],
      };
      server.enqueue(
        { text: 'Kwota bazowa wzrośnie o 10,3% [1].' },
        { text: '{"claims": 2, "supported": 1, "unsupported": ["x"]}' },
      );
      const first = await evaluateQuestion(question, {
        index,
        assistant,
        k: 10,
        judge: (a) => judgeGroundedness(a, llm),
      });
      expect(first).toMatchObject({
        kind: 'llm',
        mustContainOk: true,
        citations: 1,
        validCitations: 1,
        groundedness: 0.5,
        isFallback: false,
      });
      server.enqueue({ status: 500 });
      const second = await evaluateQuestion(question, { index, assistant, k: 10 });
      expect(second).toMatchObject({ kind: 'extractive', isFallback: true, mustContainOk: true });
      const summary = summarize([first, second], 'llm');
      expect(summary).toMatchObject({
        answer_mode: 'llm',
        llm_fallbacks: 1,
        groundedness: 0.5,
        must_contain_rate: 1,
        citation_validity: 1,
      });
    } finally {
      await index.close();
      await server.close();
    }
  });
});
