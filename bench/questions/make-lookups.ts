/**
 * Writes the lookup question sets (bench/questions/lookups-{dev,holdout}.jsonl)
 * from the Sejm corpus ground truth (eval/sejm-index.jsonl: number, signatory,
 * date, ministry) and the references the letters print. Dev and holdout use
 * disjoint letters; `relevant` lists every letter that meets the question's
 * constraints (twins answering one interpellation, a signatory's letters of
 * one day), so a lookup is scored on what it pins down.
 *
 * Usage: npx tsx bench/questions/make-lookups.ts /work/shared
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractMetadata } from '../../ingest/metadata.js';
import { parseReference } from '../../src/archive/reference-number.js';

const shared = process.argv[2] ?? '/work/shared';
interface Truth { file: string; number: number; author: string; date: string; addressee: string[] }
const truths: Truth[] = readFileSync(join(shared, 'eval', 'sejm-index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Truth);
const meta = new Map(truths.map((t) => [t.file, extractMetadata(readFileSync(join(shared, 'corpus', 'sejm', t.file), 'utf8'), { fileName: t.file })]));

// Deterministic shuffle (mulberry32).
let seed = 20261201;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffled = [...truths].sort((a, b) => a.file.localeCompare(b.file)).map((t) => ({ t, r: rand() })).sort((a, b) => a.r - b.r).map(({ t }) => t);

const nameOf = (t: Truth) => t.author.replace(/^(?:podsekretarz stanu|sekretarz stanu|minister|wiceminister|szef\S*(?: \S+){2}|prezes rady ministrów)\s+/iu, '');
const MONTHS_GEN = ['stycznia', 'lutego', 'marca', 'kwietnia', 'maja', 'czerwca', 'lipca', 'sierpnia', 'września', 'października', 'listopada', 'grudnia'];
const MONTHS_LOC = ['styczniu', 'lutym', 'marcu', 'kwietniu', 'maju', 'czerwcu', 'lipcu', 'sierpniu', 'wrześniu', 'październiku', 'listopadzie', 'grudniu'];
const MONTHS_NOM = ['styczeń', 'luty', 'marzec', 'kwiecień', 'maj', 'czerwiec', 'lipiec', 'sierpień', 'wrzesień', 'październik', 'listopad', 'grudzień'];
const [y, m, d] = [0, 1, 2] as const;
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const words = (iso: string) => { const p = parts(iso); return `${p[d]} ${MONTHS_GEN[p[m] - 1]} ${p[y]}`; };
const dotted = (iso: string) => { const p = parts(iso); return `${String(p[d]).padStart(2, '0')}.${String(p[m]).padStart(2, '0')}.${p[y]}`; };

/** Genitive of a Polish name (first name + surname), by the usual patterns; women's consonant-final surnames do not decline. */
function genitive(full: string): string {
  const ws = full.split(' ');
  const female = /a$/u.test(ws[0]!);
  return ws.map((w) => {
    if (female) {
      if (/(?:sk|ck|dzk)a$/u.test(w)) return `${w.slice(0, -1)}iej`;
      if (/[kg]a$/u.test(w)) return `${w.slice(0, -1)}i`;
      if (/a$/u.test(w)) return `${w.slice(0, -1)}y`;
      return w;
    }
    if (w.includes('-')) return w;
    if (/(?:sk|ck|dzk)i$/u.test(w)) return `${w}ego`;
    if (/y$/u.test(w)) return `${w.slice(0, -1)}ego`;
    if (/[kg]a$/u.test(w)) return `${w.slice(0, -1)}i`;
    if (/a$/u.test(w)) return `${w.slice(0, -1)}y`;
    if (/ko$/u.test(w)) return `${w.slice(0, -1)}i`;
    if (/o$/u.test(w)) return `${w.slice(0, -1)}y`;
    if (/iec$/u.test(w)) return `${w.slice(0, -3)}ca`;
    if (/ek$/u.test(w)) return `${w.slice(0, -2)}ka`;
    if (/el$/u.test(w) && w !== 'Michał') return `${w.slice(0, -2)}la`;
    return `${w}a`;
  }).join(' ');
}
const surname = (full: string) => full.split(' ').slice(-1)[0]!;
const genSurname = (full: string) => surname(genitive(full));
const plain = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/gu, 'l');
const isDateStated = (t: Truth) => meta.get(t.file)?.date === t.date;
const MINISTRIES: Record<string, string> = {
  'minister zdrowia': 'MZ', 'minister edukacji': 'MEN', 'minister spraw wewnętrznych i administracji': 'MSWiA', 'minister finansów': 'MF',
  'minister rolnictwa i rozwoju wsi': 'MRiRW', 'minister obrony narodowej': 'MON', 'minister sprawiedliwości': 'MS', 'minister klimatu i środowiska': 'MKiŚ',
  'minister aktywów państwowych': 'MAP', 'minister infrastruktury': 'MI', 'minister rozwoju i technologii': 'MRiT', 'minister rodziny, pracy i polityki społecznej': 'MRPiPS',
  'minister cyfryzacji': 'MC', 'minister nauki i szkolnictwa wyższego': 'MNiSW',
};

interface Q { id: string; question: string; relevant: string[]; kind: string }
const used = new Set<string>();
function make(set: string, offset: number): Q[] {
  const out: Q[] = [];
  let i = 0;
  const pick = (ok: (t: Truth) => boolean) => {
    for (; offset < shuffled.length; offset++) {
      const t = shuffled[offset]!;
      if (!used.has(t.file) && ok(t)) { used.add(t.file); offset++; return t; }
    }
    throw new Error('ran out of letters');
  };
  const add = (kind: string, question: string, relevant: (t: Truth) => boolean) =>
    out.push({ id: `${set}-${String(++i).padStart(2, '0')}`, kind, question, relevant: truths.filter(relevant).map((t) => t.file) });
  const scale = set === 'dev' ? 2 : 1;
  for (let n = 0; n < scale; n++) {
    // Interpellation numbers.
    for (const form of ['interpelacja nr {n}', 'Odpowiedź na interpelację {n}', '{n}', 'Co odpowiedziano na interpelację numer {n}?']) {
      const t = pick(() => true);
      add('interpellation', form.replace('{n}', String(t.number)), (o) => o.number === t.number);
    }
    // References in other spellings.
    const refForms: ((r: string) => string | null)[] = [
      (r) => r,
      (r) => `Pismo o znaku ${r.toLowerCase()}`,
      (r) => r.replace(/\./gu, '. ').replace(/-/gu, ' - '),
      (r) => { const p = parseReference(r); return p && p.key !== p.baseKey ? `znak sprawy ${r.split('.').slice(0, -1).join('.')}` : null; },
      (r) => `Co zawiera pismo ${r.replace(/\./gu, ' ')}?`,
    ];
    for (const form of refForms) {
      const t = pick((o) => { const r = meta.get(o.file)?.reference; return Boolean(r && form(r)); });
      const ref = meta.get(t.file)!.reference!;
      const key = parseReference(ref)!.baseKey;
      add('reference', form(ref)!, (o) => { const r = meta.get(o.file)?.reference; return Boolean(r && parseReference(r, { isLabelled: true })?.baseKey === key); });
    }
    // Signatory + date.
    const sigForms: ((t: Truth) => string)[] = [
      (t) => `pismo podpisane przez ${genSurname(nameOf(t))} z ${words(t.date)}`,
      (t) => `Co pisał${/a$/u.test(nameOf(t).split(' ')[0]!) ? 'a' : ''} ${nameOf(t)} ${dotted(t.date)}?`,
      (t) => `odpowiedź podpisana przez ${genitive(nameOf(t))} z dnia ${dotted(t.date)}`,
      (t) => `pismo ${genitive(nameOf(t))} z ${words(t.date)} r.`,
      (t) => `Pismo podpisane przez ${genSurname(nameOf(t))} z ${t.date}`,
      (t) => `pismo podpisane przez ${plain(genSurname(nameOf(t)))} z ${dotted(t.date)}`,
    ];
    for (const form of sigForms) {
      const t = pick(isDateStated);
      add('signatory+date', form(t), (o) => nameOf(o) === nameOf(t) && o.date === t.date);
    }
    // Signatory + month.
    {
      const t = pick(isDateStated);
      const p = parts(t.date);
      add('signatory+month', `Co pisał${/a$/u.test(nameOf(t).split(' ')[0]!) ? 'a' : ''} ${nameOf(t)} w ${MONTHS_LOC[p[m] - 1]} ${p[y]}?`, (o) => nameOf(o) === nameOf(t) && o.date.slice(0, 7) === t.date.slice(0, 7));
      const u = pick(isDateStated);
      const q = parts(u.date);
      add('signatory+month', `pisma podpisane przez ${genSurname(nameOf(u))}, ${MONTHS_NOM[q[m] - 1]} ${q[y]}`, (o) => nameOf(o) === nameOf(u) && o.date.slice(0, 7) === u.date.slice(0, 7));
    }
    {
      const t = pick(isDateStated);
      const p = parts(t.date);
      add('signatory+month', `co pisał${/a$/u.test(nameOf(t).split(' ')[0]!) ? 'a' : ''} ${nameOf(t)} w ${MONTHS_LOC[p[m] - 1]}`, (o) => nameOf(o) === nameOf(t) && o.date.slice(0, 7) === t.date.slice(0, 7));
    }
    // Ministry (acronym or name) + date.
    for (const form of ['pismo {a} z {w}', 'odpowiedź {a} z dnia {d}', 'pismo {n} z {w}']) {
      const t = pick((o) => isDateStated(o) && o.addressee.length === 1 && MINISTRIES[o.addressee[0]!] !== undefined);
      const acr = MINISTRIES[t.addressee[0]!]!;
      const name = `Ministerstwa ${t.addressee[0]!.replace(/^minister /u, '').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase()).replace(/ I /gu, ' i ')}`;
      add('ministry+date', form.replace('{a}', acr).replace('{n}', name).replace('{w}', words(t.date)).replace('{d}', dotted(t.date)), (o) => o.addressee.includes(t.addressee[0]!) && o.date === t.date);
    }
  }
  return out;
}
const dev = make('dev', 0);
const holdout = make('holdout', 600);
for (const [name, qs] of [['lookups-dev', dev], ['lookups-holdout', holdout]] as const) {
  writeFileSync(new URL(`./${name}.jsonl`, import.meta.url), qs.map((q) => JSON.stringify(q)).join('\n') + '\n');
  console.log(name, qs.length);
}
