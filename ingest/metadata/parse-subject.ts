/**
 * The letter's subject (`w sprawie …`) and the interpellation it answers.
 * Sejm answers state both in their opening: a heading (`Odpowiedź na
 * interpelację w sprawie …`), a `Dotyczy:` line, or the first sentence
 * (`w odpowiedzi na interpelację nr 17223 … w sprawie …, uprzejmie informuję`).
 */

// Document-type words that open a heading-style title.
const HEADING =
  /^(?:odpowied[źz]|informacja|interpelacja|zapytanie|wniosek|pismo|uchwa[łl]a|decyzja|zawiadomienie|opinia|stanowisko)(?!\p{L})/iu;
const SUBJECT_LABEL = /^(?:dot(?:yczy)?\.?|sprawa|temat|przedmiot)(?!\p{L})\s*:?\s*(.+)$/iu;
const MAX_TITLE = 400;
const REFERS_ONLY = /^(?:odpowied\p{L}*\s+na\s+)?(?:interpelac|zapytani|pism)/iu;
// Lines at least this long are taken to be hard-wrapped, not ended.
const WRAP_WIDTH = 60;

// Where a "w sprawie …" phrase ends inside a sentence: the main clause's verb
// (with or without a comma), a reference in parentheses, the salutation, or the
// end of the sentence. A period ends it only before a capital letter and not
// after an abbreviation, so "woj. warmińsko-mazurskiego", "S.A. nowych" and
// "z dnia 9 czerwca 2025 r. w sprawie" stay inside.
const MAIN_VERB = String.raw`(?:uprzejmie|przedstawiam|informuj[ęe]|wyja[śs]niam|odpowiadam|udzielam|prosz[ęe]|przekazuj[ęe]|niniejszym|uzupe[łl]niaj\p{L}*)`;
const SUBJECT_END = new RegExp(
  [
    String.raw`\s[–—-]\s(?=skierowan|przekazan|z[łl]o[żz]on|kt[óo]r)`,
    String.raw`\s\((?=interpelac|zapytani|nr\s|K\d+INT|znak|sygn|przekazan|dalej|wp[łl]yw|zwan|pism|dot\.)`,
    String.raw`[;:]`,
    String.raw`\sSzanown`,
    String.raw`,?\s${MAIN_VERB}(?!\p{L})`,
    String.raw`\s(?:Pos[łl]\p{L}*|Pan[a]?|Pani)\s\p{Lu}`,
    String.raw`\s\d+\)\s`,
    String.raw`\s\(w\s+zakresie`,
    String.raw`,\s*(?:przekazan\p{L}*|skierowan\p{L}*|z[łl]o[żz]on\p{L}*|poni[żz]ej|pragn\p{L}*|chcia[łl]\p{L}*|Minister|w\s+za[łl][ąa]czeniu|kt[óo]r\p{L}*|jak\s+ni[żz]ej|co\s+nast|w\s+imieniu|dzia[łl]aj[ąa]c|zgodnie|odnosz[ąa]c|w\s+odpowiedzi|wnosz|zwan\p{L}*|K\d+INT|znak|sygn|nr\s|w\s+zakresie\s+(?:dotycz|w[łl]a[śs]ciwo|kompetencj))`,
    String.raw`(?<!(?:^|[\s.(])(?:\p{L}|\d+|r|nr|art|ust|pkt|poz|tj|tzw|ul|św|Dz|tys|mln|mld|zm|późn|br|ww|godz|im|pn|sygn|woj|pow|gm|ds|np|ok|dot|al|pl|os|m\.in|p[łl]k|gen|ks|prof|dr|mjr|kpt|in[żz]|hab))\.(?=\s+\p{Lu}|\s*$)`,
  ].join('|'),
  'u',
);

/** Repairs PDF line-wrap artefacts: "społeczno- gospodarczym", a doubled "w sprawie w sprawie". */
function tidy(text: string): string {
  return text
    .replace(/(\p{L})- (\p{Ll})/gu, '$1-$2')
    .replace(/\bw sprawie\s+w sprawie\s/giu, 'w sprawie ')
    .replace(/\s+/gu, ' ');
}

/** A labelled subject without "w sprawie": up to the end of its sentence. */
function cutSentence(text: string): string {
  const end = text.search(SUBJECT_END);
  return (end === -1 ? text : text.slice(0, end))
    .slice(0, MAX_TITLE)
    .replace(/[\s,.]+$/u, '')
    .trim();
}

function cutSubject(text: string): string {
  const tidied = tidy(text);
  const start = tidied.search(/w\s+sprawie\s/iu);
  if (start === -1) return tidied.trim();
  const rest = tidied.slice(start);
  // Skip past "w sprawie " so its own words cannot end the phrase.
  const end = rest.slice(10).search(SUBJECT_END);
  const subject = end === -1 ? rest : rest.slice(0, 10 + end);
  return subject
    .slice(0, MAX_TITLE)
    .replace(/[\s,]+$/u, '')
    .replace(/(?<!\.\p{L})\.$/u, '')
    .trim();
}

/**
 * The lines that continue a wrapped line: a hard-wrapped PDF paragraph goes on
 * while its lines are long or the next one starts in lowercase; a short line
 * followed by a capitalised one (`Odpowiadający: …`) is a new element.
 */
function continuationLines(lines: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from + 1; i < lines.length; i++) {
    const previous = lines[i - 1] ?? '';
    const line = lines[i] ?? '';
    if (previous.length < WRAP_WIDTH && !/^[\p{Ll}\d„"(]/u.test(line)) break;
    out.push(line);
  }
  return out;
}

/**
 * Finds the subject: a heading line with `w sprawie` (as written), else a
 * `Dotyczy:`/`Sprawa:` label or a standalone `w sprawie …` line in the header,
 * else the `w sprawie …` phrase attached to the interpellation in the opening
 * sentence.
 *
 * @param lines all lines of the letter
 * @param headerEnd index of the first line after the header (the salutation)
 * @returns the subject, or `null` when the letter states none (never invented).
 */
export function findTitle(lines: readonly string[], headerEnd: number): string | null {
  const title = findRawTitle(lines, headerEnd);
  if (title === null) return null;
  // The addressee block that follows a heading is glued on by the text layer (`… w Bydgoszczy Pan`).
  const cleaned = title.replace(/\s+(?:Szanown[ya]\s+)?(?:Pan|Pani|Panie|Pa[ńn]stwo)$/u, '').trim();
  return cleaned === '' ? null : cleaned;
}

function findRawTitle(lines: readonly string[], headerEnd: number): string | null {
  const first = lines[0];
  if (first !== undefined && HEADING.test(first) && /w\s+sprawie\s/iu.test(first))
    return first.slice(0, MAX_TITLE);

  const header = lines.slice(0, headerEnd);
  for (let i = 0; i < header.length; i++) {
    const line = header[i] ?? '';
    const label = SUBJECT_LABEL.exec(line)?.[1];
    const isSubjectLine = /^w\s+sprawie\s/iu.test(line);
    if (label === undefined && !isSubjectLine) continue;
    const text = [label ?? line, ...continuationLines(header, i)].join(' ');
    if (/w\s+sprawie\s/iu.test(text)) return cutSubject(text);
    // "Dotyczy: odpowiedzi na interpelację nr …" identifies, it does not describe.
    if (label !== undefined && !REFERS_ONLY.test(label)) return cutSentence(tidy(text));
  }

  const opening = lines.slice(0, headerEnd + 12).join(' ');
  const mention =
    /(?:interpe(?:l)?ac|zapytani)\p{L}*(?:(?!interpelac)[\s\S]){0,300}?w\s+sprawie\s/iu.exec(
      opening,
    );
  return mention === null ? null : cutSubject(opening.slice(mention.index));
}

// In order of trust: the Sejm's own case code (`K10INT17940`), the number
// right after the word, then a number a few words later ("interpelacji z 29 lipca
// 2026 r. nr 17842") unless that number belongs to a resolution or print.
// "Zapytanie poselskie" is the interpellation's lighter sibling and numbered
// in the same series; "interpeacji" is a typo seen in real letters.
const KEYWORD = String.raw`(?:interpe(?:l)?ac\p{L}*|zapytani\p{L}*)`;
const QUALIFIERS = String.raw`(?:ponown\p{L}*\s+|poselsk\p{L}*\s+)*`;
const INTERPELLATION_NUMBERED = new RegExp(
  String.raw`${KEYWORD}\s+${QUALIFIERS}(?:o\s+)?(?:nr|numer(?:ze)?)\.?\s*:?\s*(\d{1,6})(?![\d\p{L}])`,
  'iu',
);
// A bare number ("interpelację 17401", "interpelacją (17345)") is trusted less:
// "ad vocem interpelacji 17750" in a heading must not beat "interpelację nr 18652".
const INTERPELLATION_BARE = new RegExp(
  String.raw`${KEYWORD}\s+${QUALIFIERS}\(?(\d{3,6})\)?(?![\d\p{L}])`,
  'iu',
);
const SEJM_CASE_CODE = /(?<![\p{L}\d])K\d{1,2}INT(\d{1,6})(?!\d)/u;
const INTERPELLATION_NEAR = new RegExp(
  String.raw`${KEYWORD}((?:(?!interpelac)[\s\S]){0,300}?)(?<![\p{L}])(?:nr|numer(?:ze|em)?)\.?\s*:?\s*(\d{1,6})(?![\d\p{L}])`,
  'giu',
);
// Numbers of other documents that sit between "interpelacja" and its number.
const OTHER_NUMBERED =
  /(?:uchwa[łl]\p{L}*|druk\p{L}*|ustaw\p{L}*|rozporz[ąa]dze\p{L}*|poz\.|decyzj\p{L}*|wyrok\p{L}*|zarz[ąa]dzeni\p{L}*|sprawy|pisma)\s*$/iu;

/**
 * Finds the number of the interpellation the letter answers
 * (`interpelację nr 10446`, `interpelacji z 29 lipca 2026 r. nr 17842`,
 * `K10INT17940`). Only the opening of the letter is searched: the body may
 * cite other interpellations.
 */
export function findInterpellation(lines: readonly string[], headerEnd: number): string | null {
  const opening = lines.slice(0, headerEnd + 12).join(' ');
  const code = SEJM_CASE_CODE.exec(opening)?.[1];
  if (code !== undefined) return code;
  const direct =
    INTERPELLATION_NUMBERED.exec(opening)?.[1] ?? INTERPELLATION_BARE.exec(opening)?.[1];
  if (direct !== undefined) return direct;
  INTERPELLATION_NEAR.lastIndex = 0;
  for (
    let m = INTERPELLATION_NEAR.exec(opening);
    m !== null;
    m = INTERPELLATION_NEAR.exec(opening)
  ) {
    if (!OTHER_NUMBERED.test(m[1] ?? '')) return m[2] ?? null;
  }
  return null;
}
