/**
 * The question's hard constraints, checked before answering: a year, a date
 * or a figure the question names must be in the passages that would be
 * cited, and a place, body or person it names must be in the letters found.
 * A missing constraint is a verdict, not a lower score: „Ile wyniósł czas
 * oczekiwania w 2023 r.?” against letters that give 2024 and 2026 is refused
 * with „brak danych za 2023”, not answered with the 2024 figure as if it were
 * the answer. The names come from `assessAnswerability` (which already knows
 * which names the archive has never seen, or no retrieved letter contains).
 */
import { foldText } from '../archive/fold-text.js';
import { rememberByText } from '../archive/remember-by-text.js';
import type { SearchHit } from '../archive/types.js';
import type { AnswerabilityResult } from './assess-answerability.js';
import { acronymOfExpansion, acronymsIn, acronymsOfNameRuns } from './name-acronyms.js';
import { findAcronym, isKnownAcronym } from '../archive/acronyms.js';
import { askedMinistries, namesMinistry } from './asked-ministry.js';
import { joinDeclinedCompound } from './declined-compound.js';
import { routeStops } from './route-stops.js';
import { hasAnswerType, questionParts } from './answer-types.js';
import { splitSentences } from '../archive/split-sentences.js';
import { polishLemmas } from '../archive/stemmers/polish-dictionary.js';

export interface CheckConstraintsOptions {
  readonly question: string;
  /** The passages that would be cited, best first (with their letters' metadata). */
  readonly hits: readonly SearchHit[];
  readonly answerability: AnswerabilityResult;
  /** Full texts of the first distinct letters, best first (`Evidence.letterTexts`): names are looked for in them. */
  readonly letterTexts?: readonly string[];
  /** Distinct letters (in rank order) whose passages may hold the constraint (default {@link CONSTRAINT_LETTERS}). */
  readonly letters?: number;
  /** Distinct letters (in rank order) searched for the question's names (default {@link NAME_LETTERS}). */
  readonly nameLetters?: number;
}

/** Letters whose retrieved passages are searched for a year or figure: the ones an answer quotes first. */
export const CONSTRAINT_LETTERS = 1;
/**
 * Letters whose text is searched for the question's names: the first, the one an answer quotes. With
 * two, a place named only by the second letter (a table of all voivodeships, a list of associations
 * `w Radomiu`) let a near miss through: nearmiss-dev refused 0.76 → 0.80 with one (docs/answers.md).
 */
export const NAME_LETTERS = 1;
/** Letters searched for a voivodeship or powiat that only places a town the first letter names. */
const CONTEXT_PLACE_LETTERS = 2;

/** A voivodeship or powiat adjective (`kujawsko-pomorskie`, `świecki`, `podlaskiego`). */
function isRegionAdjective(word: string): boolean {
  return /^\p{Ll}[\p{Ll}-]*(?:sk|ck|dzk)(?:i|a|ie|iego|iej|im|ich|imi|ą|iemu|o)$/u.test(word);
}

const YEAR = /(?<![\d.,/-])((?:19|20)\d{2})(?![\d])(?:\s*[-–]\s*((?:19|20)\d{2})(?!\d))?/gu;
/** A figure: at least two digits, thousands separated by spaces or not, with decimals (`2300`, `2 300`, `0,75`, `16,91`). */
const FIGURE = /(?<![\p{L}\d.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,](\d+))?(?![\d])/gu;
/** The widest year range in a letter taken to cover the years inside it (`w latach 2014-2020`). */
const MAX_RANGE = 15;

/** A letter's metadata as text (title, date, reference, interpellation, addressee, signatory). */
function metadataOf(l: SearchHit['letter']): string {
  return [l.title, l.date, l.reference, l.interpellation, l.addressee, l.author]
    .filter(Boolean)
    .join(' \n ');
}

/**
 * The distinct folded words of a letter's text, remembered for the last letters: each check (up to
 * three per answer) adds the first letters' words to its evidence twice.
 */
const distinctFoldedWords = rememberByText(
  (text: string): ReadonlySet<string> => new Set(foldText(text).match(/\p{L}+/gu)),
);

/** Folded words of the hits' passages and their letters' metadata. */
function foldedWords(
  hits: readonly SearchHit[],
  meta: (l: SearchHit['letter']) => string,
): Set<string> {
  const texts = [
    ...hits.map((h) => h.passage.text),
    ...[...new Map(hits.map((h) => [h.letter.id, h.letter])).values()].map(meta),
  ];
  return new Set(foldText(texts.join('\n')).match(/\p{L}+/gu) ?? []);
}

/** A word of the evidence shares the name's stem: its first letters, all but the last three, four to six of them (`janowowi` ~ `janowie`, `karty` ~ `karta`). */
function hasWordLike(words: ReadonlySet<string>, name: string): boolean {
  const stem = stemOf(name);
  for (const w of words) if (w.startsWith(stem)) return true;
  // `Białystok` in a letter that writes `Białymstoku`: both halves of the name decline.
  const joined = joinDeclinedCompound(name);
  if (joined === null) return false;
  const joinedStem = stemOf(joined);
  const head = name.slice(0, 4);
  for (const w of words)
    if (w.startsWith(head) && (joinDeclinedCompound(w) ?? w).startsWith(joinedStem)) return true;
  return false;
}

/**
 * A named body of the kind near misses swap (`Muzeum Historii Polski` for the
 * letter's `Muzeum Historii Żydów Polskich`): its full name is checked. State
 * organs (ministries, the Council of Ministers, the Commission) are left out:
 * letters name them in many ways, often only in the letterhead.
 */
const INSTITUTION =
  /^(?:Muze|Uniwersyt|Instytut|Szpital|Fundacj|Stowarzysz|Konfederacj|Hut|Spółk|Politechnik|Akademi|Teatr|Filharmoni|Centrum|Zakład|Przedsiębiorstw|Związ|Izb|Federacj|Szkoł|Zespoł|Zespół|Ośrod|Wojewódzk|Powiatow|Regionaln|Narodow|Państwow)\p{L}*/u;

/** The first letters of a folded word that its case forms share: all but the last three, three to six (`rada`/`rady` → `rad`). */
function stemOf(word: string): string {
  return word.slice(
    0,
    word.length <= 4 ? Math.max(3, word.length - 1) : Math.max(4, Math.min(6, word.length - 3)),
  );
}

/** Runs of two or more capitalised words inside the question (not its first word), as typed. */
function namePhrases(question: string): string[] {
  const out: string[] = [];
  for (const m of question.matchAll(
    /(?<=[\p{Ll},;:]\s+|\s\p{Ll}{1,3}\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/gu,
  ))
    out.push(m[0]);
  return out;
}

/** The phrase's words appear one after another in the text, each by its stem (`Uniwersytetu Medycznego` for `Uniwersytet Medyczny`). */
function hasPhrase(foldedText: string, phrase: string, stem = stemOf): boolean {
  const stems = (foldText(phrase).match(/\p{L}+/gu) ?? []).map(stem);
  const pattern = new RegExp(`(?<!\\p{L})${stems.join('\\p{L}*[\\s,-]+')}`, 'u');
  return pattern.test(foldedText);
}

/** A written-out acronym's words: short ones by three letters, since their stems alternate (`Urząd` / `Urzędu`). */
function looseStem(word: string): string {
  return word.length <= 6 ? word.slice(0, 3) : stemOf(word);
}

/**
 * A range right after a programme's name (`FEnIKS 2021-2027`, `KPO 2021–2027`,
 * `perspektywy 2021-2027`) is the programme's label, not data for each year in it.
 */
const RANGE_LABEL = /(?:\p{Lu}[\p{L}\d-]*|perspektyw\p{L}*|okres\p{L}*\s+programowani\p{L}*)\s*$/u;

/**
 * A year that only dates where an act was published (`Dz. U. z 2021 r. poz. 1372`, `Dz.U.2021.1372`,
 * `M.P. z 2021 r.`) says nothing about that year: a letter citing it holds no data for 2021.
 */
const JOURNAL_BEFORE = /(?:Dz\.\s*U(?:rz)?\.|M\.\s*P\.)\s*(?:z\s*)?$/u;
/** Nor one that dates a cited act or ruling (`uchwała składu 7 sędziów z dnia 15 grudnia 2021 r.`). */
const ACT_DATE_BEFORE =
  /(?:ustaw|rozporządzeni|uchwa[łl]|postanowieni|wyrok|decyzj|zarządzeni|dyrektyw|obwieszczeni|kodeks)\p{L}*(?:\s+\S+){0,10}\s+z\s+dnia\s+\d{1,2}\s+\p{L}+\s+$/iu;

function isCitationYear(text: string, m: RegExpMatchArray): boolean {
  const at = m.index ?? 0;
  return (
    JOURNAL_BEFORE.test(text.slice(Math.max(0, at - 14), at)) ||
    (m[2] === undefined && ACT_DATE_BEFORE.test(text.slice(Math.max(0, at - 160), at)))
  );
}

/** Sentences after a year's own that may still give its figure: a list under `1) Za 2025 r.:`. */
const FIGURE_REACH = 3;

/**
 * True when `texts` state `year` with a figure: in the year's sentence or one of the next
 * {@link FIGURE_REACH} of its paragraph, before another year is named.
 */
function statesFigureFor(texts: readonly string[], year: number): boolean {
  for (const text of texts) {
    if (!text.includes(String(year))) continue;
    for (const paragraph of text.split(/\n\s*\n/u)) {
      if (!paragraph.includes(String(year))) continue;
      const sentences = splitSentences(paragraph).map((s) => s.text);
      for (let i = 0; i < sentences.length; i++) {
        if (!yearsIn(sentences[i]!).has(year)) continue;
        for (let j = i; j < Math.min(sentences.length, i + 1 + FIGURE_REACH); j++) {
          if (j > i && yearsIn(sentences[j]!).size > 0) break;
          if (hasAnswerType(sentences[j]!, 'ile')) return true;
        }
      }
    }
  }
  return false;
}

/** Years a text states, ranges expanded (`2024-2026` covers 2025) unless they label a programme. */
function yearsIn(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(YEAR)) {
    if (isCitationYear(text, m)) continue;
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    const isLabel =
      m[2] !== undefined && RANGE_LABEL.test(text.slice(Math.max(0, m.index - 40), m.index));
    if (to >= from && to - from <= MAX_RANGE && !isLabel)
      for (let y = from; y <= to; y++) out.add(y);
    else out.add(from).add(to);
  }
  return out;
}

/**
 * A chat typo of a word the letter has (`pierszej` for `pierwszej`): one letter added, dropped or
 * changed, or two swapped, in a word of six letters or more, the first two the same.
 */
function isTypoOf(word: string, words: ReadonlySet<string>): boolean {
  if (word.length < 6) return false;
  for (const w of words)
    if (
      Math.abs(w.length - word.length) <= 1 &&
      w.startsWith(word.slice(0, 2)) &&
      withinOneEdit(w, word)
    )
      return true;
  return false;
}

/** True when `a` becomes `b` by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, from: number) => x.slice(from);
  // Changed, added, dropped, or two neighbours swapped (`drgoa` for `droga`).
  return (
    rest(a, i + 1) === rest(b, i + 1) ||
    rest(a, i + 1) === rest(b, i) ||
    rest(a, i) === rest(b, i + 1) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2) === rest(b, i + 2))
  );
}

/** Endings of Polish adjectives, nouns and verbs: a word with one is Polish, whatever the dictionary says. */
const POLISH_ENDING =
  /(?:ych|ich|ego|emu|owy|owa|owe|nej|nym|nymi|anie|enie|osc|osci|ami|ach|ow|ować|owac|uje|ują|uja|ania|enia|ski|ska|skie|cki|cka|ckie|[aą]c(?:y|ym|ymi|ego|emu|ej|ych|a|e))$/u;

/** A road number (`S5`, `S-3`, `A1`, `DK 91`, `DW241`): a near miss swaps it for another road. */
const ROAD = /(?<![\p{L}\d])(S|A|DK|DW)[ -]?(\d{1,3})(?![\d\p{L}])/giu;

/** Road numbers a text names, normalised (`s-3` → `S3`). */
function roadsIn(text: string): Set<string> {
  return new Set([...text.matchAll(ROAD)].map((m) => `${m[1]!.toUpperCase()}${Number(m[2])}`));
}

/** Figures of a text, normalised (`2 300` → `2300`, `0,75` → `0.75`). */
function figuresIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(FIGURE)) out.add(normaliseFigure(m[1]!, m[2]));
  return out;
}

function normaliseFigure(whole: string, decimals: string | undefined): string {
  // `100.000` is a hundred thousand in Polish letters, not a decimal.
  if (decimals?.length === 3 && !whole.startsWith('0'))
    return `${whole.replace(/[ \u00a0]/g, '')}${decimals}`;
  return `${whole.replace(/[ \u00a0]/g, '')}${decimals ? `.${decimals}` : ''}`;
}

/** Dates (`03.08.2026`, `18-08-2026`, `26 kwietnia`) are no figures: the letter's date and the lookup handle them. */
const DATE =
  /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?<!\d)\d{1,2}\s+(?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)(?!\p{L})/gu;

/**
 * What the question names that the evidence does not hold, as written in the
 * question (`2023`, `2300 zł`, `Wąbrzeźnie`). Empty when every constraint is met.
 */
export function checkConstraints({
  question,
  hits,
  answerability,
  letterTexts = [],
  letters: letterCount = CONSTRAINT_LETTERS,
  nameLetters = NAME_LETTERS,
}: CheckConstraintsOptions): string[] {
  // The passages of the first letters only: a year found in the fifth letter,
  // about something else, does not make the first one answer for that year.
  const ids = [...new Set(hits.map((h) => h.letter.id))];
  const firstIds = ids.slice(0, letterCount);
  // Names are looked for a little wider: the place may sit in the second letter's passages.
  const nameIds = ids.slice(0, nameLetters);
  const cited = hits.filter((h) => firstIds.includes(h.letter.id));
  const texts = cited.map((h) => h.passage.text);
  const letters = new Map(cited.map((h) => [h.letter.id, h.letter]));
  // The letter's own date and metadata count: „pismo z 2020 r.” names the letter's year.
  const metadata = [...letters.values()].map(metadataOf);
  const passages = texts.join('\n');
  const evidence = `${passages}\n${metadata.join('\n')}`;
  const missing: string[] = [];
  const years = yearsIn(evidence);
  const asksFigure = questionParts(question).some((p) => p.type === 'ile');
  // Whole letters where known: the figure may sit in a passage retrieval did not return.
  const figureTexts = letterTexts.length > 0 ? letterTexts.slice(0, letterCount) : texts;
  for (const m of question.matchAll(YEAR)) {
    // The question's own citation of an act (`art. 73 ustawy z dnia 26 kwietnia 2024 r.`) names the act, not a year asked about.
    if (isCitationYear(question, m)) continue;
    const asked = [Number(m[1]), ...(m[2] ? [Number(m[2])] : [])];
    if (asked.some((y) => !years.has(y))) missing.push(m[0]);
    // „Ile … w 2027?”: a year named only beside no figure (`… nad Programem … na lata 2027-2031`, the next
    // programme) holds no figure for it; the figure stands in the year's sentence or the next one.
    else if (asksFigure && !asked.every((y) => statesFigureFor(figureTexts, y))) missing.push(m[0]);
  }
  const roads = roadsIn(evidence);
  for (const m of question.matchAll(ROAD)) {
    // Lower-case `a 5` is a conjunction and a figure, not the A5 motorway; chat's `s3` is still the S3.
    if (/^\p{Ll}+\s/u.test(m[0])) continue;
    if (!roads.has(`${m[1]!.toUpperCase()}${Number(m[2])}`)) missing.push(m[0]);
  }
  const figures = figuresIn(evidence);
  const questionYears = new Set([...question.matchAll(YEAR)].map((m) => m[1]));
  const undated = question.replace(DATE, ' ');
  for (const m of undated.matchAll(FIGURE)) {
    const value = normaliseFigure(m[1]!, m[2]);
    if (questionYears.has(value) || value.replace('.', '').length < 2) continue;
    // `100 tys.` is met by `100 000` as well as by `100 tys.`.
    const isThousands = /^\s*tys/u.test(undated.slice(m.index + m[0].length));
    if (!figures.has(value) && !(isThousands && figures.has(String(Number(value) * 1000))))
      missing.push(m[0]);
  }
  // A name (place, body, person) that the first letters' passages do not hold, by stem: the letters found
  // are about another place. Acronyms stay a matter of the score: a letter may write out what the
  // question abbreviates (`PRL`, `JST`). The entity rule's names (in none of the first five letters) are
  // re-checked the same way, which joins inflections its six-letter prefix misses (`janowowi` ~ `Janowie`).
  const nameEvidence = foldedWords(
    hits.filter((h) => nameIds.includes(h.letter.id)),
    metadataOf,
  );
  for (const text of letterTexts.slice(0, nameLetters))
    for (const w of distinctFoldedWords(text)) nameEvidence.add(w);
  // A name the question writes out may stand in the letters as its acronym (`Komisję Europejską` = `KE`).
  const evidenceAcronyms = acronymsIn(
    [
      ...letterTexts.slice(0, nameLetters),
      ...hits.filter((h) => nameIds.includes(h.letter.id)).map((h) => h.passage.text),
    ].join('\n'),
  );
  const runAcronyms = acronymsOfNameRuns(question);
  // `Państwowego Gospodarstwa Wodnego Wody Polskie` is held by a letter writing `PGW`: the known acronym
  // whose expansion has the run's initials.
  const isHeldAcronym = (initials: string) =>
    evidenceAcronyms.has(initials) ||
    evidenceAcronyms.has(foldText(acronymOfExpansion(initials) ?? '').toUpperCase());
  const abbreviated = new Set(
    [...question.matchAll(/[\p{L}\p{N}]+/gu)]
      .filter((_, i) => runAcronyms.has(i) && isHeldAcronym(runAcronyms.get(i)!))
      .map((m) => m[0]),
  );
  // A voivodeship or powiat that only places a town the first letter names (`Laskowice (powiat świecki,
  // województwo kujawsko-pomorskie)`) may be named by the second letter alone: letters name the town.
  const wideIds = ids.slice(0, Math.max(nameLetters, CONTEXT_PLACE_LETTERS));
  const wideEvidence = foldedWords(
    hits.filter((h) => wideIds.includes(h.letter.id)),
    metadataOf,
  );
  for (const text of letterTexts.slice(0, wideIds.length))
    for (const w of distinctFoldedWords(text)) wideEvidence.add(w);
  const placesTown = answerability.words.some(
    (w) => w.isName && /^\p{Lu}\p{Ll}/u.test(w.word) && hasWordLike(nameEvidence, foldText(w.word)),
  );
  // A stop of a route whose other stops the letter names (`Trakiszki` on `Ełk-Suwałki-Trakiszki`).
  const routes = routeStops(question);
  const isOnHeldRoute = (word: string) =>
    routes.some(
      (stops) =>
        stops.includes(word) &&
        stops.some((o) => o !== word && hasWordLike(nameEvidence, foldText(o))),
    );
  const isAbsent = (word: string) =>
    !/^\p{Lu}{2,}$/u.test(word) &&
    !isOnHeldRoute(word) &&
    // A known acronym typed in lower case (`gddkia`) is an acronym still: a matter of the score, as above.
    !isKnownAcronym(word) &&
    !word.includes('.') &&
    !abbreviated.has(word) &&
    !hasWordLike(nameEvidence, foldText(word)) &&
    !(placesTown && isRegionAdjective(word) && hasWordLike(wideEvidence, foldText(word)));
  // A capitalised name must be in the first letters: the best-covering letter (`isCovered`) may be a
  // later one that names the place in passing (`Zduńska Wola` on a rail line) while the answer quotes
  // another. A lower-case one (a dictionary guess, or a bridged English term) only when no letter covers it.
  const names = answerability.words
    .filter((w) => w.isName && (!w.isCovered || /^\p{Lu}/u.test(w.word)))
    .map((w) => w.word);
  for (const name of [...names, ...answerability.missingNames].filter(isAbsent)) {
    if (!missing.includes(name)) missing.push(name);
  }
  // A lower-case word no letter of the archive has and the Polish dictionary does not know (`firmy sanofi`)
  // names something the archive knows nothing about, as a capitalised unseen name does: an inflection the
  // stemmer missed, or a typo, is known to the dictionary or shares its stem with a word of the letters.
  // A Polish inflectional ending (`antyprzemocowych`) marks a word the dictionary lacks, not a name; a
  // chat-typed acronym of a name the letters write out (`wihie` = `Wojskowy Instytut Higieny i Epidemiologii`)
  // is held.
  let writtenOut: Set<string> | null = null;
  for (const w of answerability.words) {
    const folded = foldText(w.word).toLowerCase();
    if (w.df > 0 || w.isName || w.isCovered || !/^\p{Ll}{4,}$/u.test(w.word)) continue;
    if (POLISH_ENDING.test(folded) || polishLemmas(folded).length > 0) continue;
    if (!isAbsent(w.word) || missing.includes(w.word)) continue;
    writtenOut ??= new Set(
      letterTexts.slice(0, nameLetters).flatMap((t) => [...acronymsOfNameRuns(t).values()]),
    );
    if (!writtenOut.has(folded.toUpperCase()) && !isTypoOf(folded, nameEvidence))
      missing.push(w.word);
  }
  // A name of several words (`Muzeum Historii Polski`, `Uniwersytet Medyczny`) must appear as a phrase:
  // each word present somewhere (`Muzeum Historii Żydów Polskich`) is another body.
  const phraseEvidence = [
    foldText(letterTexts.slice(0, nameLetters).join('\n')),
    foldText(cited.map((h) => h.passage.text).join('\n')),
  ].join('\n');
  for (const phrase of namePhrases(question).filter((p) => INSTITUTION.test(p))) {
    const isAbbreviated = (phrase.match(/\p{L}+/gu) ?? []).every((w) => abbreviated.has(w));
    if (!isAbbreviated && !hasPhrase(phraseEvidence, phrase) && !missing.includes(phrase))
      missing.push(phrase);
  }
  // A ministry the question names (`ministerstwo kultury`, `MZ`) must be named by the first letter, in its
  // text or as its signatory's office: the sport ministry's letter on its awards is no answer for culture's.
  const firstLetter = letters.get(firstIds[0] ?? '');
  if (letterTexts[0] !== undefined && firstLetter) {
    const own = `${letterTexts[0]}\n${metadataOf(firstLetter)}\n${firstLetter.authorRole ?? ''}`;
    for (const ministry of askedMinistries(question))
      if (!namesMinistry(own, ministry) && !missing.includes(ministry.asTyped))
        missing.push(ministry.asTyped);
  }
  // A body the question names by its acronym (`UOKiK`, `UKE`, `GDDKiA`) that the first letter neither
  // writes nor spells out: the letter is on the topic, not on what that body said or did. As typed, with
  // two capitals or more (chat's lower-case `kas`, `nik` are also words); ministries are checked above.
  if (letterTexts[0] !== undefined) {
    const own = foldText(letterTexts[0]).toLowerCase();
    for (const m of question.matchAll(/\p{L}+(?:-\p{L}+)?/gu)) {
      const entry = findAcronym(m[0]);
      if (!entry || entry.isMinistry || (m[0].match(/\p{Lu}/gu) ?? []).length < 2) continue;
      const written = new RegExp(`(?<!\\p{L})${foldText(entry.acronym).toLowerCase()}`, 'u');
      const held =
        written.test(own) ||
        entry.expansions.some((e) => hasPhrase(own, e.toLowerCase(), looseStem));
      if (!held && !missing.includes(m[0])) missing.push(m[0]);
    }
  }
  // The answer type is looked for in the letter's text, not its signature: the signatory is no director.
  missing.push(...missingAnswerType(question, passages));
  return missing;
}

/** `ile kosztował…`, `jaka kwota…`, `ile kasy…`: an amount of money is asked for. */
const ASKS_MONEY =
  /\b(?:ile\s+(?:kosztow|kosztuj|kasy|pieniedzy|srodkow|wydal|wydano|wyniesie|wynosi\s+koszt|zaplac|dostal|dal)|jak(?:a|i)\s+(?:jest\s+)?(?:kwot|koszt|wartos)|na\s+jaka\s+kwote|za\s+ile|ile\s+zl|(?:calkowity|laczny)\s+koszt|ile\s+(?:ma\s+)?kosztowa|ile\s+wynosi\s+(?:\p{L}+\s+)?(?:zadluzen|dlug|koszt))/u;
const MONEY = /(?<!\p{L})(?:zł|złotych|zl|euro|EUR|PLN|USD|mln|mld)(?!\p{L})/u;
/** Offices a person holds (folded stems): `dyrektorem`, `prezesa`, `starostą`, `kuratora`. */
const OFFICE =
  '(?:wice)?(?:dyrektor|prezes|starost|burmistrz|wojt|prezydent|kierownik|komendant|wojewod|pelnomocnik|przewodnicz|rektor|kurator|szef|rzeczni|sekretarz|marszal|naczelnik|inspektor|prokurator|zastepc|minist|sedzi|ordynator|dziekan|soltys|radn|prorektor|komisarz|lekarz)';
/**
 * `kto jest dyrektorem…`, `kto kieruje…`, `kto zastąpił X na stanowisku prezesa`, `jak się nazywa
 * lubelski kurator`: a person holding an office is asked for. `Kto jest organem właściwym…` asks
 * for a body, not a person: with `jest` only an office counts.
 */
const ASKS_PERSON = new RegExp(
  [
    // `kto został nowym dyrektorem`, `kto był lekarzem dyżurnym`: an adjective may stand before the office.
    `\\bkto\\s+(?:obecnie\\s+)?(?:jest|byl|byla|zostal|zostala|pelni\\s+funkcje)\\s+(?:obecnie\\s+)?(?:teraz\\s+)?(?:(?:nowym|nowa|obecnym|aktualnym|pierwszym|kolejnym|p\\.\\s*o\\.)\\s+)?${OFFICE}`,
    '\\bkto\\s+(?:obecnie\\s+)?(?:kieruje|zarzadza|stoi\\s+na\\s+czele|przewodniczy|zastapil|zastapila|objal|objela)\\b',
    `\\bjak\\s+(?:sie\\s+)?nazywa\\s+(?:sie\\s+)?(?:\\p{L}+\\s+)?${OFFICE}`,
    `\\b(?:imie\\s+i\\s+)?nazwisk\\p{L}*\\s+(?:\\p{L}+\\s+)?${OFFICE}`,
  ].join('|'),
  'u',
);
/** Common Polish first names (stems that take case endings: `Marcin`, `Marcina`; `Anna`, `Anny`), to tell a person from a body. */
const FIRST_NAMES =
  'Adam|Agnieszk|Aleksandr|Andrzej|Ann|Antoni|Arkadiusz|Artur|Barbar|Bartłomiej|Bartosz|Beat|Bogdan|Bogusław|Czesław|Dami|Daniel|Dariusz|Dawid|Dominik|Dorot|Edward|Elżbiet|Ew|Filip|Grzegorz|Halin|Henryk|Iren|Iwon|Izabel|Jacek|Jadwig|Jakub|Jan|Janusz|Jarosław|Jerzy|Joann|Józef|Justyn|Kamil|Karol|Katarzyn|Kazimierz|Krystyn|Krzysztof|Leszek|Łukasz|Maciej|Magdalen|Małgorzat|Marcin|Marek|Mari|Marian|Mariusz|Mark|Mart|Mateusz|Michał|Mirosław|Monik|Natali|Patryk|Paweł|Piotr|Przemysław|Rafał|Robert|Roman|Ryszard|Sebastian|Sławomir|Stanisław|Stefan|Sylwi|Szymon|Tadeusz|Teres|Tomasz|Urszul|Wiesław|Witold|Władysław|Włodzimierz|Wojciech|Zbigniew|Zdzisław|Zofi';
const PERSON = new RegExp(`(?<!\\p{L})(?:${FIRST_NAMES})\\p{Ll}{0,3}\\s+\\p{Lu}\\p{Ll}+`, 'u');
/** What `kto kieruje …` asks about when the question names no office. */
const LEADER_ROLES = [
  'dyrekt',
  'prezes',
  'kieruj',
  'komend',
  'szef',
  'kierown',
  'rektor',
  'przewod',
];

/**
 * The evidence names a person together with the office asked for: one
 * sentence with the office's stem (`dyrektorem` → `dyrekt`) and a first name
 * and surname. Letters name ministers everywhere; that is no director.
 */
function namesHolder(foldedQuestion: string, evidence: string): boolean {
  const office = new RegExp(`(?<!\\p{L})${OFFICE}\\p{L}*`, 'u').exec(foldedQuestion)?.[0];
  const roles = office
    ? [office.slice(0, Math.max(4, Math.min(6, office.length - 3)))]
    : LEADER_ROLES;
  for (const sentence of evidence.split(/(?<=[.;!?])\s+|\n\s*\n/u)) {
    const folded = foldText(sentence);
    if (roles.some((r) => folded.includes(r)) && PERSON.test(sentence)) return true;
  }
  return false;
}

/**
 * The answer the question's type needs that the evidence cannot give: an
 * amount of money for „ile kosztował…”, a named person for „kto jest
 * dyrektorem…”. Letters often give the count but not the cost, or name the
 * office but not who holds it.
 */
function missingAnswerType(question: string, evidence: string): string[] {
  const folded = foldText(question);
  if (ASKS_MONEY.test(folded) && !MONEY.test(evidence)) return [ANSWER_TYPE_MISSING.money];
  if (ASKS_PERSON.test(folded) && !namesHolder(folded, evidence))
    return [ANSWER_TYPE_MISSING.person];
  return [];
}

/** How a missing answer type is named in `missing` (the question's own words would not say it). */
export const ANSWER_TYPE_MISSING = { money: 'kwota', person: 'osoba' } as const;
