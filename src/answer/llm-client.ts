/**
 * The LLM as the answer stage sees it: chat messages in, text (streamed or
 * whole) out. Built on the `openai` package, which speaks to OpenAI, Azure
 * OpenAI (v1 base URL) and OpenAI-compatible servers (Ollama, vLLM, LM Studio)
 * alike. The SDK retries 429 and 5xx with exponential backoff (honouring
 * `retry-after`); on top of it we add an idle timeout while streaming, so a
 * server that stops mid-answer cannot hang a conversation, and we map every
 * failure to a coded `BotError` (`LlmTimeoutError`, `LlmFailedError`).
 */
import type OpenAI from 'openai';
import { LlmAbortedError, LlmFailedError, LlmTimeoutError } from '../errors.js';

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatOptions {
  /** Cancels the request (the user withdrew the question). */
  readonly signal?: AbortSignal;
  readonly temperature?: number;
  readonly maxTokens?: number;
}

/** What the assistant needs from a language model. */
export interface LlmClient {
  readonly model: string;
  /**
   * Streams the reply as text pieces, in order.
   * @throws {LlmTimeoutError} when the server does not answer, or stalls, within the timeout.
   * @throws {LlmFailedError} on any other failure (after retries).
   * @throws {LlmAbortedError} when `signal` aborts.
   */
  stream(messages: readonly ChatMessage[], options?: ChatOptions): AsyncIterable<string>;
  /** The whole reply; same errors as `stream`. */
  complete(messages: readonly ChatMessage[], options?: ChatOptions): Promise<string>;
  /**
   * Checks that the server answers for this key without generating anything (`GET /models`),
   * for `/healthz` before the first question. Optional: a client without it is learned from calls.
   * @throws {LlmTimeoutError} / {LlmFailedError} as `stream`.
   */
  probe?(): Promise<void>;
}

export interface CreateLlmClientOptions {
  readonly model: string;
  /** Optional for local servers (Ollama, vLLM) that ignore it. */
  readonly apiKey?: string;
  /** OpenAI-compatible base URL, e.g. `http://localhost:11434/v1` or an Azure `…/openai/v1/`. */
  readonly baseUrl?: string;
  /** Per-request timeout, and the longest silence tolerated while streaming. */
  readonly timeoutMs?: number;
  /** Retries on 429, 5xx, connection errors and timeouts (with backoff). */
  readonly maxRetries?: number;
  /** Injected for tests and proxies; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** Creates an `LlmClient` over the `openai` SDK. */
export function createLlmClient({
  model,
  apiKey,
  baseUrl,
  timeoutMs = 60_000,
  maxRetries = 2,
  fetch: fetchImpl,
}: CreateLlmClientOptions): LlmClient {
  // The SDK (a large module graph) is imported on the first request, not when the
  // client is built: `ask` and `serve` build one at start, and an answer the
  // assistant refuses or answers from the archive alone never calls it.
  let connecting: Promise<{ sdk: typeof import('openai'); client: OpenAI }> | null = null;
  const connect = () =>
    (connecting ??= import('openai').then((sdk) => ({
      sdk,
      client: new sdk.default({
        // The SDK insists on a key; local servers accept any.
        apiKey: apiKey ?? 'not-needed',
        ...(baseUrl ? { baseURL: baseUrl } : {}),
        timeout: timeoutMs,
        maxRetries,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
    })));

  /** One controller per request: the caller's signal and our idle timer both abort it. */
  function linkAbort(signal: AbortSignal | undefined, sdk: typeof import('openai')) {
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) controller.abort();
    return {
      signal: controller.signal,
      /** (Re)starts the idle timer; called at start and after each streamed piece. */
      arm() {
        clearTimeout(timer);
        timer = setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs);
      },
      done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      },
      translate(error: unknown): Error {
        if (timedOut || error instanceof sdk.APIConnectionTimeoutError)
          return new LlmTimeoutError(`no reply from ${model} within ${timeoutMs} ms`, {
            cause: error,
          });
        if (signal?.aborted || error instanceof sdk.APIUserAbortError) return new LlmAbortedError();
        if (error instanceof sdk.APIConnectionError)
          return new LlmFailedError(
            `cannot reach the LLM server at ${baseUrl ?? 'api.openai.com'}: ${error.cause instanceof Error ? error.cause.message : error.message}`,
            { cause: error },
          );
        if (error instanceof sdk.APIError)
          return new LlmFailedError(
            `LLM request failed with status ${String(error.status ?? 'none')}`,
            { cause: error },
          );
        return new LlmFailedError('LLM request failed', { cause: error });
      },
    };
  }

  async function* stream(
    messages: readonly ChatMessage[],
    options: ChatOptions = {},
  ): AsyncGenerator<string> {
    const { sdk, client } = await connect();
    const link = linkAbort(options.signal, sdk);
    link.arm();
    try {
      const chunks = await client.chat.completions.create(
        {
          model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
          ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
        },
        { signal: link.signal },
      );
      for await (const chunk of chunks) {
        link.arm();
        const piece = chunk.choices[0]?.delta?.content;
        if (piece) yield piece;
      }
      // The SDK ends a stream quietly when it is aborted; a cut-off answer is a failure, not an answer.
      if (link.signal.aborted) throw new sdk.APIUserAbortError();
    } catch (error) {
      throw link.translate(error);
    } finally {
      link.done();
    }
  }

  async function complete(
    messages: readonly ChatMessage[],
    options: ChatOptions = {},
  ): Promise<string> {
    let text = '';
    for await (const piece of stream(messages, options)) text += piece;
    return text;
  }

  async function probe(): Promise<void> {
    const { sdk, client } = await connect();
    const link = linkAbort(undefined, sdk);
    try {
      await client.models.list({ timeout: Math.min(timeoutMs, 10_000), maxRetries: 0 });
    } catch (error) {
      // Proxies and some servers have no models route: they answered, so they are reachable.
      if (error instanceof sdk.NotFoundError) return;
      throw link.translate(error);
    } finally {
      link.done();
    }
  }

  return { model, stream, complete, probe };
}
