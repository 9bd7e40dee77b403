/**
 * A scaled copy of an index for `bench/measure-search-path.ts`: every letter
 * of `--from` written `--times` times under new ids (same text, so the
 * vocabulary does not grow: this is the flattering kind of scaling issue 16
 * warns about, used here only to see how the access rule and the term
 * statistics grow with the postings). Every `--restricted-every`-th copy gets
 * access group `zarzad`, so the access rule has letters to hide.
 *
 * `npx tsx bench/copy-index-scaled.ts --from FILE --to FILE [--times 10] [--restricted-every 5]`
 */
import fs from 'node:fs';
import { Command } from 'commander';
import { SqliteIndex } from '../src/archive/sqlite-index.js';

const program = new Command()
  .requiredOption('--from <file>', 'source index')
  .requiredOption('--to <file>', 'new index (replaced)')
  .option('--times <n>', 'copies of each letter', '10')
  .option(
    '--restricted-every <n>',
    'every n-th copy is restricted to group zarzad (0 = none)',
    '5',
  );
program.parse();
const options = program.opts<{
  from: string;
  to: string;
  times: string;
  restrictedEvery: string;
}>();
const times = Number(options.times);
const restrictedEvery = Number(options.restrictedEvery);

for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${options.to}${suffix}`, { force: true });
const source = new SqliteIndex({ path: options.from });
const target = new SqliteIndex({ path: options.to });
const started = performance.now();
for (const digest of await source.listLetters()) {
  const letter = await source.getLetter(digest.id);
  if (!letter) continue;
  const passages = await source.getPassages(digest.id);
  for (let copy = 0; copy < times; copy += 1) {
    const id = copy === 0 ? letter.id : `${letter.id}~${copy}`;
    const isRestricted = restrictedEvery > 0 && copy % restrictedEvery === restrictedEvery - 1;
    await target.upsertLetter(
      {
        ...letter,
        id,
        file: copy === 0 ? letter.file : `${letter.file}~${copy}`,
        accessGroup: isRestricted ? 'zarzad' : letter.accessGroup,
      },
      passages.map((p) => ({ ...p, id: `${id}:${p.ordinal}`, letterId: id })),
    );
  }
}
await target.markSynced(new Date());
console.log(
  JSON.stringify({
    ...(await target.stats()),
    seconds: +((performance.now() - started) / 1000).toFixed(1),
  }),
);
await Promise.all([source.close(), target.close()]);
