/**
 * The anatomy of a Polish official letter: which lines are its frame
 * (letterhead, contact lines, place-and-date line, reference line, addressee
 * block, salutation, closing and signature block with e-signature artefacts,
 * „Do wiadomości” lists, page counters, e-mail headers) and which are its
 * substance. The frame carries metadata (read by `ingest/metadata`, and stored
 * as letter fields that the index searches as `people`/`subject`), but it never
 * answers a question: quoting „Szanowny Panie Marszałku” or a phone number is
 * what made answers look broken.
 *
 * Two users, one set of patterns:
 * - ingest (`ingest/chunk.ts`) drops frame lines from passages, with the line
 *   structure of the extracted text to go on (`classifyLetterLines`);
 * - the extractive answer drops frame *sentences* (`isFrameSentence`), which
 *   also covers letters indexed before this module and text formats that lost
 *   their lines, and trims the opening formula („W odpowiedzi na interpelację
 *   nr … uprzejmie informuję, że …”) to the fact after it (`substantiveTail`).
 *
 * Hand-written: no library knows Polish letter conventions. The patterns come
 * from reading the letters of 20+ ministries in the corpus and the Chorzów
 * letter (tests: test/archive/letter-parts.test.ts).
 */

/** What a line of a letter is. `body` is substance; every other part is frame. */
export type LinePart =
  | 'body'
  | 'letterhead'
  | 'contact'
  | 'place-date'
  | 'reference'
  | 'addressee'
  | 'salutation'
  | 'closing'
  | 'signature'
  | 'distribution'
  | 'page-counter'
  | 'email-header';

const MONTH_WORDS =
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia';

/** A telephone or fax number, an e-mail address, a bare web address, a postal code with its town, a street address. */
const CONTACT = [
  /(?:\+\s?48|\btel\.?|\btelefon|\bfax|\bfaks|\btel\/fax)[\s.:]*(?:\+\s?48)?[\s()]*\d[\d\s()-]{6,}/iu,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u,
  /\b\d{2}-\d{3}\s+\p{Lu}\p{Ll}+/u,
  /^(?:ul\.|al\.|pl\.|ulica|aleja)\s+\p{Lu}[\p{L}.\s-]{1,40}\d+[a-z]?(?:\/\d+)?\s*(?:,|$)/iu,
  /\bePUAP\b/iu,
  /^kontakt\s*:/iu,
];
/** A line that is only a web address (`www.gov.pl/web/cyfryzacja`, `gov.pl/premier`). */
const WEB_ONLY =
  /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:pl|eu|com|org|net|gov)(?:\/[\w./-]*)?\s*(?:\p{Lu}[\p{L} ]{0,40})?$/u;
/**
 * A ministry's running footer: its web address, maybe with the words after it and its street
 * address (`www.gov.pl/web/obrona narodowa`, `www.gov.pl/energia ul. Przemysłowa 26`).
 */
const WEB_FOOTER =
  /^www\.[\w.-]+\.(?:pl|eu)(?:\/[\w./-]*)?(?:\s+\p{L}[\p{L} ]{0,30})?(?:\s+(?:ul\.|al\.|pl\.)\s?[\p{L}. -]{2,40}\d+[a-z]?)?$/u;
/** `Warszawa, 27.07.2026`, `Chorzów dnia, 2 marca 2020r.`, `Warszawa, dnia 6 sierpnia 2026 roku`. */
const PLACE_DATE = new RegExp(
  // Case-sensitive: with the `i` flag `\p{Lu}` matches lower case too, and prose lines ending in a date
  // („wprowadzona od 1 lipca 2025 r.”, „Rozporządzenie weszło w życie 20 czerwca 2026 r.”) read as frame.
  // A place is one to four capitalised words (`Kędzierzyn-Koźle`, `Gorzów Wlkp.`, `Ostrów nad Odrą`).
  `^\\p{Lu}[\\p{Ll}.]+(?:[ -](?:(?:nad|pod)\\s)?\\p{Lu}[\\p{Ll}.]*){0,3}\\s*,?\\s*(?:[Dd]nia|dn\\.)?\\s*,?\\s*\\d{1,2}\\s*(?:[./-]\\s*\\d{1,2}\\s*[./-]|\\s+(?:${MONTH_WORDS})\\s+)\\s*\\d{4}\\s*(?:r\\.?|roku)?\\s*\\.?$`,
  'u',
);
/** A date alone on a line (`27.07.2026`), as e-signature blocks print it. */
const DATE_ONLY = new RegExp(
  `^(?:dnia\\s+)?\\d{1,2}\\s*(?:[./-]\\s*\\d{1,2}\\s*[./-]|\\s+(?:${MONTH_WORDS})\\s+)\\s*\\d{4}\\s*(?:r\\.?|roku)?$`,
  'iu',
);
/** `Znak sprawy: DPL2.054.12.2026`, `Znak pisma: …`, `Nasz znak: …`, `Sygnatura: …`. */
const REFERENCE_LABEL =
  /^(?:znak\s+(?:sprawy|pisma)|nasz\s+znak|wasz\s+znak|sygn(?:\.|atura)|nr\s+sprawy|l\.\s*dz\.)\s*:?/iu;
/** A znak sprawy alone on a line: letters, digits, dots, slashes and hyphens, with a year (`BMON-WP.053.731.2026/In-320-26/KT`, `WEN. 9823 2020. RFZ`). */
const REFERENCE_ONLY =
  /^(?=[^\s]*\d)(?=.*(?:19|20)\d{2})[\p{Lu}\d][\p{L}\d]*(?:[\s.\-/]{1,3}[\p{L}\d]+){2,9}\.?$/u;
/** `Szanowny Panie Marszałku,`, `Szanowna Pani Poseł!`, `Wielce Szanowny Panie Ministrze`. */
const SALUTATION =
  /^(?:wielce\s+)?szanown[ayi]\s+(?:panie|pani|państwo|panowie)(?:\s+\p{L}+){0,3}\s*[,!]\s*$|^(?:wielce\s+)?szanown[yi]\s+(?:panie|państwo)(?:\s+\p{L}+){1,3}\s*$/iu;
/** The addressee block's first line (`Pan`, `Szanowny Pan`, `Pani`) or a recipient's office. */
const ADDRESSEE =
  /^(?:szanown[ay]\s+)?(?:pan|pani|państwo|sz\.\s*p\.)(?:\s+\p{Lu}[\p{L}-]*){0,3}\s*$|^marsza[łl]ek\s+sejmu|^rzeczypospolitej\s+polskiej$/iu;
/** The address line of the Sejm's Marshal, to whom every reply to an interpellation goes. */
const MARSHAL = /^marsza[łl]ek\s+sejmu(?:\s+(?:rp|rzeczypospolitej(?:\s+polskiej)?))?[\s·.,]*$/iu;
/** A short line of an address block: `Pan`, a name, `Rzeczypospolitej Polskiej`, `Sejm RP`. */
const ADDRESS_LINE =
  /^(?:(?:szanown[ay]\s+)?(?:pan|pani)|(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*|rzeczypospolitej\s+polskiej\b.{0,15}|sejm\s+rp)\s*$/u;
/** The closing formula that opens the signature block. */
const CLOSING =
  /^(?:z\s+wyrazami\s+szacunku|z\s+poważaniem|z\s+powazaniem|łączę\s+wyrazy\s+szacunku|łączę\s+pozdrowienia|z\s+pozdrowieniami|pozdrawiam|z\s+upoważnienia(?:,\s*z\s+wyrazami\s+szacunku)?|z\s+up\.)\b[\p{L}\s,.]{0,80}$/iu;
/** E-signature artefacts, anywhere in the letter. */
const SIGNATURE_ARTEFACT = [
  /\$ezdPole\w*/u,
  /^\/?\s*(?:dokument\s+)?podpisan[oyae]\s+(?:kwalifikowanym\s+)?(?:podpisem\s+)?(?:elektronicznie|elektronicznym|kwalifikowanym)/iu,
  /^\/?\s*(?:kwalifikowany\s+)?podpis\s+elektroniczny\s*\/?$/iu,
  /^podpisano\s+(?:elektronicznie\s+)?przez\b/iu,
  /^\/\s*[\p{L} ]{3,60}\/$/u,
];
/** Start of a distribution list (`Do wiadomości:`, `Otrzymują:`) or of the clerk's note. */
const DISTRIBUTION =
  /^(?:do\s+wiadomo[śs]ci\b|otrzymuj[ąe]\s*:|wyk\.\s|sporządził[a]?\s*:|spraw[ęe]\s+prowadzi\s*:|załączniki?\s*:|zał\.\s*:)|^(?:Otrzymuj[ąe]|Sporządził[a]?|Wykonano)\s*$/iu;
/** `Strona 2 z 2`, `2/3`, `- 2 -`, `str. 2`. */
const PAGE_COUNTER =
  /^(?:(?:strona|str\.)\s*\d{1,4}(?:\s*(?:z|\/|of)\s*\d{1,4})?|\d{1,3}\s*\/\s*\d{1,3}|[-–]\s*\d{1,4}\s*[-–]|\d{1,3})$/iu;
/** The header lines `mail` writes (`Od:`, `Do:`, `Temat:`, `Data:`), and their English forms. */
const EMAIL_HEADER =
  /^(?:od|do|dw|udw|temat|data|wysłano|from|to|cc|bcc|subject|date|sent)\s*:\s*\S/iu;
/** The subject line of a letter (`Dotyczy: …`, `Dot. …`, `Sprawa: …`): kept as text (its words find the letter) though it is no answer. */
const SUBJECT_LINE =
  /^(?:dotyczy|dot\.|sprawa|temat|w\s+sprawie|odpowied[zź]\s+na\s+interpelacj)/iu;
/** Who answers, as the Sejm's web pages print it above a letter (`Odpowiadający: sekretarz stanu …`). */
const RESPONDENT = /^odpowiadaj[ąa]c[ya]\s*:/iu;

/** A line that reads as running text: long, or a full sentence. */
function isProse(line: string): boolean {
  const words = (line.match(/\p{L}{2,}/gu) ?? []).length;
  const lower = (line.match(/(?:^|\s)\p{Ll}\p{L}+/gu) ?? []).length;
  return (
    (line.length >= 75 && words >= 8) ||
    (words >= 6 && /[.:;]$/.test(line)) ||
    (words >= 7 && lower >= 3)
  );
}

/** True when the next line, with no blank line between, continues this one as running text (a wrapped paragraph). */
function continuesAsProse(lines: readonly string[], j: number): boolean {
  const next = lines[j + 1];
  return next !== undefined && /^\p{Ll}/u.test(next) && isProse(next) && !partOfLine(next);
}

function isContact(line: string): boolean {
  if (line.length > 140) return false;
  return (
    CONTACT.some((re) => re.test(line)) &&
    (!isProse(line) || (line.length < 110 && !/[.;]$/.test(line)))
  );
}

/** The frame part of one line taken alone (no position), or `null` when it depends on where the line is. */
function partOfLine(line: string): LinePart | null {
  if (SIGNATURE_ARTEFACT.some((re) => re.test(line))) return 'signature';
  if (PAGE_COUNTER.test(line)) return 'page-counter';
  if (isContact(line)) return 'contact';
  if (PLACE_DATE.test(line)) return 'place-date';
  if (REFERENCE_LABEL.test(line) && line.length < 90) return 'reference';
  if (SALUTATION.test(line)) return 'salutation';
  return null;
}

/**
 * Classifies each line of a letter's text (all pages, in order).
 *
 * - Anywhere: e-signature artefacts, page counters, contact lines, place-and-date
 *   lines, labelled reference lines, salutations.
 * - The header zone (before the first line of running text or the
 *   salutation): short lines are the letterhead, the signatory's office, the
 *   reference and the addressee; subject lines (`Dotyczy:`) stay body.
 * - An e-mail's header block (`Od:` … up to the first blank line) at the start.
 * - The footer zone: from the last closing formula (`Z wyrazami szacunku`) to
 *   the end, and a `Do wiadomości:` list with its items.
 */
export function classifyLetterLines(lines: readonly string[]): LinePart[] {
  const parts: LinePart[] = lines.map(() => 'body');
  const trimmed = lines.map((l) => l.trim());
  // E-mail header block at the very start.
  let i = 0;
  while (i < trimmed.length && trimmed[i] === '') i++;
  if (i < trimmed.length && EMAIL_HEADER.test(trimmed[i]!)) {
    while (i < trimmed.length && trimmed[i] !== '') parts[i++] = 'email-header';
  }
  // Header zone: frame until running text begins.
  let inHeader = true;
  // A subject line (`w sprawie …`) may wrap: its continuation lines are subject too.
  let inSubject = false;
  for (let j = i; j < trimmed.length && inHeader; j++) {
    const line = trimmed[j]!;
    if (line === '') {
      inSubject = false;
      continue;
    }
    const own = partOfLine(line);
    if (own === 'salutation') {
      parts[j] = own;
      inHeader = false;
    } else if (own) parts[j] = own;
    else if (RESPONDENT.test(line)) parts[j] = 'letterhead';
    // A letterhead set in two columns (`Ministerstwo Rolnictwa …      kancelaria@minrol.gov.pl`) is no prose.
    else if (/\S\s{5,}\S/u.test(line) && /@|www\.|\.gov\.pl|\btel\.|\+48/u.test(line))
      parts[j] = 'letterhead';
    else if (SUBJECT_LINE.test(line)) inSubject = true;
    else if (isProse(line) || continuesAsProse(trimmed, j)) inHeader = false;
    else if (inSubject) continue;
    else if (WEB_ONLY.test(line) && line.length <= 60) parts[j] = 'contact';
    else if (REFERENCE_ONLY.test(line)) parts[j] = 'reference';
    else if (ADDRESSEE.test(line)) parts[j] = 'addressee';
    else if (DISTRIBUTION.test(line)) parts[j] = 'distribution';
    else parts[j] = 'letterhead';
  }
  // Lines recognisable alone, anywhere in the body.
  for (let j = 0; j < trimmed.length; j++) {
    if (parts[j] !== 'body' || trimmed[j] === '') continue;
    const own = partOfLine(trimmed[j]!);
    if (own) parts[j] = own;
    // A bare short web address in the body is a running letterhead footer (`www.gov.pl/sport`), not text.
    else if (
      (WEB_ONLY.test(trimmed[j]!) && trimmed[j]!.length <= 30 && !/^https?:/u.test(trimmed[j]!)) ||
      (WEB_FOOTER.test(trimmed[j]!) && trimmed[j]!.length <= 70)
    )
      parts[j] = 'contact';
    // The Marshal's address block set below the subject (`Pan` / `Włodzimierz Czarzasty` / `Marszałek
    // Sejmu RP`): the address line and the short name lines just above and below it.
    else if (MARSHAL.test(trimmed[j]!) && trimmed[j]!.length <= 60) {
      parts[j] = 'addressee';
      for (let k = j - 1; k >= Math.max(0, j - 3) && ADDRESS_LINE.test(trimmed[k]!); k--)
        parts[k] = 'addressee';
      for (let k = j + 1; k < trimmed.length && k <= j + 2 && ADDRESS_LINE.test(trimmed[k]!); k++)
        parts[k] = 'addressee';
    }
  }
  // Footer zone: from the last short closing formula to the end.
  let closing = -1;
  for (let j = trimmed.length - 1; j >= 0; j--) {
    if (CLOSING.test(trimmed[j]!) && trimmed[j]!.length < 90) {
      closing = j;
      break;
    }
  }
  // `Z wyrazami szacunku` / `Z upoważnienia Ministra …`: the block starts at the first of them.
  while (closing > 0 && CLOSING.test(trimmed[closing - 1]!) && trimmed[closing - 1]!.length < 90)
    closing -= 1;
  // The zone ends at running text again (endnotes, an attachment's text).
  if (closing >= 0 && closing >= trimmed.length * 0.3) {
    parts[closing] = 'closing';
    for (let j = closing + 1; j < trimmed.length; j++) {
      if (trimmed[j] === '' || parts[j] !== 'body') continue;
      if (isProse(trimmed[j]!)) break;
      parts[j] = 'signature';
    }
  }
  // Distribution lists: the label and the short items after it.
  for (let j = 0; j < trimmed.length; j++) {
    if (!DISTRIBUTION.test(trimmed[j]!) || trimmed[j]!.length > 120) continue;
    parts[j] = 'distribution';
    for (let k = j + 1; k < trimmed.length && trimmed[k] !== '' && !isProse(trimmed[k]!); k++)
      parts[k] = 'distribution';
  }
  // A date alone next to a signature artefact is the e-signature's date.
  for (let j = 0; j < trimmed.length; j++) {
    if (parts[j] === 'body' && DATE_ONLY.test(trimmed[j]!)) parts[j] = 'signature';
  }
  return parts;
}

/**
 * Opening formulas that only echo the request: `W odpowiedzi na interpelację nr … w sprawie …`,
 * and the form with the verb first, `(poniżej) udzielam odpowiedzi na interpelację nr …`.
 */
const OPENING =
  /^(?:(?:poniżej\s+)?(?:uprzejmie\s+)?(?:udzielam|udzielając|przekazuję|przedstawiam|składam)\s+(?:\p{L}+\s+){0,2}odpowied\p{L}*\s+na\s+(?:\p{L}+\s+){0,3}(?:interpelacj|zapytani|pism|wystąpieni|wniosk|pytani|petycj)\p{L}*|(?:z\s+upoważnienia\s+[^,]{3,80},\s*)?(?:w\s+odpowiedzi\s+na|odpowiadając\s+na|w\s+nawiązaniu\s+do|nawiązując\s+do|w\s+związku\s+z|odnosząc\s+się\s+do)\s+(?:\p{L}+\s+){0,3}(?:interpelacj|interpeacj|zapytani|pism|wystąpieni|wniosk|prośb|petycj|list|maila|wiadomoś|pytani|propozycj|postulat|kwesti)\p{L}*|(?:uprzejmie\s+)?(?:przekazuję|przedstawiam|przesyłam|informuję|składam)\s+(?:na\s+\p{L}+\s+ręce\s+)?(?:poniżej\s+)?(?:następujące\s+)?(?:informacje|wyjaśnienia|odpowiedź|stanowisko)(?!\p{L}))/iu;
/** Where the fact starts inside an opening formula: after `uprzejmie informuję, że` and its kin. */
const FACT_AFTER =
  /(?:uprzejmie\s+)?(?:informuję|wyjaśniam|wskazuję|uprzejmie\s+przedstawiam|przedstawiam|zauważam|pragnę\s+(?:poinformować|wyjaśnić|wskazać))\s*,?\s*(?:że|iż)\s+/iu;

/**
 * True when a sentence is frame, not substance: contact data, salutation,
 * closing, signature, distribution list, page counter, place-and-date or
 * reference line, e-mail header, or an opening formula with no fact in it.
 */
export function isFrameSentence(sentence: string): boolean {
  const s = sentence.trim();
  if (s === '') return true;
  if (SIGNATURE_ARTEFACT.some((re) => re.test(s)) || /\$ezdPole/u.test(s)) return true;
  if (/podpisan[oy]\s+(?:kwalifikowanym\s+)?(?:podpisem\s+)?elektronicznie/iu.test(s)) return true;
  if (CONTACT.slice(0, 3).some((re) => re.test(s)) && !/[.;]\s*$/.test(s)) return true;
  if (
    /(?:\+\s?48|\btel\.?\s*:?)\s*\(?\d{2}\)?[\s-]?\d{3}/iu.test(s) &&
    /@|\b\d{2}-\d{3}\b|\bul\.\s/u.test(s)
  )
    return true;
  if (
    SALUTATION.test(s) ||
    (/^(?:wielce\s+)?szanown[ayi]\s+(?:pan(?:ie|i)?|państwo)\b/iu.test(s) && s.length < 120)
  )
    return true;
  if (CLOSING.test(s) && s.length < 120) return true;
  if (/^(?:z\s+wyrazami\s+szacunku|z\s+poważaniem)\b/iu.test(s)) return true;
  if (DISTRIBUTION.test(s) && s.length < 200) return true;
  if (PAGE_COUNTER.test(s) || (/\bstrona\s+\d+\s+z\s+\d+\b/iu.test(s) && s.length < 40))
    return true;
  if (PLACE_DATE.test(s) || (/^\p{Lu}\p{L}+,?\s+(?:dnia|dn\.)/u.test(s) && s.length < 60))
    return true;
  if (
    /^\p{Lu}\p{L}+\s*,?\s*(?:dnia\s*,?\s*)?\d{1,2}\s+\p{L}+\s+\d{4}\s*r/u.test(s) &&
    s.length < 60
  )
    return true;
  if (REFERENCE_LABEL.test(s) && s.length < 90) return true;
  if (REFERENCE_ONLY.test(s)) return true;
  if (EMAIL_HEADER.test(s) && s.length < 200 && /^(?:od|from)\s*:/iu.test(s)) return true;
  if (OPENING.test(s) && substantiveTail(s) === null && !statesFigureAfterTopic(s)) return true;
  // The title line a reply opens with („Odpowiedź na interpelację w sprawie postulatu zmniejszenia
  // liczby radnych”) names the interpellation's subject: the question's words, no answer.
  if (
    /^odpowied\p{L}*\s+na\s+(?:interpelacj|zapytani)\p{L}*\s+(?:(?:nr|numer)\s+\S+\s+)?w\s+sprawie\b/iu.test(
      s,
    ) &&
    !/[.!]\s*$/u.test(s)
  )
    return true;
  // The header lines of the same block: „Odpowiedź na interpelację nr 18069”, „Odpowiadający: sekretarz stanu …”.
  if (
    /^odpowied\p{L}*\s+na\s+(?:interpelacj|zapytani)\p{L}*\s+(?:nr|numer)\s+\S+\s*$/iu.test(s) ||
    (/^odpowiadając\p{L}*\s*:/iu.test(s) && s.length < 200)
  )
    return true;
  // The addressee block run into the interpellation's subject („Włodzimierz Czarzasty Marszałek Sejmu
  // Sejm RP Interpelacja w sprawie obciążeń …”), and the subject line on its own.
  if (
    /^(?:\p{Lu}\p{Ll}+\s+){1,3}Marszał(?:ek|ka)\s+Sejmu\b/u.test(s) ||
    (/^(?:.{0,80}\s)?Interpelacj\p{L}*\s+(?:(?:poselsk\p{L}*\s+)?(?:nr|numer)\s+\S+\s+)?w\s+sprawie\s/u.test(
      s,
    ) &&
      !/[.!?]\s*$/u.test(s))
  )
    return true;
  // The data-protection notice of a ministry's footer and the EZD document id after it.
  if (
    /^informacja\s+dotycząca\s+(?:zasad\s+)?przetwarzania\s+danych\s+osobowych\b/iu.test(s) ||
    /^identyfikator\s+dokumentu\s*:/iu.test(s)
  )
    return true;
  // The subject line of the same block, on a line of its own („w sprawie funkcjonowania Kuratorium
  // Oświaty w Lublinie po zatrzymaniu …”): no verb of the reply's, no full stop.
  if (/^w\s+sprawie\s/u.test(s) && !/[.!?;:]\s*$/u.test(s) && s.length < 300) return true;
  // An e-mail's or form's subject line („Temat: w sprawie odpowiedzialności Skarbu Państwa za szkody …”).
  if (/^(?:temat|dotyczy)\s*:\s*(?:w\s+sprawie|dot\.)/iu.test(s) && s.length < 300) return true;
  // The subject line („Dotyczy: interpelacji nr 17831 w sprawie …”) echoes the question it answers.
  if (
    /^(?:dotyczy|dot\.|sprawa\s*:)\s*:?\s+(?:interpelacj|zapytani|pisma|odpowiedzi|wniosku|sprawy|poselsk)/iu.test(
      s,
    )
  )
    return true;
  return false;
}

/**
 * „Odnosząc się do kwestii zaległości NFZ wobec Szpitala … w I kwartale 2026 r., zgodnie z informacją
 * …, wartość nieuregulowanych świadczeń … wynosi 1 528 933,06 zł.”: a formula that opens a topic
 * (`kwestii`, `postulatu`, `propozycji`, `pytania`) mid-letter, not the reply's opening echo of the
 * interpellation, and the sentence goes on to state a figure. It is the answer, not frame.
 */
function statesFigureAfterTopic(sentence: string): boolean {
  const topic =
    /^(?:odnosząc\s+się\s+do|w\s+związku\s+z|nawiązując\s+do|w\s+nawiązaniu\s+do)\s+(?:\p{L}+\s+){0,3}(?:kwesti|postulat|propozycj|pytani)\p{L}*/iu.exec(
      sentence,
    );
  // „W odpowiedzi na otrzymane wnioski o wydanie zaświadczenia wydano łącznie 81 odmów.”: a reply to
  // applications, not to the interpellation, that states what came of them.
  const request =
    topic ??
    /^(?:w\s+odpowiedzi\s+na|odpowiadając\s+na)\s+(?:\p{L}+\s+){0,3}(?:wniosk|prośb|skarg|zgłoszen)\p{L}*/iu.exec(
      sentence,
    );
  if (!request) return false;
  const rest = sentence.slice(request[0].length);
  // A figure with its unit, or a number in the thousands: not the interpellation's number or a paragraph's.
  if (
    /\d[\d \u00a0.,]*\s?(?:zł|euro|EUR|%|tys\.|mln|mld|os(?:ób|oby)\b)|\d{1,3}(?:[ \u00a0.]\d{3})+/u.test(
      rest,
    )
  )
    return true;
  // Or a count with its noun (`81 odmów`), past a verb: no article, paragraph or number label, no date.
  return (
    topic === null &&
    /(?<!(?:art\.|ust\.|pkt|nr|poz\.|§)\s*)(?<![\d.,])\d{1,4}\s+(?!(?:stycz|lut|mar|kwie|maj|czerw|lip|sierp|wrze|paźdz|listop|grud|r\.|rok)\p{L}*)\p{Ll}{3,}/u.test(
      rest,
    )
  );
}

/**
 * The fact inside an opening formula: for „W odpowiedzi na interpelację nr …
 * uprzejmie informuję, że w 2024 r. …” the text after `że`, which is still a
 * verbatim part of the sentence. `null` when the sentence is no opening
 * formula or holds no fact (fewer than 6 words after the formula).
 */
export function substantiveTail(sentence: string): string | null {
  if (!OPENING.test(sentence.trim())) return null;
  const m = FACT_AFTER.exec(sentence);
  if (!m) return null;
  const tail = sentence.slice(m.index + m[0].length).trim();
  return tail.split(/\s+/).length >= 6 ? tail : null;
}

/**
 * True when a line of a passage is a table row: several figures in cells
 * (`Mazowieckie   12 345   6,7%`), or a short label with figures. Such a line
 * is quoted as a row, not glued to its neighbours as one „sentence” of numbers.
 */
export function isTableRow(line: string): boolean {
  const s = line.trim();
  if (s.length < 4 || s.length > 200) return false;
  const figures =
    s.match(/(?<![\p{L}\d.,])\d+(?:[ \u00a0]\d{3})*(?:[.,]\d+)?\s?%?(?![\p{L}\d])/gu) ?? [];
  if (figures.length < 2) return false;
  const words = s.match(/\p{L}{2,}/gu) ?? [];
  const cells = s.split(/\s{2,}|\t|\s*\|\s*/).filter(Boolean);
  const digits = (s.match(/\d/g) ?? []).length / Math.max(s.replace(/\s/g, '').length, 1);
  return (
    (cells.length >= 3 && words.length <= 8) ||
    (words.length <= 5 && digits >= 0.3 && !/[.;:]$/.test(s))
  );
}
