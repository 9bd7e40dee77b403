/**
 * ≥ 60 malformed and hostile inputs beside the sample letters, ingested by a
 * real `kancelaria ingest` process run as an unprivileged user (so that
 * unreadable folders are really unreadable). Checks: every bad input is named
 * with a reason, every sample letter is indexed, the exit code is 0 (bad input
 * is no internal error), and the peak RSS of the ingest process tree.
 *
 *   npx tsx bench/reliability/malformed-inputs.ts [--uid 65534]
 */
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeLyingZipBomb, makeZipBomb } from '../../test/fixtures/make-zip-bomb.js';
import { makeEml } from '../../test/fixtures/make-eml.js';
import { makeZip } from '../../test/fixtures/make-docx.js';
import { watchTreeRss } from './process-tree-rss.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const uid = process.argv.includes('--uid')
  ? Number(process.argv[process.argv.indexOf('--uid') + 1])
  : 65534;
const timeoutS = 30;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kancelaria-malformed-'));
const archive = path.join(work, 'archiwum');
const dataDir = path.join(work, 'data');
fs.cpSync(path.join(ROOT, 'samples/letters'), archive, { recursive: true });
const good = execFileSync('find', [archive, '-type', 'f'], { encoding: 'utf8' })
  .trim()
  .split('\n').length;
const bad = path.join(archive, 'zle');
const expected: string[] = []; // relative paths that must be reported
const put = (rel: string, content: string | Uint8Array, isReported = true) => {
  fs.mkdirSync(path.dirname(path.join(bad, rel)), { recursive: true });
  fs.writeFileSync(path.join(bad, rel), content);
  if (isReported) expected.push(`zle/${rel}`.normalize('NFC'));
};
const sentence = 'Rada Miasta postanowiła o remoncie szkoły nr 5 przy ulicy Wolności. ';

// Long lines: indexed (linear splitting, capped passages) or stopped by the timeout/memory cap, never a hang.
const hostileButValid = ['zle/linia-2mb.txt', 'zle/linia-50mb.txt', 'zle/token-50mb.txt'];
put('linia-2mb.txt', sentence.repeat(Math.ceil(2e6 / sentence.length)), false);
put('linia-50mb.txt', sentence.repeat(Math.floor(50e6 / Buffer.byteLength(sentence))), false);
put('token-50mb.txt', 'a'.repeat(50e6), false);
// Zip bombs: DOCX and e-mail attachments.
const gib = makeZipBomb(1024 * 1024 * 1024);
put('bomba-1gib.docx', gib);
put('bomba-klamie.docx', makeLyingZipBomb(64 * 1024 * 1024));
put('bomba-200mib.docx', makeZipBomb(200 * 1024 * 1024));
const mail = (subject: string, attachments: { fileName: string; bytes: Uint8Array }[]) =>
  makeEml({
    from: 'Urząd <urzad@chorzow.eu>',
    to: 'Rada <rada@chorzow.eu>',
    subject,
    date: 'Tue, 03 Mar 2020 10:15:00 +0100',
    body: `${sentence}${subject}`,
    attachments: attachments.map((a) => ({ ...a, contentType: 'application/octet-stream' })),
  });
for (let i = 1; i <= 3; i++) {
  put(
    `poczta-${i}.eml`,
    mail(`Pismo z bombą ${i}`, [{ fileName: `bomba-${i}.docx`, bytes: gib }]),
    false,
  );
  expected.push(`zle/poczta-${i}.eml#bomba-${i}.docx`);
}
// A zip attachment is never inflated: the e-mail is indexed, the zip listed in its text.
put(
  'poczta-zip.eml',
  mail('Archiwum zip w załączniku', [{ fileName: 'spakowane.zip', bytes: gib }]),
  false,
);
// Symbolic links.
fs.mkdirSync(path.join(bad, 'linki'), { recursive: true });
const link = (target: string, rel: string) => {
  fs.symlinkSync(target, path.join(bad, rel));
  expected.push(`zle/${rel}`);
};
link(archive, 'linki/petla-korzen');
link(path.join(bad, 'linki'), 'linki/petla-rodzic');
link('/etc/hostname', 'linki/poza-1.txt');
link('/etc', 'linki/poza-2');
link(path.join(bad, 'nie-ma.txt'), 'linki/zerwany-1.txt');
link('../../nie-ma-tez.txt', 'linki/zerwany-2.txt');
const firstSample = execFileSync('find', [archive, '-name', '*.txt', '-not', '-path', '*/zle/*'], {
  encoding: 'utf8',
})
  .trim()
  .split('\n')[0]!;
link(firstSample, 'linki/duplikat-1.txt');
link(firstSample, 'linki/duplikat-2.txt');
link(path.join(archive, 'chorzow'), 'linki/folder-1');
link(path.join(archive, 'sejm'), 'linki/folder-2');
// FIFOs.
for (let i = 1; i <= 5; i++) {
  execFileSync('mkfifo', [path.join(bad, `rura-${i}.txt`)]);
  expected.push(`zle/rura-${i}.txt`);
}
// NFC/NFD twins: one of each pair is indexed (a good letter), the other reported.
for (const name of ['zażółć', 'gęśla', 'jaźń', 'łódź', 'źdźbło']) {
  put(`${name.normalize('NFC')}.txt`, `${sentence}${name} NFC.`, false);
  put(`${name.normalize('NFD')}.txt`, `${sentence}${name} NFD.`, false);
  expected.push(`zle/${name}.txt`.normalize('NFC'));
}
// Unreadable folders and files.
for (let i = 1; i <= 3; i++) {
  put(`tajne-${i}/pismo.txt`, `${sentence}tajne ${i}`, false);
  expected.push(`zle/tajne-${i}`);
}
for (let i = 1; i <= 2; i++) put(`nieczytelny-${i}.txt`, `${sentence}nieczytelny ${i}`);
// Sidecars with impossible dates.
['2020-13-45', '2021-02-29', '2020-00-10', '2020-12-32', '12.03.2020'].forEach((date, i) => {
  put(`data-${i + 1}.txt`, `${sentence}data ${i + 1}`);
  fs.writeFileSync(path.join(bad, `data-${i + 1}.txt.meta.json`), JSON.stringify({ date }));
});
// Classic bad files.
for (let i = 1; i <= 3; i++) put(`pusty-${i}.txt`, '');
for (let i = 1; i <= 3; i++)
  put(`smieci-${i}.txt`, Buffer.from(Array.from({ length: 4096 }, (_, j) => (j * 7919 + i) % 256)));
for (let i = 1; i <= 3; i++)
  put(
    `uciety-${i}.pdf`,
    fs
      .readFileSync(
        execFileSync('find', [archive, '-name', '*.pdf'], { encoding: 'utf8' })
          .trim()
          .split('\n')[0]!,
      )
      .subarray(0, 300 * i),
  );
for (let i = 1; i <= 3; i++) put(`nie-zip-${i}.docx`, `to nie jest docx ${i}`);
put('zip-bez-dokumentu.docx', makeZip([['inne.txt', 'brak word/document.xml']]));
put(
  'haslo.docx',
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(512).fill(0)]),
);
put('cp1250.txt', Buffer.from([0x50, 0x69, 0xb9, 0x74, 0x65, 0x6b, 0x20, 0xb3, 0xf3, 0x64, 0x9f]));
for (const ext of ['doc', 'odt', 'xlsx', 'msg', 'exe']) put(`plik.${ext}`, `plik ${ext}`);
put('nie-mail.eml', 'to nie jest wiadomość e-mail');
put('pdf-smieci.pdf', '%PDF-1.7\nto nie jest pdf\n');
put('utf16.txt', Buffer.from('\ufeffPismo w UTF-16', 'utf16le'));
put('obraz.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
put('bez-rozszerzenia', 'plik bez rozszerzenia');
put('smieci.md', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]));

// Permissions last: the ingest runs as `uid`, which may read everything else.
execFileSync('chown', ['-R', `${uid}:${uid}`, work]);
for (let i = 1; i <= 3; i++) fs.chmodSync(path.join(bad, `tajne-${i}`), 0o000);
for (let i = 1; i <= 2; i++) fs.chmodSync(path.join(bad, `nieczytelny-${i}.txt`), 0o000);

const started = Date.now();
const child = spawn(process.execPath, [path.join(ROOT, 'bin/kancelaria.js'), 'ingest', archive], {
  cwd: ROOT,
  uid,
  gid: uid,
  env: {
    PATH: process.env.PATH ?? '',
    HOME: work,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    INGEST_FILE_TIMEOUT_S: String(timeoutS),
    OCR_WORKERS: '1',
  },
});
const rss = watchTreeRss(child.pid!);
let stdout = '';
let stderr = '';
child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
const peakMb = rss.stop();
const seconds = (Date.now() - started) / 1000;

const reported = new Map<string, string>();
for (const line of stdout.split('\n')) {
  const match = /^failed: (.+?): ([a-z0-9_]+): (.*)$/.exec(line);
  if (match) reported.set(match[1]!.normalize('NFC'), `${match[2]}: ${match[3]}`);
}
const missing = expected.filter((file) => !reported.has(file));
const db = new Database(path.join(dataDir, 'index.sqlite'), { readonly: true });
const files = new Set(
  (db.prepare('SELECT file FROM letters').all() as { file: string }[]).map((r) => r.file),
);
const samplesIndexed = [...files].filter((f) => !f.startsWith('zle/')).length;
const hostile = hostileButValid.map(
  (f) => `${f}: ${files.has(f) ? 'indexed' : (reported.get(f) ?? 'MISSING')}`,
);
const passageMax = (
  db.prepare('SELECT max(length(text)) AS m FROM passages').get() as { m: number }
).m;
const timeouts = [...reported.values()].filter((r) => r.startsWith('timeout')).length;

console.log(
  `malformed inputs: ${expected.length} expected reports + ${hostileButValid.length} long-line files, ${good} sample letters`,
);
console.log(
  `exit ${code}, ${seconds.toFixed(1)} s, peak RSS (ingest + worker + OCR) ${peakMb} MB; per process ${JSON.stringify(rss.peaks())}`,
);
console.log(
  `reported with a reason: ${expected.length - missing.length}/${expected.length}${missing.length ? `; NOT reported: ${missing.join(', ')}` : ''}`,
);
console.log(
  `sample letters indexed: ${samplesIndexed}/${good}; longest passage ${passageMax} chars; files stopped by the ${timeoutS} s timeout: ${timeouts}`,
);
for (const line of hostile) console.log(`  ${line}`);
const reasons = new Map<string, number>();
for (const r of reported.values())
  reasons.set(r.split(':')[0]!, (reasons.get(r.split(':')[0]!) ?? 0) + 1);
console.log(`reasons: ${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ')}`);
if (stderr.trim()) console.log(`stderr: ${stderr.trim().slice(0, 500)}`);
spawnCleanup();

function spawnCleanup(): void {
  execFileSync('chmod', ['-R', 'u+rwx', work]);
  fs.rmSync(work, { recursive: true, force: true });
}
