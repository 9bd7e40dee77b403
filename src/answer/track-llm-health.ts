/**
 * The LLM client with a memory of how its last call went, for `/healthz`: an
 * outage does not stop answers (they fall back to quotes with a notice), so
 * without this nobody watching the server would learn the model is down.
 */
import { LlmAbortedError } from '../errors.js';
import type { LlmClient } from './llm-client.js';

export interface TrackedLlm {
  readonly client: LlmClient;
  /** Why the last call failed, or null after a success (or before any call). */
  problem(): string | null;
}

export function trackLlmHealth(llm: LlmClient): TrackedLlm {
  let problem: string | null = null;
  const failed = (error: unknown): void => {
    // A withdrawn question says nothing about the server.
    if (error instanceof LlmAbortedError) return;
    problem = `LLM ${llm.model} failing: ${error instanceof Error ? error.message : String(error)}`;
  };
  const client: LlmClient = {
    model: llm.model,
    async *stream(messages, options) {
      try {
        yield* llm.stream(messages, options);
        problem = null;
      } catch (error) {
        failed(error);
        throw error;
      }
    },
    async complete(messages, options) {
      try {
        const text = await llm.complete(messages, options);
        problem = null;
        return text;
      } catch (error) {
        failed(error);
        throw error;
      }
    },
  };
  return { client, problem: () => problem };
}
