/**
 * Follow-up questions without an LLM. "A co z Yingkou?" after a question about
 * Liaoning only makes sense with the thread's subject, so a short or
 * referring follow-up carries the previous user question along. The LLM path
 * (when configured) rewrites the question properly instead.
 */
import type { ChatTurn } from './types.js';

/** Words that point back at an earlier subject (folded and raw forms). */
const REFERRING =
  /\b(to|tym|tego|tej|ten|ta|tamt\w*|on[aie]?|jego|jej|ich|wtedy|tam|dalej|więcej|wiecej|również|rowniez|także|takze|a co|it|that|this|them|those|there|then|more)\b/i;

/** Standalone question for retrieval: the question itself, or it plus the previous user question. */
export function condenseQuestion(question: string, history: readonly ChatTurn[] = []): string {
  const previous = [...history].reverse().find((turn) => turn.role === 'user');
  if (!previous) return question;
  const words = question.match(/\p{L}+/gu) ?? [];
  const isFollowUp = words.length <= 6 || REFERRING.test(question);
  return isFollowUp ? `${previous.text} ${question}` : question;
}
