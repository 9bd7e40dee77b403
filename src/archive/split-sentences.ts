/**
 * Polish sentence splitting for extractive answers, quote checks and cutting
 * over-long paragraphs. One left-to-right scan, linear in the text's length:
 * ICU's segmenter has no Polish abbreviation list, so it broke after `r.`,
 * `art.`, `ust.`, ordinals and initials, and re-joining its pieces afterwards
 * could not tell which breaks were real.
 *
 * Rules, in the order the scanner applies them:
 * - A blank line always ends a sentence. A single line feed is a PDF line
 *   wrap, unless the next line opens a list item (`1.`, `2)`, `(3)`, `a)`,
 *   `•`…, or a dash after `,;:.?!`): list items are quoted on their own, and
 *   so is the line introducing them (`…należą:`).
 * - `.`, `?`, `!`, `…` end a sentence only when whitespace (or the end)
 *   follows, so dates, decimals, references, e-mails and URLs never split.
 *   Closing quotes and brackets after the mark stay with the sentence, and so
 *   does a footnote number glued after it (`2002 r.1 Następnie`).
 * - Nothing ends before a lower-case word (or `,;:`).
 * - After `.`, the word before the dot decides: abbreviations that never end
 *   a sentence (`art.`, `ust.`, `nr`, `m.in.`, `prof.`…) never break; those
 *   that may (`tys.`, `zł.`, `itd.`, `zm.`, `z o.o.`…) break before a capital;
 *   initials (`J. Kowalski`) do not, unless a letter label precedes them
 *   (`kategorii B.`) or a sentence opener follows (`W`, `Ponadto`…).
 * - `r.` (rok) breaks before a capital, except before a title of an act or a
 *   name in the genitive (`r. Prawo oświatowe`, `r. Nr 153`, `r. Pana Posła`),
 *   or when everything since the clause began is a date phrase (`W dniu
 *   28 kwietnia 2026 r. Rada Ministrów przyjęła…`, `…, że 25 czerwca 2024 r.
 *   Minister wydał…`): Polish letters open sentences with the date. A
 *   sentence opener (`Następnie`, `Ponadto`, `W`…) after `r.` always breaks.
 * - A number of at most three digits before a capital is an ordinal (`4. Pułku
 *   Strzelców`, `21. Bazie`, `70. XX w.`) when the capital word names a unit or
 *   opens a capitalised name; it ends the sentence when a sentence opener
 *   follows, when `nr`, `art.`, `ust.`, `§`… precede it (`nr 947. Poszczególne`)
 *   or when it is an amount; after a label (`Pytanie 3.`, `Ad 6.`, `Tabela 2.`)
 *   the label stays with its text, unless the text starts on the next line.
 *   Longer numbers (years, amounts) end. Otherwise a number ends the sentence.
 */
export interface Sentence {
  /** The sentence, trimmed, with whitespace runs collapsed to one space. */
  readonly text: string;
  /** Offset of the sentence's first character within the input text. */
  readonly start: number;
}

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Abbreviations (lower case, inner dots kept) after which a sentence never ends. */
const NEVER_ENDS = words(
  'nr art ust pkt lit poz par rozdz zał dz dz.u u m.st tj t.j t j m.in np tzw tzn ul al pl os ok ca godz odc ' +
    'prof dr hab mgr inż lek św ks gen płk mjr kpt ppłk por kmdr st sierż bryg dyr red wyd oprac ' +
    'ww wg ds ws dot dn nt pn pt ang łac sygn str s tab rys cyt tel fax kom p p.o woj pow gm im ' +
    'zob późn ub ad sz sp maks max wew lp up reż prod pyt kw cz urz m vol poj obj szer dł gł',
);
/** Abbreviations that end a sentence when a capital follows. */
const MAY_END = words(
  'tys mln mld zł gr itd itp etc in zm jw min proc szt o.o z.o.o s.a s.c sp.j w',
);
/** „Rok” abbreviations: break before a capital unless the clause is a date (see {@link continuesAfterYear}). */
const YEAR = words('r br b.r ub.r');
/** Capitalised words that continue after `r.`: titles of acts and names in the genitive. */
const AFTER_YEAR = words(
  'Nr Poz Prawo Kodeks Karta Ordynacja Przepisy Regulamin Pana Pani Posła Posłanki Posłów Poseł ' +
    'Prezesa Ministra Rady Sejmu Senatu Marszałka Prezydenta Rzecznika Wojewody Komisji Trybunału Sądu',
);
/** Words that open sentences in the corpus and never continue a number or a date. */
const OPENERS = words(
  'W We Z Ze Na Do Od Po Przy Dla O U Za Pod Nad Przed Między Wśród Wobec Według Poza Oprócz Podczas ' +
    'Zgodnie Ponadto Jednocześnie Następnie Natomiast Dodatkowo Również Także Obecnie Aktualnie Niemniej ' +
    'Jednak Jednakże Zatem Dlatego Stąd Tym Tak Warto Należy Mając Biorąc Uwzględniając Podsumowując ' +
    'Reasumując Jeśli Jeżeli Gdy Gdyby Choć Chociaż Mimo Pomimo Niezależnie Dzięki Powyższe Powyższy ' +
    'Wskazane Przedmiotowe Przedmiotowy Informuję Uprzejmie Pragnę Wyjaśniam Nadmieniam Odnosząc ' +
    'Odpowiadając Nawiązując Stosownie Czy Jakie Jaki Jaka Jakich Ile Ilu Jak Kiedy Dlaczego Gdzie Kto Co ' +
    'Jest Są Był Była Było Były Nie To Ten Ta Te Tego Tej Takie Taki Wszystkie Wszelkie Każdy Każda ' +
    'Wiele Większość Łącznie Razem Ogółem Dotychczas Wcześniej Aby Oznacza Stanowi Wówczas Wtedy ' +
    'Ponieważ Otóż A I Oraz Ale Lecz Kolejnym Jednym Celem Brak Poniżej Liczba Dane Odpowiedź Odpowiedzi',
);
/** Subjects that open sentences after a number (`…wyniosła 15. Ministerstwo Zdrowia…`) but continue a date. */
const SUBJECTS = words('Ministerstwo Minister Resort Rząd Rada Komisja Urząd Sejm Policja');
/** Labels whose number stays with the text after it (`Pytanie 3. Czy…`). */
const LABELS = words(
  'Pytanie Pyt Ad Tabela Tab Rysunek Rys Wykres Rozdział Załącznik Punkt Pkt Część Zadanie Etap Schemat Mapa',
);
/** Words before a number that make it a reference, not an ordinal (`nr 947. Poszczególne`). */
const REFERENCES = words('nr art ust pkt poz § lit par str s tab lp zał rozdz ok');
/** Words before a single capital that make it a letter label, not an initial (`kategorii B.`). */
const LETTER_LABELS = words(
  'kategorii kategoria typu typ grupy grupa klasy klasa wariantu wariant części część etapu etap ' +
    'strefy strefa witaminy witamina bloku blok sektora sektor lit załącznika załącznik budynku hali kolumny litera',
);
/** Stems of nouns that follow ordinals (`4. Pułku`, `21. Bazie`). */
const ORDINAL_HEAD =
  /^(?:Pułk|Dywizj|Bryga|Batalion|Baz[aiy]|Skrzydł|Eskadr|Flotyll|Kompani|Korpus|Armi|Zgrupowa|Wojskow|Szpital|Międzynarodow|Ogólnopolsk|Kongres|Festiwal|Zjazd|Sesj|Konferencj|Rocznic|Edycj)/u;
/** Words of a date phrase (`w dniu 28 kwietnia 2026 r.`, `od 1 stycznia … do …`). */
const DATE_WORDS = words(
  'w we z ze od do dnia dniu dniach dn. okresie latach lat roku rok r. r br. ub. po przed na początku końcu ' +
    'końca połowie przełomie ciągu kwartale półroczu – - — stycznia lutego marca kwietnia maja czerwca lipca ' +
    'sierpnia września października listopada grudnia styczniu lutym marcu kwietniu maju czerwcu lipcu ' +
    'sierpniu wrześniu październiku listopadzie grudniu i ii iii iv ' +
    // The act a date phrase is the date of (`Decyzją z dnia 17 marca 2023 r. Wojewoda Śląski stwierdził…`).
    'decyzją pismem postanowieniem wyrokiem uchwałą zarządzeniem umową aneksem porozumieniem wnioskiem',
);
/** Words that open a clause: a date phrase right after one is the clause's adverbial. */
const CLAUSE_OPENERS = words(
  'że iż a i oraz natomiast zaś gdy kiedy jeśli jeżeli ponieważ gdyż bo który która które których ale lecz',
);

const CLOSERS = ')]”“»"\'’¹²³⁰⁴⁵⁶⁷⁸⁹';
const OPENERS_PUNCT = '(„"«[\'‘“';
const TERMINATORS = '.?!…';
const BULLETS = '–—-•·▪◦●○■□*➢✓\uf0b7';

const isSpace = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  // The rest of what `\s` matches, spelled out: a regex per character costs more than the whole scan.
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLower = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return c !== c.toUpperCase() && c === c.toLowerCase();
};
const isUpper = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isLetter = (c: string | undefined): boolean => isLower(c) || isUpper(c);

/** Longest token the scanner looks at; longer ones are URLs or garbage and count as words. */
const MAX_TOKEN = 64;

/** Start of the token that ends at `end` (exclusive): back to whitespace or an opening quote/bracket. */
function tokenStart(text: string, end: number): number {
  let k = end;
  while (
    k > 0 &&
    end - k < MAX_TOKEN &&
    !isSpace(text[k - 1]) &&
    !OPENERS_PUNCT.includes(text[k - 1]!)
  )
    k--;
  return k;
}

/** The token before `end`, skipping whitespace, with its start; '' at `floor`. */
function previousToken(text: string, end: number, floor: number): { token: string; start: number } {
  let k = end;
  while (k > floor && end - k < MAX_TOKEN && isSpace(text[k - 1])) k--;
  const start = Math.max(tokenStart(text, k), floor);
  return { token: text.slice(start, k), start };
}

/** The word starting at `k` (letters only), skipping opening quotes; '' if none. */
function wordAt(text: string, k: number): { word: string; end: number } {
  while (k < text.length && OPENERS_PUNCT.includes(text[k]!)) k++;
  let e = k;
  while (e < text.length && e - k < MAX_TOKEN && isLetter(text[e])) e++;
  return { word: text.slice(k, e), end: e };
}

/**
 * Whether the line starting at `k` opens a list item: `1.`, `2)`, `(3)`, `a)`,
 * `a.` or a bullet, then whitespace. A dash counts only after punctuation
 * (`lub,` / `;` / `:`), since PDF lines also wrap before a parenthetical dash.
 */
function isListMarker(text: string, k: number, lineEnd: number): boolean {
  const m = text[k] === '(' ? k + 1 : k;
  let e = m;
  while (isDigit(text[e]) && e - m < 3) e++;
  if (e > m) return (text[e] === ')' || (text[e] === '.' && m === k)) && isSpace(text[e + 1]);
  // `a)` any letter; `a.` only a–h, since a wrapped line often starts with `r.` or `s.`.
  if (isLower(text[m]) && isSpace(text[m + 2]))
    return text[m + 1] === ')' || (text[m + 1] === '.' && m === k && text[m]! <= 'h');
  if (!BULLETS.includes(text[k]!) || !isSpace(text[k + 1])) return false;
  if ('–—-'.includes(text[k]!)) {
    let p = lineEnd;
    while (p > 0 && isSpace(text[p - 1])) p--;
    // …but not after `r.`: `ustawy z dnia 23 listopada 2012 r.⏎– Prawo pocztowe`.
    return (
      p === 0 ||
      (',;:.?!”»'.includes(text[p - 1]!) && !/\sr\.$/u.test(text.slice(Math.max(0, p - 3), p)))
    );
  }
  return true;
}

/**
 * Whether the clause that `r.` ends is only a date phrase, so the capital after
 * it is the clause's subject: looks back at most 12 words, to the sentence
 * start, a comma or a clause opener (`że`, `a`…).
 */
function continuesAfterYear(text: string, tokenAt: number, sentenceStart: number): boolean {
  let end = tokenAt;
  for (let n = 0; n < 12; n++) {
    if (end <= sentenceStart) return true;
    const { token, start } = previousToken(text, end, sentenceStart);
    if (token === '') return true;
    // `Warszawa, 12 sierpnia 2026 r.` (on a line of its own) is a letter's dateline, not an adverbial.
    if (/[,;:]$/u.test(token)) return start > sentenceStart && text[start - 1] !== '\n';
    const lower = token.toLowerCase();
    if (CLAUSE_OPENERS.has(lower)) return true;
    if (!DATE_WORDS.has(lower) && !/^[\d.\-–/]+$/u.test(token)) return false;
    // A bracket opened before this word: the date is a parenthetical's first words.
    if (start > 0 && OPENERS_PUNCT.includes(text[start - 1]!)) return true;
    end = start;
  }
  return false;
}

/** Whether the `.` at `dot` (whitespace and then `next` after it) ends the sentence. */
function endsAtDot(text: string, dot: number, next: number, sentenceStart: number): boolean {
  if (CLOSERS.includes(text[dot - 1] ?? ' ')) return true;
  const tokAt = tokenStart(text, dot);
  const token = text.slice(tokAt, dot);
  if (token === '') return true;
  const lower = token.toLowerCase();
  const { word, end: wordEnd } = wordAt(text, next);
  // A bracket after an abbreviation or a number opens a citation (`r. (Dz. U.`), not a sentence.
  const isCapital = isUpper(word[0]) && text[next] !== '(' && text[next] !== '[';
  let isNewLine = false;
  for (let k = dot; k < next && !isNewLine; k++) isNewLine = text[k] === '\n';
  const isOpener = OPENERS.has(word) && text[wordEnd] !== '.';

  if (/^\d+$/u.test(token)) {
    // A number opening the sentence is a list or heading number: it stays with
    // its text, unless that starts on the next line (a heading of its own).
    if (tokAt <= sentenceStart) return isNewLine;
    if (!isCapital) return false;
    if (token.length > 3) return true;
    const { token: prev, start: prevAt } = previousToken(text, tokAt, sentenceStart);
    if (LABELS.has(prev.replace(/\.$/u, ''))) return isNewLine;
    // `„§ 21. Osoba…`: a quoted provision opens with its number.
    if (
      prev === '§' &&
      (prevAt <= sentenceStart ||
        OPENERS_PUNCT.includes(text[prevAt - 1]!) ||
        text[prevAt - 1] === '\n')
    )
      return isNewLine;
    if (REFERENCES.has(prev.toLowerCase().replace(/\.$/u, '')) || /^\d+$/u.test(prev)) return true;
    if (/^[IVXLC]+$/u.test(word) || ORDINAL_HEAD.test(word)) return false;
    if (isOpener || SUBJECTS.has(word)) return true;
    // `1. Wojskowy Szpital`, `8. DPAK`: an ordinal opening a name.
    const isAcronym = word.length > 1 && isUpper(word[1]);
    return !(isAcronym || isUpper(wordAt(text, skipSpaces(text, wordEnd)).word[0]));
  }
  if (/^[\d.,:\-–/]+$/u.test(token)) return isCapital;
  // Initials, also digraphs (`J. Ch. Szucha`); `S.A.` is a company suffix, not initials.
  if (
    /^\p{Lu}[hzż]?(?:\.\p{Lu}[hzż]?)*$/u.test(token) &&
    !(token.includes('.') && MAY_END.has(lower))
  ) {
    if (tokAt <= sentenceStart) return false;
    if (isOpener) return true;
    return LETTER_LABELS.has(previousToken(text, tokAt, sentenceStart).token.toLowerCase());
  }
  // `95-art.`: a hyphenated token ends in its last part.
  if (NEVER_ENDS.has(lower) || NEVER_ENDS.has(lower.slice(lower.lastIndexOf('-') + 1)))
    return false;
  if (YEAR.has(lower)) {
    if (!isCapital || AFTER_YEAR.has(word)) return false;
    return isOpener || !continuesAfterYear(text, tokAt, sentenceStart);
  }
  if (MAY_END.has(lower) || /^\p{Ll}$/u.test(token)) return isCapital;
  return true;
}

function skipSpaces(text: string, k: number): number {
  while (k < text.length && isSpace(text[k])) k++;
  return k;
}

/** End (exclusive) of the sentence whose terminator run starts at `i`, or -1 if it goes on; `runEnd` is where scanning resumes. */
function sentenceEnd(
  text: string,
  i: number,
  sentenceStart: number,
): { end: number; runEnd: number } {
  let j = i;
  let hasCloser = false;
  let isDefinite = false;
  let dots = 0;
  while (j < text.length) {
    const c = text[j]!;
    if (TERMINATORS.includes(c)) {
      if (c === '.') dots++;
      if (c === '.' && hasCloser) isDefinite = true;
      j++;
    } else if (CLOSERS.includes(c)) {
      hasCloser = true;
      j++;
    } else break;
  }
  // A footnote number glued after the mark (`2002 r.1 Następnie`) belongs to it.
  if (isDigit(text[j]) && isLetter(text[i - 1])) {
    let k = j;
    while (isDigit(text[k]) && k - j < 2) k++;
    if (isSpace(text[k]) && isUpper(wordAt(text, skipSpaces(text, k)).word[0])) j = k;
  }
  if (j >= text.length) return { end: j, runEnd: j };
  if (!isSpace(text[j])) return { end: -1, runEnd: j };
  const next = skipSpaces(text, j);
  if (next >= text.length) return { end: j, runEnd: j };
  const n = text[next]!;
  if (isLower(n) || ',;:'.includes(n)) return { end: -1, runEnd: j };
  const mark = text[i]!;
  let isEnd: boolean;
  if (mark === '?' || mark === '!') isEnd = true;
  else if (mark === '…' || dots > 1) isEnd = !'(['.includes(text[i - 1] ?? ' ');
  else if (isDefinite) isEnd = true;
  else if (BULLETS.includes(n)) isEnd = false;
  else isEnd = endsAtDot(text, i, next, sentenceStart);
  return { end: isEnd ? j : -1, runEnd: j };
}

/**
 * Splits text into sentences with their offsets, in one linear pass (a 2 MB
 * paragraph takes well under a second). See the module comment for the rules.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const body = text.slice(start, end).trim().replace(/\s+/gu, ' ');
    if (body.length > 0) out.push({ text: body, start });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Fast path for the common case: a printable ASCII character that is no terminator.
    if (code > 32 && code < 128 && code !== 46 && code !== 33 && code !== 63) {
      if (start < 0) start = i;
      continue;
    }
    const c = text[i]!;
    if (isSpace(c)) {
      if (c === '\n') {
        let k = i + 1;
        while (k < text.length && text[k] !== '\n' && isSpace(text[k])) k++;
        // A blank line, or a list item on the next line, ends the sentence.
        if (text[k] === '\n' || (k < text.length && isListMarker(text, k, i))) close(i);
        i = k - 1;
      }
      continue;
    }
    if (start < 0) start = i;
    if (TERMINATORS.includes(c)) {
      const { end, runEnd } = sentenceEnd(text, i, start);
      if (end >= 0) close(end);
      i = runEnd - 1;
    }
  }
  close(text.length);
  return out;
}
