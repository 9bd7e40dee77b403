/**
 * `POST /api/ask`: the assistant's `AnswerEvent`s as a `text/event-stream`,
 * one `data:` JSON line per event, written as they arrive. The browser reads
 * it with `fetch` (EventSource cannot POST). Closing the tab aborts
 * retrieval and generation.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Feedback } from '../../assistant/feedback.js';
import { toAnswerView } from '../../answer/to-answer-view.js';
import type { Answerer, AnswerEvent } from '../../assistant/types.js';
import type { Citation } from '../../answer/types.js';
import { safeLinkUrl } from '../../answer/link-policy.js';
import type { IdentityConfig } from '../../assistant/identify-user.js';
import { toBotError } from '../../errors.js';
import { safeLogField, type Logger } from '../../logger.js';
import { USER_MESSAGES_PL } from '../../messages.js';
import { askPayload, clientAddress, readJsonPayload, staffIdentity } from './web-payloads.js';
import { sendBadPayload, sendJson } from './send-response.js';

export interface StreamAnswerDeps {
  readonly config: IdentityConfig;
  readonly assistant: Answerer;
  readonly logger: Logger;
  /** Remembers each final answer under a fresh key the page's feedback buttons send back. */
  readonly feedback?: Feedback;
}

/**
 * What goes over the wire: the event itself, except that a final answer
 * leaves out the retrieved passages (full letter records with server paths;
 * the page shows only citations, which carry their verbatim quotes), and
 * that the page's notice is the presentation model's (`toAnswerView`).
 */
export function toWireEvent(event: AnswerEvent): unknown {
  // The page links only a citation's own `url`, and only when it is a safe http(s) address.
  const linkable = (citations: readonly Citation[]) =>
    citations.map((c) => ({
      ...c,
      url: safeLinkUrl(c.url),
      ...(c.viewerUrl ? { viewerUrl: safeLinkUrl(c.viewerUrl) } : {}),
    }));
  if (event.type === 'citations') return { ...event, citations: linkable(event.citations) };
  if (event.type !== 'final') return event;
  const { passages: _passages, ...answer } = event.answer;
  return {
    type: 'final',
    answer: {
      ...answer,
      notice: toAnswerView(event.answer).notice,
      citations: linkable(answer.citations),
    },
  };
}

function writeEvent(res: http.ServerResponse, event: unknown): void {
  res.write(`data: ${JSON.stringify(event)}\n\n`);
}

/** Handles one question: validates it, then streams the answer. */
export async function streamAnswer(
  deps: StreamAnswerDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  let payload;
  try {
    payload = await readJsonPayload(req, askPayload);
  } catch (error) {
    sendBadPayload(res, error, deps.logger);
    return;
  }
  const user = staffIdentity(deps.config, payload.staff, clientAddress(req));
  const controller = new AbortController();
  // The response closing before we end it means the browser went away.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  deps.logger.info(
    {
      user: user.id,
      question: safeLogField(payload.question),
      history: payload.history?.length ?? 0,
    },
    'web question',
  );
  let isStreaming = false;
  try {
    const events = deps.assistant.answer({
      question: payload.question,
      ...(payload.history ? { history: payload.history } : {}),
      user,
      // The console shows the answer to the clerk at this browser only.
      audience: 'asker',
      conversationId: user.id,
      signal: controller.signal,
    });
    for await (const event of events) {
      if (controller.signal.aborted) break;
      // A limit hit before anything was sent is an HTTP answer of its own: 429, not an event in a 200 stream.
      if (!isStreaming && event.type === 'error' && event.code === 'rate_limited') {
        res.setHeader('retry-after', '60');
        sendJson(res, 429, { error: 'rate_limited', message: event.text });
        return;
      }
      if (!isStreaming) {
        res.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          // Proxies (nginx) must pass each event on at once.
          'x-accel-buffering': 'no',
        });
        isStreaming = true;
      }
      if (event.type === 'final' && deps.feedback) {
        const answerKey = `web:${randomUUID()}`;
        deps.feedback.remember(answerKey, payload.question, event.answer);
        const wire = toWireEvent(event) as { answer: Record<string, unknown> };
        writeEvent(res, { ...wire, answer: { ...wire.answer, answerKey } });
        continue;
      }
      writeEvent(res, toWireEvent(event));
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    const { code } = toBotError(error);
    deps.logger.error({ err: error, user: user.id }, 'web answer failed');
    if (!isStreaming) {
      sendJson(res, 500, { error: code, message: USER_MESSAGES_PL[code] });
      return;
    }
    // Headers are sent: the failure travels as one more event, in Polish.
    writeEvent(res, { type: 'error', code, text: USER_MESSAGES_PL[code] });
  } finally {
    if (!res.writableEnded) res.end();
  }
}
