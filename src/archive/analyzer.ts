/**
 * The one place that turns Polish text into search terms. Both index backends
 * use it (SQLite's FTS5 column and Qdrant's sparse vectors), so lexical
 * behaviour is identical whichever stores the archive.
 *
 * Steps: Unicode normalisation → lower case → diacritics folded (so
 * `wspolpraca` typed on an English keyboard finds `współpraca`) → reference
 * numbers and numbers kept whole → stop words dropped → a light Polish suffix
 * stripper, so inflected forms (`współpracy`, `współpracę`) meet.
 */

const FOLD: Record<string, string> = { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' };

/** Lower-cases and removes Polish (and other) diacritics. */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (ch) => FOLD[ch] ?? ch)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/**
 * Words that carry no topic in letters or in questions about them. Folded
 * (no diacritics), since matching happens after folding.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a aby ach acz aczkolwiek aj albo ale ani az bardziej bardzo bez bo bowiem by byc byl byla byli bylo byly bede bedzie beda
   cala cali caly ci cie ciebie co cokolwiek cos czy czyli dla do dlaczego dlatego dosc dr go gdy gdyz gdzie gdziekolwiek
   i ich ile im inna inne inny innych iz ja jak jaka jaki jakie jakich jakiej jakim jako je jeden jedna jedno jego jej jemu jesli jest jestem
   jeszcze jezeli juz kazdy kiedy kilka kto ktora ktore ktorego ktorej ktory ktorych ktorym ktorzy ku lub ma maja mam mi
   miedzy mnie moj moze mu my na nad nam nami nas nasi nasz nasza nasze natomiast nie niego niej niech nich nic nim nimi
   niz no o obok od oraz on ona one oni ono owszem po pod poniewaz przed przez przy sa sie skad soba sobie tak taka
   taki takie takze tam te tego tej temu ten teraz tez to toba tobie totez troche tu tutaj twoj ty tych tylko tym u w
   we wiec wlasnie wszystko wy z za zas ze zeby czym tym tymi jaka jakie jakiego jakiemu nim takich takiej tego
   pan pani panie panstwo szanowny szanowna odpowiedz odpowiedzi sprawie sprawy informacja informacje informacji
   prosze uprzejmie r roku rok nr np itd itp tzn tj ws dot
   the of and or to in on at by for with about from what which who whom whose how when where why is are was were be been
   did does do has have had it its this that these those there their our we you your they them an as any all came`.split(/\s+/).filter(Boolean),
);

/** Tokens that contain a digit are kept whole (numbers, years, interpellation numbers). */
const NUMERIC = /\d/;

/**
 * Light Polish stemmer: strips the longest common inflectional suffix while
 * keeping a stem of at least four letters. Crude by design (the retrieval issue
 * compares it with dictionary stemmers), but it joins the frequent case forms.
 */
const SUFFIXES = [
  'owiania', 'owanie', 'owania', 'owaniu', 'owaniem',
  'iami', 'ach', 'ami', 'iach', 'iego', 'iemu', 'owie', 'owej', 'owy', 'owa', 'owe', 'ych', 'ich', 'ymi', 'imi',
  'ego', 'emu', 'ej', 'ow', 'om', 'em', 'am', 'ie', 'ia', 'iu', 'ii', 'y', 'a', 'e', 'u', 'i', 'o',
].sort((x, y) => y.length - x.length);

export function stemWord(word: string): string {
  if (word.length <= 4 || NUMERIC.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/**
 * Reference numbers (znak sprawy) in any spelling: `WEN.9823.2020.RFZ`,
 * `WEN. 9823 2020. RFZ`, `DLF.050.53.2026.DP`, `BM-WRP.054.43.2026`. Matched on
 * the original text (case matters: the office codes are capitals) and turned
 * into one token so a reference finds its letter.
 */
const REFERENCE = /\b([A-ZĄĆĘŁŃÓŚŹŻ]{2,}(?:-[A-ZĄĆĘŁŃÓŚŹŻ]{1,})*)(?:[.\s/]{1,3}(\d{1,5}))+(?:[.\s/]{1,3}([A-ZĄĆĘŁŃÓŚŹŻ]{1,5}))?\b/g;

/** Canonical token for a reference number: folded parts joined by dots. */
export function referenceToken(reference: string): string {
  return foldText(reference)
    .split(/[^a-z0-9-]+/)
    .filter(Boolean)
    .join('.');
}

function referenceTokens(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const raw = match[0];
    // Needs a number group with 3+ digits or at least two number groups, so `ZUS 5` is not a reference.
    const numbers = raw.match(/\d+/g) ?? [];
    if (numbers.length >= 2 || numbers.some((n) => n.length >= 3)) found.push(referenceToken(raw));
  }
  return found;
}

/** Splits folded text into word and number tokens. */
export function tokenize(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Terms of a text for indexing (order kept, repeats kept: term frequency matters). */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    if (STOP_WORDS.has(token)) continue;
    if (token.length === 1 && !/\d/.test(token)) continue;
    terms.push(stemWord(token));
  }
  terms.push(...referenceTokens(text));
  return terms;
}

/** Terms of a question: like `analyze`, duplicates removed. */
export function analyzeQuery(text: string): string[] {
  return [...new Set(analyze(text))];
}
