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
  /**
   * Probes the server now (so `/healthz` names a dead LLM before the first question) and again
   * every `intervalMs` while a problem stands (so it clears without waiting for a question).
   * Returns the function that stops it.
   */
  watch(intervalMs: number): () => void;
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
  const probe = async (): Promise<void> => {
    if (!llm.probe) return;
    try {
      await llm.probe();
      problem = null;
    } catch (error) {
      failed(error);
    }
  };
  const watch = (intervalMs: number): (() => void) => {
    void probe();
    const timer = setInterval(() => {
      if (problem !== null) void probe();
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  };
  return { client, problem: () => problem, watch };
}
