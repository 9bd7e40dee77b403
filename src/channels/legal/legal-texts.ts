/**
 * The privacy notice and the terms of use, in Polish and English: the one
 * place their text lives. The Teams app manifest requires both addresses
 * (`developer.privacyUrl`, `developer.termsOfUseUrl`), and Teams shows them
 * on the app's details page; `legal-routes.ts` serves them.
 */

/** One page: a title and paragraphs, per language. */
export interface LegalText {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

export type LegalPage = 'privacy' | 'terms';

export const LEGAL_TEXTS: Record<LegalPage, Record<'pl' | 'en', LegalText>> = {
  privacy: {
    pl: {
      title: 'Kancelaria — informacja o przetwarzaniu danych',
      paragraphs: [
        'Kancelaria to asystent archiwum pism urzędu, uruchomiony na serwerze urzędu, który go udostępnia. Administratorem danych jest ten urząd; pytania o dane kieruj do jego administratora systemu lub inspektora ochrony danych.',
        'Asystent przetwarza: treść zadanych pytań, identyfikator użytkownika w Slacku lub Microsoft Teams (a w Teams także identyfikator konta organizacji), udzielone odpowiedzi wraz ze wskazanymi źródłami oraz oceny odpowiedzi (kciuk w górę lub w dół, komentarz).',
        'Dane te są zapisywane wyłącznie w bazie stanu na serwerze urzędu, aby móc odpowiadać na pytania uzupełniające w tej samej rozmowie, ulepszać odpowiedzi na podstawie ocen i prowadzić dziennik poleceń administracyjnych. Pozostają tam, dopóki administrator ich nie usunie.',
        'Jeśli urząd włączył model językowy, treść pytania i fragmenty pism z archiwum są wysyłane do usługi modelu wskazanej przez urząd, wyłącznie w celu napisania odpowiedzi. Bez modelu językowego odpowiedzi powstają w całości na serwerze urzędu.',
        'Autorzy oprogramowania Kancelaria nie otrzymują żadnych danych z Twojego użycia asystenta.',
      ],
    },
    en: {
      title: 'Kancelaria — privacy notice',
      paragraphs: [
        'Kancelaria is an assistant for the archive of official letters of the office that runs it, on that office’s own server. The office is the data controller; ask its system administrator or data protection officer about your data.',
        'The assistant processes the questions asked, your Slack or Microsoft Teams user id (in Teams also your organisation account id), the answers with the sources they cite, and your ratings of answers (thumbs up or down, a comment).',
        'These are stored only in the state database on the office’s server, to answer follow-up questions in the same conversation, to improve answers from ratings and to keep an audit of admin commands. They stay there until the administrator deletes them.',
        'If the office has configured a language model, the question and passages of archived letters are sent to the model service the office chose, only to write the answer. Without a language model, answers are produced entirely on the office’s server.',
        'The authors of the Kancelaria software receive no data from your use of the assistant.',
      ],
    },
  },
  terms: {
    pl: {
      title: 'Kancelaria — warunki korzystania',
      paragraphs: [
        'Kancelaria odpowiada wyłącznie na podstawie pism z archiwum urzędu i przy każdej odpowiedzi wskazuje źródła: znak sprawy, datę, autora i stronę pisma. Gdy archiwum nie zawiera odpowiedzi, mówi to wprost.',
        'Odpowiedź asystenta nie jest stanowiskiem urzędu ani rozstrzygnięciem sprawy. Odpowiedzi generowane automatycznie mogą zawierać błędy: przed powołaniem się na odpowiedź sprawdź ją we wskazanym piśmie.',
        'Pisma o ograniczonym dostępie są pokazywane tylko osobom uprawnionym i tylko w rozmowie prywatnej z asystentem. Nie przekazuj ich treści osobom nieuprawnionym.',
        'Z asystenta korzystasz zgodnie z zasadami obowiązującymi w urzędzie. Urząd może ograniczyć lub wyłączyć dostęp do asystenta.',
      ],
    },
    en: {
      title: 'Kancelaria — terms of use',
      paragraphs: [
        'Kancelaria answers only from the letters in the office’s archive and names the sources of every answer: reference number, date, author and page. When the archive holds no answer, it says so.',
        'An answer of the assistant is neither the office’s position nor a decision in any matter. Generated answers may be wrong: check an answer in the cited letter before relying on it.',
        'Letters with restricted access are shown only to people entitled to them, and only in a private chat with the assistant. Do not pass their content on to anyone else.',
        'You use the assistant under the office’s own rules. The office may limit or switch off access to it.',
      ],
    },
  },
};
