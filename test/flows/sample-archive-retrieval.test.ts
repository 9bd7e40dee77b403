/**
 * How councillors actually ask, on the committed sample archive: by person,
 * by reference number in any spelling, by interpellation number, by month,
 * without Polish letters. The right letter must come first.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { silentLogger } from '../../src/logger.js';
import { retrievePassages } from '../../src/retrieval/retrieve-passages.js';
import { syncArchive } from '../../ingest/sync-archive.js';

const SAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples/letters');
let index: SqliteIndex;

beforeAll(async () => {
  index = new SqliteIndex({ path: ':memory:' });
  await syncArchive({
    index,
    archiveDir: SAMPLES,
    maxBytes: 50e6,
    maxPages: 100,
    logger: silentLogger(),
  });
});
afterAll(async () => index.close());

const topFile = async (question: string) =>
  (await retrievePassages({ index, question, k: 5 }))[0]?.letter.file;

test.each([
  ['Co odpowiedziano radnemu Krzakowi?', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['pismo zastępcy prezydenta Michalika', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['WEN 9823 2020 RFZ', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['wen.9823.2020.rfz', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['wspolpraca z prowincja Liaoning', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['pismo z marca 2020 o Chinach', 'chorzow/2020-03-02-wen-9823-2020-rfz-liaoning.pdf'],
  ['odpowiedź na interpelację nr 17977', 'sejm/i17977-DWDJHL.pdf'],
  ['legitymacja doktorancka w formie elektronicznej', 'sejm/i11845-DVJFZM.txt'],
])('%s → %s', async (question, file) => {
  expect(await topFile(question)).toBe(file);
});
