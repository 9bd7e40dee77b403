/**
 * Every user-facing Polish (and English) string lives here, so wording is
 * reviewed in one place and channels never invent their own.
 */
import type { BotErrorCode } from './errors.js';

/** One short Polish sentence per error code: what the user sees, never a stack trace. */
export const USER_MESSAGES_PL: Record<BotErrorCode, string> = {
  config_invalid: 'Asystent jest źle skonfigurowany. Administrator został powiadomiony.',
  index_unavailable: 'Archiwum jest chwilowo niedostępne. Spróbuj ponownie za chwilę.',
  no_sources: 'Nie znalazłem w archiwum odpowiedzi na to pytanie.',
  llm_timeout: 'Generowanie odpowiedzi trwało zbyt długo.',
  llm_failed: 'Nie udało się wygenerować odpowiedzi.',
  rate_limited: 'Zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za minutę.',
  access_denied: 'Nie masz uprawnień do tej operacji.',
  bad_request: 'Nie rozumiem tej wiadomości.',
  internal: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.',
};

/** Texts of the answer itself, per answer language. */
export const ANSWER_TEXT = {
  pl: {
    refusal: 'Nie znalazłem w archiwum odpowiedzi na to pytanie.',
    sourcesHeading: 'Źródła:',
    page: 's.',
    ocr: '(OCR)',
    noReference: 'bez znaku',
    noDate: 'bez daty',
    extractiveIntro: 'Z archiwum (fragmenty pism):',
    fallbackNotice: 'Model językowy jest niedostępny — pokazuję najtrafniejsze fragmenty pism.',
    ungrounded: 'Uwaga: tej odpowiedzi nie udało się powiązać ze źródłami.',
    unverifiedQuotes: (count: number) =>
      `Uwaga: ${count === 1 ? 'jeden cytat nie zgadza się' : `cytaty (${count}) nie zgadzają się`} dosłownie z treścią źródła.`,
  },
  en: {
    refusal: 'I could not find an answer to this question in the archive.',
    sourcesHeading: 'Sources:',
    page: 'p.',
    ocr: '(OCR)',
    noReference: 'no reference',
    noDate: 'undated',
    extractiveIntro: 'From the archive (excerpts of letters):',
    fallbackNotice: 'The language model is unavailable — showing the most relevant excerpts.',
    ungrounded: 'Note: this answer could not be tied to any source.',
    unverifiedQuotes: (count: number) =>
      `Note: ${count === 1 ? 'one quotation does' : `${count} quotations do`} not match the source word for word.`,
  },
} as const;

/** Status lines shown while the assistant works. */
export const STATUS_TEXT = {
  condensing: 'Analizuję pytanie…',
  searching: 'Szukam w archiwum…',
  writing: 'Piszę odpowiedź…',
} as const;
