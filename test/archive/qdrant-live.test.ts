/**
 * The ArchiveIndex contract against a real Qdrant. Runs only when QDRANT_URL
 * is set (`npm run test:qdrant`, see docs/deploy.md); otherwise it is skipped
 * with a visible notice, because CI here has no Docker and no Qdrant.
 */
import { loadConfig } from '../../src/config.js';
import { resolveAlias } from '../../src/archive/qdrant-collection.js';
import { openQdrantIndex } from '../../src/archive/open-qdrant-index.js';
import { beginRebuild } from '../../src/archive/qdrant-rebuild.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { qdrantClient, qdrantConfig } from '../helpers/qdrant.js';
import { describeArchiveIndexContract } from './archive-index-contract.js';

const config = loadConfig();
const url = config.QDRANT_URL;
const run = `kancelaria_test_${Date.now()}`;
const aliases: string[] = [];

if (!url) {
  // The skip must be visible in the test output.
  console.warn(
    'qdrant-live.test.ts skipped: set QDRANT_URL (e.g. docker run -p 6333:6333 qdrant/qdrant) and run `npm run test:qdrant`',
  );
  describe.skip('QdrantIndex against a live Qdrant (QDRANT_URL not set)', () => {
    test('skipped', () => undefined);
  });
} else {
  const client = qdrantClient(url, config.QDRANT_API_KEY);
  afterAll(async () => {
    // Each test made its own alias + collection; remove them so the server stays clean.
    for (const alias of aliases) {
      const target = await resolveAlias({ client }, alias);
      if (target) await client.deleteCollection(target);
    }
  });

  describeArchiveIndexContract(`QdrantIndex (live Qdrant at ${url})`, async () => {
    const alias = `${run}_${aliases.length}`;
    aliases.push(alias);
    return openQdrantIndex({
      config: { ...qdrantConfig(url, alias), QDRANT_API_KEY: config.QDRANT_API_KEY },
      client,
    });
  });

  describe('QdrantIndex rebuild (live)', () => {
    test('alias swap moves readers to the rebuilt collection', async () => {
      const alias = `${run}_rebuild`;
      aliases.push(alias);
      const reader = await openQdrantIndex({ config: qdrantConfig(url, alias), client });
      await reader.upsertLetter(
        makeLetter({ id: 'old' }),
        makePassages('old', ['Kopalnia Barbara.']),
      );
      const rebuild = await beginRebuild({ client, alias, settings: {} });
      await rebuild.index.upsertLetter(
        makeLetter({ id: 'new' }),
        makePassages('new', ['Kopalnia Wujek.']),
      );
      expect((await reader.search('kopalnia', { k: 5 })).map((h) => h.letter.id)).toEqual(['old']);
      await rebuild.commit();
      expect((await reader.search('kopalnia', { k: 5 })).map((h) => h.letter.id)).toEqual(['new']);
    });
  });
}
