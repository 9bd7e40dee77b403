/**
 * Every user-facing Polish (and English) string lives here, so wording is
 * reviewed in one place and channels never invent their own.
 */
import type { BotErrorCode } from './errors.js';

/** One short Polish sentence per error code: what the user sees, never a stack trace. */
export const USER_MESSAGES_PL: Record<BotErrorCode, string> = {
  config_invalid: 'Asystent jest źle skonfigurowany. Administrator został powiadomiony.',
  index_unavailable: 'Archiwum jest chwilowo niedostępne. Spróbuj ponownie za chwilę.',
  llm_timeout: 'Generowanie odpowiedzi trwało zbyt długo.',
  llm_failed: 'Nie udało się wygenerować odpowiedzi.',
  rate_limited: 'Zbyt wiele pytań w krótkim czasie. Spróbuj ponownie za minutę.',
  busy: 'Asystent odpowiada teraz na wiele pytań naraz. Spróbuj ponownie za chwilę.',
  access_denied: 'Nie masz uprawnień do tej operacji.',
  bad_request: 'Nie rozumiem tej wiadomości.',
  internal: 'Coś poszło nie tak. Spróbuj ponownie za chwilę.',
};

/** What a lookup answer says of the letter found (`ANSWER_TEXT.*.letterCard`). */
interface LetterCard {
  readonly reference: string | null;
  readonly date: string | null;
  readonly author: string | null;
  readonly role: string | null;
  readonly title: string | null;
}

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
    directAnswer: 'W skrócie:',
    alsoIn: 'także:',
    missing: (what: readonly string[]) =>
      `Archiwum nie zawiera informacji o: ${what.map((w) => `„${w}”`).join(', ')}.`,
    closest: 'Najbliższe w archiwum:',
    letterCard: (l: LetterCard) =>
      `Pismo ${l.reference ?? 'bez znaku'}${l.date ? ` z ${l.date}` : ''}${l.author ? `, podpisał(a): ${l.author}${l.role ? ` (${l.role})` : ''}` : ''}${l.title ? `, ${l.title}` : ''}.`,
    fallbackNotice: 'Model językowy jest niedostępny — pokazuję najtrafniejsze fragmenty pism.',
    /** Appended in a channel or group chat for a user entitled to restricted letters. */
    privateChatOnly:
      'Ta rozmowa ma więcej uczestników, więc odpowiadam tylko na podstawie pism jawnych. O pisma z ograniczonym dostępem zapytaj mnie w prywatnej rozmowie (wiadomość bezpośrednia lub /archiwum -p).',
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
    directAnswer: 'In short:',
    alsoIn: 'also:',
    missing: (what: readonly string[]) =>
      `The archive holds nothing on: ${what.map((w) => `“${w}”`).join(', ')}.`,
    closest: 'Closest in the archive:',
    letterCard: (l: LetterCard) =>
      `Letter ${l.reference ?? 'with no reference'}${l.date ? ` of ${l.date}` : ''}${l.author ? `, signed by ${l.author}${l.role ? ` (${l.role})` : ''}` : ''}${l.title ? `, ${l.title}` : ''}.`,
    fallbackNotice: 'The language model is unavailable — showing the most relevant excerpts.',
    privateChatOnly:
      'This conversation has other members, so I answer from public letters only. Ask me about restricted letters in a private chat (a direct message or /archiwum -p).',
    ungrounded: 'Note: this answer could not be tied to any source.',
    unverifiedQuotes: (count: number) =>
      `Note: ${count === 1 ? 'one quotation does' : `${count} quotations do`} not match the source word for word.`,
    /** An English question the dictionary bridge could not put into Polish well enough to search (no LLM configured). */
    polishSearchOnly: (query: string) =>
      `Without a language model this assistant searches the Polish letters using a word-for-word translation of your question, and too little of it could be translated to search well. ${query ? `Polish query tried: „${query}”.` : 'No Polish search terms could be formed.'} Please rephrase with more common words, or ask in Polish.`,
    /** Appended to an English refusal when the search ran on bridged Polish terms. */
    polishQueryTried: (query: string) => `(The Polish letters were searched for: „${query}”.)`,
  },
} as const;

/** Status lines shown while the assistant works. */
export const STATUS_TEXT = {
  condensing: 'Analizuję pytanie…',
  searching: 'Szukam w archiwum…',
  writing: 'Piszę odpowiedź…',
} as const;

/** Microsoft Teams channel texts (answers themselves come from `ANSWER_TEXT`). */
export const TEAMS_TEXT = {
  emptyQuestion:
    'Napisz pytanie o pisma z archiwum, np. „Jak wygląda współpraca miasta z prowincją Liaoning?”.',
  /** Sensitivity label of a restricted letter whose access group has no TEAMS_SENSITIVITY_LABELS entry. */
  restrictedLabel: 'Dostęp ograniczony',
  restrictedLabelDescription:
    'Pismo o ograniczonym dostępie: nie udostępniaj go poza osobami uprawnionymi.',
  statusTitle: 'Stan Kancelarii:',
  statusIndex: 'Indeks',
  statusLetters: 'Pisma',
  statusPassages: 'Fragmenty',
  statusLlm: 'Model językowy',
  statusLastIngest: 'Ostatnia synchronizacja',
  yes: 'tak',
  no: 'nie',
  never: 'nigdy',
  reindexStarted: 'Rozpoczynam ponowne indeksowanie archiwum…',
  /** Label of the link to a letter's published original in the sources list. */
  openLink: 'otwórz',
  reindexBusy: 'Indeksowanie już trwa — poczekaj na jego zakończenie.',
  /** Manifest command descriptions are in teams/manifest.json; these are the in-chat help lines. */
  commandStatus: 'status — stan archiwum i indeksu (administratorzy)',
  commandReindex: 'reindex — ponowne zindeksowanie archiwum (administratorzy)',
} as const;

/** Everything the Slack app says on its own (answers themselves come from the core). */
export const SLACK_TEXT = {
  greeting: 'Dzień dobry! Zadaj pytanie o pisma z archiwum, a odpowiem ze wskazaniem źródeł.',
  promptsTitle: 'Przykładowe pytania:',
  suggestedPrompts: [
    {
      title: 'Współpraca z Liaoning',
      message: 'Jak wygląda współpraca miasta z prowincją Liaoning?',
    },
    { title: 'Pismo po znaku sprawy', message: 'Czego dotyczy pismo o znaku WEN.9823.2020.RFZ?' },
    {
      title: 'Odpowiedzi na interpelacje',
      message: 'Jakie odpowiedzi na interpelacje radnych dotyczyły oświaty?',
    },
  ],
  /** Fallback notification text while the answer is being written. */
  working: 'Szukam w archiwum…',
  sourcesHeading: '*Źródła:*',
  openLink: 'otwórz',
  feedbackUp: '👍 Pomocna',
  feedbackDown: '👎 Niepomocna',
  feedbackThanks: 'Dziękuję za ocenę — pomoże ulepszyć odpowiedzi.',
  feedbackUnknown: 'Nie mogę już ocenić tej odpowiedzi.',
  emptyQuestion:
    'Napisz pytanie po komendzie, np. `/archiwum współpraca z Liaoning` (dodaj `-p`, aby odpowiedź widzieć tylko Ty).',
  commandAck: 'Szukam w archiwum…',
  commandQuestion: (userId: string, question: string): string => `<@${userId}> pyta: ${question}`,
  adminRefused: 'Przepraszam, to polecenie jest dostępne tylko dla administratorów asystenta.',
  adminUsage: 'Użycie: `/archiwum-admin status` albo `/archiwum-admin reindex`.',
  reindexStarted: 'Rozpoczynam synchronizację archiwum. Będę informować o postępie.',
  reindexBusy: 'Synchronizacja archiwum już trwa. Poczekaj na jej zakończenie.',
  reindexFailed: 'Synchronizacja archiwum nie powiodła się. Szczegóły są w dzienniku.',
  statusFailed: 'Nie udało się odczytać stanu archiwum. Szczegóły są w dzienniku.',
  yes: 'tak',
  no: 'nie',
  status: (s: {
    backend: string;
    letters: number;
    passages: number;
    lastSync: string | null;
    llm: string;
  }): string =>
    [
      '*Stan archiwum*',
      `• Indeks: ${s.backend}`,
      `• Pisma: ${s.letters}`,
      `• Fragmenty: ${s.passages}`,
      `• Ostatnia synchronizacja: ${s.lastSync ?? 'jeszcze nie'}`,
      `• Model językowy: ${s.llm}`,
    ].join('\n'),
} as const;

/** The staff web console (`GET /`): page labels, login form and client-side messages. */
export const WEB_TEXT = {
  title: 'Kancelaria — konsola pracowników',
  loginHeading: 'Logowanie do konsoli',
  loginIntro: 'Wpisz hasło dostępu do konsoli (otrzymasz je od administratora).',
  loginLabel: 'Hasło dostępu',
  loginButton: 'Zaloguj',
  loginFailed: 'Nieprawidłowe hasło dostępu.',
  logout: 'Wyloguj',
  staffLabel: 'Twój identyfikator pracownika (np. anna.nowak)',
  staffHint:
    'To nie jest logowanie ani hasło: identyfikator wpisujesz sam, a administrator przypisuje do niego dostęp do pism zastrzeżonych.',
  askHeading: 'Pytanie do archiwum',
  askLabel: 'Pytanie',
  askPlaceholder: 'Np. Jak wygląda współpraca miasta z prowincją Liaoning?',
  askButton: 'Zapytaj',
  newConversation: 'Nowa rozmowa',
  answerHeading: 'Odpowiedź',
  sourcesHeading: 'Źródła',
  openLink: 'otwórz',
  draftHeading: 'Szkic odpowiedzi',
  draftRequestLabel: 'Sprawa (treść wystąpienia lub pytanie)',
  draftToLabel: 'Adresat',
  draftToPlaceholder: 'Np. Grzegorz Krzak, Radny Miasta Chorzów',
  draftButton: 'Przygotuj szkic',
  draftTextLabel: 'Treść szkicu (możesz ją poprawić przed pobraniem)',
  draftRefusal: 'W archiwum nie znaleziono pism w tej sprawie — szkic wymaga uzupełnienia.',
  downloadDocx: 'Pobierz DOCX',
  working: 'Pracuję…',
  networkError: 'Brak połączenia z serwerem. Spróbuj ponownie.',
  sessionExpired: 'Sesja wygasła. Odśwież stronę i zaloguj się ponownie.',
  draftExpired: 'Szkic wygasł. Przygotuj go ponownie.',
  emptyQuestion: 'Wpisz pytanie.',
  docxFilePrefix: 'szkic-odpowiedzi',
  conversationHeading: 'Rozmowa',
  questionPrefix: 'Pytanie:',
  feedbackUp: 'Pomocna odpowiedź',
  feedbackDown: 'Niepomocna odpowiedź',
  feedbackThanks: 'Dziękujemy, ocena zapisana.',
  recentHeading: 'Ostatnie rozmowy (zapisane w tej przeglądarce)',
  feedbackLost: 'Tej odpowiedzi nie ma już w pamięci; zadaj pytanie ponownie, by ją ocenić.',
} as const;

/** The console's admin page (`GET /admin`): labels, and the one sentence each refused upload gets. */
export const ADMIN_TEXT = {
  title: 'Kancelaria — administracja',
  loginHeading: 'Logowanie administratora',
  loginIntro: 'Wpisz hasło administratora (inne niż hasło konsoli pracowników).',
  loginLabel: 'Hasło administratora',
  statusHeading: 'Stan indeksu',
  backend: 'Indeks',
  letters: 'Pisma',
  passages: 'Fragmenty',
  lastSync: 'Ostatnia synchronizacja',
  never: 'jeszcze nie',
  syncCounts: (s: {
    added: number;
    updated: number;
    deleted: number;
    unchanged: number;
    failed: number;
  }) =>
    `dodane ${s.added}, zmienione ${s.updated}, usunięte ${s.deleted}, bez zmian ${s.unchanged}, nieudane ${s.failed}`,
  failuresHeading: 'Pliki, których nie zaindeksowano przy ostatniej synchronizacji',
  noFailures: 'Brak — wszystkie pliki zaindeksowano.',
  reindexHeading: 'Ponowne indeksowanie',
  reindexButton: 'Przeindeksuj archiwum',
  reindexRunning: 'Indeksowanie już trwa. Poczekaj, aż się skończy.',
  reindexStarted: 'Indeksowanie rozpoczęte…',
  reindexDone: 'Gotowe.',
  reindexFailed: 'Indeksowanie nie powiodło się; szczegóły są w dzienniku serwera.',
  progress: (done: number, total: number) => `Postęp: ${done} z ${total} plików`,
  uploadHeading: 'Dodaj pismo do archiwum',
  uploadLabel: 'Plik (PDF, DOCX, e-mail lub tekst)',
  uploadButton: 'Wyślij',
  uploaded: (name: string) => `Zapisano „${name}” w archiwum; pojawi się po przeindeksowaniu.`,
  uploadRefused: {
    no_archive: 'Nie można dodać pliku: zmienna ARCHIVE_DIR nie jest ustawiona.',
    bad_name:
      'Nie można dodać pliku: nazwa jest niedozwolona (pusta, ukryta, zbyt długa albo ze znakami „/”, „\\” lub „..”).',
    bad_type: (supported: string) =>
      `Nie można dodać pliku: ten typ pliku nie jest obsługiwany (dozwolone: ${supported}).`,
    bad_content:
      'Nie można dodać pliku: jego zawartość nie odpowiada rozszerzeniu (np. plik .pdf, który nie jest PDF-em).',
    too_large: (maxMb: number) => `Nie można dodać pliku: jest większy niż ${maxMb} MB.`,
    empty: 'Nie można dodać pliku: jest pusty.',
    exists: 'Nie można dodać pliku: plik o tej nazwie już jest w archiwum (nie nadpisuję go).',
  },
  feedbackHeading: 'Oceny odpowiedzi',
  noFeedback: 'Brak ocen.',
  exportCsv: 'Eksport CSV',
  exportJson: 'Eksport JSON',
  ratingUp: 'pomocna',
  ratingDown: 'niepomocna',
  consoleLink: 'Konsola pracowników',
} as const;

/** The letter viewer (`GET /letters/:id`): labels, and the one sentence a refused link gets. */
export const VIEWER_TEXT = {
  title: 'Kancelaria — pismo z archiwum',
  refused: {
    tampered: 'Ten link jest nieprawidłowy lub został zmieniony, więc nie otwiera żadnego pisma.',
    expired: 'Ten link wygasł. Otwórz źródło ponownie z odpowiedzi asystenta.',
    otherUser: 'Ten link został wydany innej osobie. Otwórz źródło z własnej rozmowy z asystentem.',
    restricted: 'Nie masz uprawnień do tego pisma.',
    notFound: 'Tego pisma nie ma już w archiwum.',
  },
  reference: 'Znak sprawy',
  date: 'Data pisma',
  author: 'Podpisał(a)',
  addressee: 'Adresat',
  subject: 'Dotyczy',
  received: 'Data wpływu',
  ocr: 'Tekst ze skanu (OCR)',
  ocrYes: (confidence: number | null) =>
    confidence === null ? 'tak' : `tak, pewność rozpoznania ${Math.round(confidence)}%`,
  ocrNo: 'nie',
  unknown: '—',
  file: 'Plik',
  quoteHeading: 'Cytowany fragment',
  pageOf: (page: number, pages: number) => `Strona ${page} z ${pages}`,
  pageUnknown: 'Ten format nie ma stron: cytowany fragment jest zaznaczony w tekście pisma.',
  citedPage: (page: number) => `cytat na stronie ${page}`,
  previous: 'Poprzednia strona',
  next: 'Następna strona',
  backToCited: 'Wróć do cytowanej strony',
  download: 'Pobierz oryginał',
  noOriginal: 'Oryginał tego pisma nie jest dostępny do pobrania.',
  loading: 'Wczytuję stronę…',
  recognising: 'Odczytuję położenie cytatu na skanie…',
  quoteNotFound: 'Nie udało się zaznaczyć cytatu na tej stronie; jego treść jest podana wyżej.',
  renderFailed: 'Nie udało się wyświetlić strony. Pobierz oryginał.',
  continuesOnNext: 'Cytat ciągnie się na następnej stronie.',
} as const;

/** Replies to an admin's chat `reindex` that ran no sync, and why (Slack and Teams alike). */
export const REINDEX_TEXT = {
  noArchiveDir:
    'Nie mogę przeindeksować: zmienna ARCHIVE_DIR nie jest ustawiona, więc nie wiem, który folder archiwum zsynchronizować. Ustaw ją i uruchom bota ponownie.',
  locked: (pid: number, since: string) =>
    `Indeksowanie już trwa (proces ${pid}, od ${since}). Spróbuj, gdy się skończy.`,
  deletionGuard: (deletions: number, indexed: number) =>
    `Przerwano, nic nie zmieniono: synchronizacja usunęłaby ${deletions} z ${indexed} pism z indeksu. Sprawdź folder ARCHIVE_DIR; jeśli to zamierzone, uruchom \`kancelaria ingest --allow-deletions\`.`,
  emptyIndex:
    'Indeks archiwum jest pusty: nie ma jeszcze żadnych pism. Administrator musi uruchomić `kancelaria ingest`.',
} as const;

/** Reply drafts: the fixed phrases of the letter form and its internal page (`src/answer/draft/`). */
export const DRAFT_TEXT = {
  referenceLabel: 'Znak sprawy:',
  closing: 'Z poważaniem',
  copiesToHeading: 'Do wiadomości:',
  informs: 'uprzejmie informuję, że',
  presents: 'uprzejmie przedstawiam poniższe informacje.',
  subjectBlank: '[przedmiot sprawy]',
  referenceBlank: '[znak sprawy]',
  numberBlank: '[nr]',
  signatoryNameBlank: '[imię i nazwisko]',
  signatoryRoleBlank: '[stanowisko]',
  bodyBlank: '[do uzupełnienia: treść odpowiedzi — w archiwum nie znaleziono pism w tej sprawie]',
  internalHeading:
    'STRONA WEWNĘTRZNA — NIE JEST CZĘŚCIĄ PISMA (usuń przed podpisaniem i wysłaniem)',
  internalSources: 'Źródła wykorzystane w szkicu:',
  internalNoSources: 'Brak: szkic nie opiera się na żadnym piśmie z archiwum.',
  internalMissing: 'Czego archiwum nie wyjaśnia (do uzupełnienia przez urzędnika):',
  internalNothingMissing:
    'Archiwum odpowiada na wszystkie części wystąpienia; sprawdź stanowisko urzędu.',
  missingAll: 'W archiwum nie znaleziono pism dotyczących tej sprawy: „{request}”.',
  missingNames: 'Żadne znalezione pismo nie dotyczy: {names}.',
  missingPart: 'Brak odpowiedzi w archiwum na pytanie: „{part}”.',
  missingDate: 'Data wystąpienia, na które odpowiadamy (wpisz ją w pierwszym zdaniu).',
  missingSubject:
    'Przedmiot sprawy w zdaniu otwierającym (nie udało się go skrócić z treści wystąpienia).',
  missingGender: 'Forma zwrotu do adresata (Pan czy Pani): nie wynika z wpisanego adresata.',
  llmUnverified: 'Cytaty niezgodne ze źródłem (sprawdź je): {quotes}.',
  requestDateLabel: 'z dnia',
} as const;

/** Drafting a reply in Slack: the message shortcut, `/archiwum-szkic`, the modal and the upload. */
export const SLACK_DRAFT_TEXT = {
  modalTitle: 'Szkic odpowiedzi',
  modalSubmit: 'Przygotuj',
  modalClose: 'Anuluj',
  requestLabel: 'Sprawa (treść wystąpienia)',
  toLabel: 'Adresat',
  toPlaceholder: 'Np. Pan Grzegorz Krzak, Radny Miasta Chorzów',
  fromLabel: 'Podpisuje',
  fromPlaceholder: 'Imię i nazwisko, stanowisko',
  ccLabel: 'Do wiadomości (jeden adresat w wierszu)',
  emptyRequest: 'Wpisz treść wystąpienia, na które ma odpowiadać szkic: /archiwum-szkic <treść>.',
  working: 'Przygotowuję szkic odpowiedzi…',
  fileTitle: 'Szkic odpowiedzi',
  summary: (sources: number, blanks: number) =>
    `Szkic odpowiedzi do sprawdzenia i podpisu: ${sources === 0 ? 'w archiwum nie znaleziono pism w tej sprawie, treść do uzupełnienia' : `${sources} ${sources === 1 ? 'źródło' : 'źródła/źródeł'} w przypisach`}${blanks > 0 ? `; do uzupełnienia: ${blanks} (strona wewnętrzna)` : ''}.`,
} as const;

/** Drafting a reply in a Teams personal chat (`szkic …`): the file consent card and what follows it. */
export const TEAMS_DRAFT_TEXT = {
  emptyRequest:
    'Napisz „szkic”, a po nim treść wystąpienia, na które ma odpowiadać szkic (w kolejnym wierszu możesz dodać „do: adresat”).',
  personalOnly: 'Szkic odpowiedzi (plik DOCX) przygotuję w czacie prywatnym ze mną.',
  consentDescription: (summary: string) => `Szkic odpowiedzi (DOCX). ${summary}`,
  declined: 'Nie wysłałem pliku. Szkic możesz przygotować ponownie: „szkic …”.',
  expired: 'Ten szkic wygasł. Przygotuj go ponownie: „szkic …”.',
  uploadFailed: 'Nie udało się przesłać pliku do OneDrive. Spróbuj ponownie za chwilę.',
} as const;

/** What MCP clients show their users (tool errors, a letter read as a resource). */
export const MCP_TEXT = {
  /** Missing and restricted letters get the same sentence: an id must reveal nothing. */
  letterNotFound: (id: string) =>
    `Nie ma w archiwum pisma o identyfikatorze ${id} albo nie masz do niego dostępu.`,
  letterLabels: {
    title: 'Dotyczy',
    reference: 'Znak sprawy',
    date: 'Data',
    author: 'Podpisał(a)',
    addressee: 'Adresat',
    file: 'Plik',
    link: 'Link',
    page: 's.',
  },
} as const;
