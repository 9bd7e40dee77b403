/**
 * Gives every citation of every answer its signed viewer link, in one place
 * for all channels: the core knows who asked, so the link is made for that
 * user, and Slack, Teams and the web console only render `viewerUrl`.
 */
import type { Answer, Citation } from '../answer/types.js';
import type { LetterLinks } from './sign-letter-links.js';
import type { AnswerEvent, Answerer } from './types.js';

/** Wraps an answerer so its `citations` and `final` events carry `viewerUrl`. */
export function withViewerLinks<T extends Answerer>(assistant: T, links: LetterLinks): T {
  return {
    ...assistant,
    async *answer(request) {
      // Unnamed requests (tests, scripts) still get links; nobody's groups open a restricted letter through them.
      const userId = request.user?.id ?? 'anonymous';
      const link = (citations: readonly Citation[]): Citation[] =>
        citations.map((c) => ({
          ...c,
          viewerUrl: links.signUrl({
            letterId: c.letterId,
            page: c.page,
            quote: c.quote,
            userId,
          }),
        }));
      for await (const event of assistant.answer(request) as AsyncIterable<AnswerEvent>) {
        if (event.type === 'citations') yield { ...event, citations: link(event.citations) };
        else if (event.type === 'final' && event.answer.kind !== 'refusal')
          yield {
            ...event,
            answer: { ...event.answer, citations: link(event.answer.citations) } as Answer,
          };
        else yield event;
      }
    },
  };
}
