/**
 * Optional LLM-judged groundedness for `npm run eval --judge`: the share of an
 * answer's claims that its shown passages support, as judged by the
 * configured model. Off by default (it costs one call per answer, and a model
 * judging a model is a signal, not a proof); the deterministic checks
 * (citation validity, verbatim quotes) always run.
 */
import { z } from 'zod';
import { formatPassage } from '../../src/answer/build-answer-messages.js';
import type { LlmClient } from '../../src/answer/llm-client.js';
import { loadPrompt, promptMessages } from '../../src/answer/load-prompt.js';
import type { Answer } from '../../src/answer/types.js';

const verdictSchema = z.object({
  claims: z.number().int().min(0),
  supported: z.number().int().min(0),
});

/** Supported share of claims (0–1), or null for refusals and unreadable verdicts. */
export async function judgeGroundedness(answer: Answer, llm: LlmClient): Promise<number | null> {
  if (answer.kind === 'refusal') return null;
  const prompt = loadPrompt('judge-groundedness', 'en');
  const passages = answer.passages.map((hit, i) => formatPassage(hit, i + 1)).join('\n\n');
  const reply = await llm.complete(
    promptMessages(prompt, { passages, question: answer.question, answer: answer.text }),
    { temperature: 0 },
  );
  const json = /\{[\s\S]*\}/.exec(reply)?.[0];
  if (!json) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  const verdict = verdictSchema.safeParse(parsed);
  if (!verdict.success || verdict.data.claims === 0) return null;
  return Math.min(1, verdict.data.supported / verdict.data.claims);
}
