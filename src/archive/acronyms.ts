/**
 * Common Polish administrative acronyms and what they stand for, in one place.
 * Letters spell institutions out (`Zakład Ubezpieczeń Społecznych`,
 * `Ministerstwo Zdrowia`, `minister zdrowia`) while councillors type the
 * acronym (`ZUS`, `MZ`), often inflected (`ZUS-u`, `SOR-ów`, `NFZ-etu`). The
 * analyzer folds the inflected forms to the base, retrieval expands ministry
 * acronyms to the ministry's name, and the answer side uses `isKnownAcronym`
 * so a known acronym is not counted as an unknown name.
 */
import { foldText } from './fold-text.js';

/** One acronym: its usual spelling and its expansions (nominative first, then how letters name it). */
export interface AcronymEntry {
  /** As usually written, e.g. `MSWiA`, `GDDKiA`. */
  readonly acronym: string;
  /** Expansions, the full nominative name first (`Ministerstwo Zdrowia`, `minister zdrowia`). */
  readonly expansions: readonly string[];
  /** True for a ministry: its letters are signed in the name of `minister …`. */
  readonly isMinistry?: boolean;
}

const ministry = (
  acronym: string,
  name: string,
  minister: string,
  ...more: string[]
): AcronymEntry => ({
  acronym,
  expansions: [`Ministerstwo ${name}`, `minister ${minister}`, ...more],
  isMinistry: true,
});

/** The list. Ministries as of the 2024–2026 government, with older spellings that councillors still use. */
export const ACRONYMS: readonly AcronymEntry[] = [
  ministry('MZ', 'Zdrowia', 'zdrowia'),
  ministry(
    'MEN',
    'Edukacji Narodowej',
    'edukacji',
    'Ministerstwo Edukacji',
    'minister edukacji narodowej',
  ),
  ministry('MSWiA', 'Spraw Wewnętrznych i Administracji', 'spraw wewnętrznych i administracji'),
  ministry('MF', 'Finansów', 'finansów', 'Ministerstwo Finansów i Gospodarki'),
  ministry('MFiG', 'Finansów i Gospodarki', 'finansów i gospodarki'),
  ministry('MRiRW', 'Rolnictwa i Rozwoju Wsi', 'rolnictwa i rozwoju wsi'),
  ministry('MON', 'Obrony Narodowej', 'obrony narodowej'),
  ministry('MS', 'Sprawiedliwości', 'sprawiedliwości'),
  ministry('MKiŚ', 'Klimatu i Środowiska', 'klimatu i środowiska'),
  ministry('MAP', 'Aktywów Państwowych', 'aktywów państwowych'),
  ministry('MI', 'Infrastruktury', 'infrastruktury'),
  ministry('MRiT', 'Rozwoju i Technologii', 'rozwoju i technologii'),
  ministry(
    'MRPiPS',
    'Rodziny, Pracy i Polityki Społecznej',
    'rodziny, pracy i polityki społecznej',
    'Ministerstwo Rodziny i Polityki Społecznej',
  ),
  ministry('MRPS', 'Rodziny, Pracy i Polityki Społecznej', 'rodziny, pracy i polityki społecznej'),
  ministry('MC', 'Cyfryzacji', 'cyfryzacji'),
  ministry(
    'MNiSW',
    'Nauki i Szkolnictwa Wyższego',
    'nauki i szkolnictwa wyższego',
    'Ministerstwo Nauki',
  ),
  ministry(
    'MNiSzW',
    'Nauki i Szkolnictwa Wyższego',
    'nauki i szkolnictwa wyższego',
    'Ministerstwo Nauki',
  ),
  ministry('MSZ', 'Spraw Zagranicznych', 'spraw zagranicznych'),
  ministry('MKiDN', 'Kultury i Dziedzictwa Narodowego', 'kultury i dziedzictwa narodowego'),
  ministry('MSiT', 'Sportu i Turystyki', 'sportu i turystyki'),
  ministry('ME', 'Energii', 'energii'),
  ministry('MFiPR', 'Funduszy i Polityki Regionalnej', 'funduszy i polityki regionalnej'),
  ministry(
    'MGMiŻŚ',
    'Gospodarki Morskiej i Żeglugi Śródlądowej',
    'gospodarki morskiej i żeglugi śródlądowej',
  ),
  ministry('MPiT', 'Przedsiębiorczości i Technologii', 'przedsiębiorczości i technologii'),
  { acronym: 'KPRM', expansions: ['Kancelaria Prezesa Rady Ministrów', 'Prezes Rady Ministrów'] },
  { acronym: 'RM', expansions: ['Rada Ministrów'] },
  { acronym: 'OPS', expansions: ['ośrodek pomocy społecznej'] },
  { acronym: 'MOPS', expansions: ['miejski ośrodek pomocy społecznej'] },
  { acronym: 'GOPS', expansions: ['gminny ośrodek pomocy społecznej'] },
  { acronym: 'MGOPS', expansions: ['miejsko-gminny ośrodek pomocy społecznej'] },
  { acronym: 'MOPR', expansions: ['miejski ośrodek pomocy rodzinie'] },
  { acronym: 'PCPR', expansions: ['powiatowe centrum pomocy rodzinie'] },
  { acronym: 'ROPS', expansions: ['regionalny ośrodek polityki społecznej'] },
  { acronym: 'DPS', expansions: ['dom pomocy społecznej'] },
  { acronym: 'PUP', expansions: ['powiatowy urząd pracy'] },
  { acronym: 'WUP', expansions: ['wojewódzki urząd pracy'] },
  {
    acronym: 'PKS',
    expansions: ['Państwowa Komunikacja Samochodowa', 'przedsiębiorstwo komunikacji samochodowej'],
  },
  { acronym: 'PKP', expansions: ['Polskie Koleje Państwowe'] },
  { acronym: 'PLK', expansions: ['PKP Polskie Linie Kolejowe'] },
  { acronym: 'SOR', expansions: ['szpitalny oddział ratunkowy'] },
  { acronym: 'POZ', expansions: ['podstawowa opieka zdrowotna'] },
  { acronym: 'NFZ', expansions: ['Narodowy Fundusz Zdrowia'] },
  { acronym: 'ZUS', expansions: ['Zakład Ubezpieczeń Społecznych'] },
  { acronym: 'KRUS', expansions: ['Kasa Rolniczego Ubezpieczenia Społecznego'] },
  { acronym: 'PFRON', expansions: ['Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych'] },
  { acronym: 'GDDKiA', expansions: ['Generalna Dyrekcja Dróg Krajowych i Autostrad'] },
  {
    acronym: 'RDOŚ',
    expansions: [
      'regionalna dyrekcja ochrony środowiska',
      'regionalny dyrektor ochrony środowiska',
    ],
  },
  {
    acronym: 'GDOŚ',
    expansions: ['Generalna Dyrekcja Ochrony Środowiska', 'Generalny Dyrektor Ochrony Środowiska'],
  },
  { acronym: 'WIOŚ', expansions: ['wojewódzki inspektorat ochrony środowiska'] },
  { acronym: 'GIOŚ', expansions: ['Główny Inspektorat Ochrony Środowiska'] },
  { acronym: 'NFOŚiGW', expansions: ['Narodowy Fundusz Ochrony Środowiska i Gospodarki Wodnej'] },
  { acronym: 'WFOŚiGW', expansions: ['wojewódzki fundusz ochrony środowiska i gospodarki wodnej'] },
  { acronym: 'KPO', expansions: ['Krajowy Plan Odbudowy'] },
  { acronym: 'UE', expansions: ['Unia Europejska'] },
  { acronym: 'RP', expansions: ['Rzeczpospolita Polska'] },
  { acronym: 'JST', expansions: ['jednostka samorządu terytorialnego'] },
  { acronym: 'OSP', expansions: ['ochotnicza straż pożarna'] },
  { acronym: 'PSP', expansions: ['Państwowa Straż Pożarna'] },
  { acronym: 'KG PSP', expansions: ['Komenda Główna Państwowej Straży Pożarnej'] },
  { acronym: 'KGP', expansions: ['Komenda Główna Policji'] },
  { acronym: 'KPP', expansions: ['komenda powiatowa policji'] },
  { acronym: 'KMP', expansions: ['komenda miejska policji'] },
  { acronym: 'KWP', expansions: ['komenda wojewódzka policji'] },
  { acronym: 'SG', expansions: ['Straż Graniczna'] },
  { acronym: 'ABW', expansions: ['Agencja Bezpieczeństwa Wewnętrznego'] },
  { acronym: 'CBA', expansions: ['Centralne Biuro Antykorupcyjne'] },
  { acronym: 'CBŚP', expansions: ['Centralne Biuro Śledcze Policji'] },
  { acronym: 'UOKiK', expansions: ['Urząd Ochrony Konkurencji i Konsumentów'] },
  { acronym: 'UKE', expansions: ['Urząd Komunikacji Elektronicznej'] },
  { acronym: 'URE', expansions: ['Urząd Regulacji Energetyki'] },
  { acronym: 'UTK', expansions: ['Urząd Transportu Kolejowego'] },
  { acronym: 'ULC', expansions: ['Urząd Lotnictwa Cywilnego'] },
  { acronym: 'GUS', expansions: ['Główny Urząd Statystyczny'] },
  { acronym: 'NIK', expansions: ['Najwyższa Izba Kontroli'] },
  { acronym: 'RIO', expansions: ['regionalna izba obrachunkowa'] },
  { acronym: 'RPO', expansions: ['Rzecznik Praw Obywatelskich', 'regionalny program operacyjny'] },
  { acronym: 'RPD', expansions: ['Rzecznik Praw Dziecka'] },
  { acronym: 'TK', expansions: ['Trybunał Konstytucyjny'] },
  { acronym: 'SN', expansions: ['Sąd Najwyższy'] },
  { acronym: 'NSA', expansions: ['Naczelny Sąd Administracyjny'] },
  { acronym: 'WSA', expansions: ['wojewódzki sąd administracyjny'] },
  { acronym: 'KRS', expansions: ['Krajowy Rejestr Sądowy', 'Krajowa Rada Sądownictwa'] },
  { acronym: 'PIP', expansions: ['Państwowa Inspekcja Pracy'] },
  { acronym: 'GIS', expansions: ['Główny Inspektorat Sanitarny', 'Główny Inspektor Sanitarny'] },
  { acronym: 'PSSE', expansions: ['powiatowa stacja sanitarno-epidemiologiczna'] },
  { acronym: 'WSSE', expansions: ['wojewódzka stacja sanitarno-epidemiologiczna'] },
  { acronym: 'GITD', expansions: ['Główny Inspektorat Transportu Drogowego'] },
  { acronym: 'ITD', expansions: ['Inspekcja Transportu Drogowego'] },
  { acronym: 'KAS', expansions: ['Krajowa Administracja Skarbowa'] },
  { acronym: 'ARiMR', expansions: ['Agencja Restrukturyzacji i Modernizacji Rolnictwa'] },
  { acronym: 'KOWR', expansions: ['Krajowy Ośrodek Wsparcia Rolnictwa'] },
  { acronym: 'IPN', expansions: ['Instytut Pamięci Narodowej'] },
  { acronym: 'CKE', expansions: ['Centralna Komisja Egzaminacyjna'] },
  { acronym: 'OKE', expansions: ['okręgowa komisja egzaminacyjna'] },
  { acronym: 'PPK', expansions: ['pracownicze plany kapitałowe'] },
  { acronym: 'OFE', expansions: ['otwarte fundusze emerytalne'] },
  { acronym: 'PIT', expansions: ['podatek dochodowy od osób fizycznych'] },
  { acronym: 'CIT', expansions: ['podatek dochodowy od osób prawnych'] },
  { acronym: 'VAT', expansions: ['podatek od towarów i usług'] },
  { acronym: 'KSeF', expansions: ['Krajowy System e-Faktur'] },
  { acronym: 'CPK', expansions: ['Centralny Port Komunikacyjny'] },
  { acronym: 'PAŻP', expansions: ['Polska Agencja Żeglugi Powietrznej'] },
  { acronym: 'RODO', expansions: ['ogólne rozporządzenie o ochronie danych osobowych'] },
  { acronym: 'UODO', expansions: ['Urząd Ochrony Danych Osobowych'] },
  { acronym: 'BIP', expansions: ['Biuletyn Informacji Publicznej'] },
  { acronym: 'MPZP', expansions: ['miejscowy plan zagospodarowania przestrzennego'] },
  { acronym: 'WZ', expansions: ['warunki zabudowy'] },
  { acronym: 'ZTM', expansions: ['Zarząd Transportu Miejskiego'] },
  { acronym: 'MPK', expansions: ['miejskie przedsiębiorstwo komunikacyjne'] },
  { acronym: 'ZDP', expansions: ['zarząd dróg powiatowych'] },
  { acronym: 'ZDW', expansions: ['zarząd dróg wojewódzkich'] },
  { acronym: 'ZGM', expansions: ['zakład gospodarki mieszkaniowej'] },
  { acronym: 'TBS', expansions: ['towarzystwo budownictwa społecznego'] },
  { acronym: 'PSZOK', expansions: ['punkt selektywnej zbiórki odpadów komunalnych'] },
  { acronym: 'ŚDS', expansions: ['środowiskowy dom samopomocy'] },
  { acronym: 'CUS', expansions: ['centrum usług społecznych'] },
  { acronym: 'ZOZ', expansions: ['zakład opieki zdrowotnej'] },
  { acronym: 'SPZOZ', expansions: ['samodzielny publiczny zakład opieki zdrowotnej'] },
  { acronym: 'LPR', expansions: ['Lotnicze Pogotowie Ratunkowe'] },
  { acronym: 'ZRM', expansions: ['zespół ratownictwa medycznego'] },
  { acronym: 'PRM', expansions: ['Państwowe Ratownictwo Medyczne'] },
  { acronym: 'AOTMiT', expansions: ['Agencja Oceny Technologii Medycznych i Taryfikacji'] },
  { acronym: 'URPL', expansions: ['Urząd Rejestracji Produktów Leczniczych'] },
  { acronym: 'ARP', expansions: ['Agencja Rozwoju Przemysłu'] },
  { acronym: 'PARP', expansions: ['Polska Agencja Rozwoju Przedsiębiorczości'] },
  { acronym: 'BGK', expansions: ['Bank Gospodarstwa Krajowego'] },
  { acronym: 'NBP', expansions: ['Narodowy Bank Polski'] },
  { acronym: 'KNF', expansions: ['Komisja Nadzoru Finansowego'] },
  { acronym: 'PKW', expansions: ['Państwowa Komisja Wyborcza'] },
  { acronym: 'KBW', expansions: ['Krajowe Biuro Wyborcze'] },
  { acronym: 'SKO', expansions: ['samorządowe kolegium odwoławcze'] },
  { acronym: 'PGW', expansions: ['Państwowe Gospodarstwo Wodne Wody Polskie'] },
  { acronym: 'RZGW', expansions: ['regionalny zarząd gospodarki wodnej'] },
  { acronym: 'PGL', expansions: ['Państwowe Gospodarstwo Leśne Lasy Państwowe'] },
  { acronym: 'RDLP', expansions: ['regionalna dyrekcja Lasów Państwowych'] },
  {
    acronym: 'CEIDG',
    expansions: ['Centralna Ewidencja i Informacja o Działalności Gospodarczej'],
  },
  { acronym: 'PESEL', expansions: ['Powszechny Elektroniczny System Ewidencji Ludności'] },
  { acronym: 'NIP', expansions: ['numer identyfikacji podatkowej'] },
  { acronym: 'REGON', expansions: ['rejestr gospodarki narodowej'] },
  { acronym: 'KPA', expansions: ['Kodeks postępowania administracyjnego'] },
  { acronym: 'KC', expansions: ['Kodeks cywilny'] },
  { acronym: 'KP', expansions: ['Kodeks pracy'] },
  { acronym: 'KK', expansions: ['Kodeks karny'] },
  { acronym: 'PZP', expansions: ['Prawo zamówień publicznych'] },
  { acronym: 'UZP', expansions: ['Urząd Zamówień Publicznych'] },
  { acronym: 'KIO', expansions: ['Krajowa Izba Odwoławcza'] },
  { acronym: 'WHO', expansions: ['Światowa Organizacja Zdrowia'] },
  { acronym: 'NATO', expansions: ['Organizacja Traktatu Północnoatlantyckiego'] },
  { acronym: 'ONZ', expansions: ['Organizacja Narodów Zjednoczonych'] },
];

/** Folded, lower-case key (`MSWiA` → `mswia`, `RDOŚ` → `rdos`), so typing without diacritics or capitals finds the entry. */
function keyOf(word: string): string {
  return foldText(word).replace(/[^a-z0-9]/gu, '');
}

const BY_KEY: ReadonlyMap<string, AcronymEntry> = (() => {
  const map = new Map<string, AcronymEntry>();
  for (const entry of ACRONYMS)
    if (!map.has(keyOf(entry.acronym))) map.set(keyOf(entry.acronym), entry);
  return map;
})();

// Polish case endings that follow an acronym, hyphenated (`ZUS-u`, `NFZ-etu`) or glued (`SORów`).
const ACRONYM_ENDINGS = [
  'etu',
  'ecie',
  'otu',
  'ocie',
  'owi',
  'ami',
  'ach',
  'iem',
  'em',
  'ie',
  'ze',
  'om',
  'ów',
  'ow',
  'u',
  'y',
  'a',
  'ę',
  'e',
  'i',
  'ą',
  'cie',
  'tu',
];
const HYPHENATED = new RegExp(`^(.+?)[-–‑](${ACRONYM_ENDINGS.join('|')})$`, 'u');

/** The entry for a word, accepting inflected forms (`ZUS-u`, `SOR-ów`, `SORów`, `NFZ-etu`, `KRUS-em`). */
export function findAcronym(word: string): AcronymEntry | null {
  const exact = BY_KEY.get(keyOf(word));
  if (exact) return exact;
  const hyphenated = HYPHENATED.exec(word);
  if (hyphenated) return BY_KEY.get(keyOf(hyphenated[1]!)) ?? null;
  return null;
}

/** The acronym a word is an inflected form of, as usually written (`ZUS-u` → `ZUS`), or `null`. */
export function acronymBase(word: string): string | null {
  return findAcronym(word)?.acronym ?? null;
}

/**
 * Expansions of a known acronym (`MZ` → `['Ministerstwo Zdrowia', 'minister zdrowia']`),
 * accepting inflected forms; `null` when the word is not a known acronym.
 */
export function expandAcronym(word: string): string[] | null {
  const entry = findAcronym(word);
  return entry ? [...entry.expansions] : null;
}

/** True when the word (in any case, with or without diacritics or a case ending) is a known administrative acronym. */
export function isKnownAcronym(word: string): boolean {
  return findAcronym(word) !== null;
}

/**
 * Folded base of a glued inflected acronym (`sorow` → `sor`, `zusu` → `zus`),
 * for the analyzer: only acronyms of three letters or more, so short ones
 * (`MZ`, `TK`) never swallow ordinary words. The caller checks the dictionary
 * first, so real words (`nika`?) keep their own lemma.
 */
export function gluedAcronymBase(foldedWord: string): string | null {
  for (const ending of ACRONYM_ENDINGS) {
    const e = foldText(ending);
    if (foldedWord.length <= e.length + 2 || !foldedWord.endsWith(e)) continue;
    const stem = foldedWord.slice(0, -e.length);
    if (stem.length >= 3 && BY_KEY.has(stem)) return stem;
  }
  return null;
}
