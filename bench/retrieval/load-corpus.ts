/**
 * Letters and passages of a corpus folder, extracted once per process by
 * running the real sync pipeline into a recording index, so experiments index
 * exactly what `kancelaria ingest` would.
 */
import type { ArchiveIndex, Letter, Passage } from '../../src/archive/types.js';
import { createLogger } from '../../src/logger.js';
import { syncArchive } from '../../ingest/sync-archive.js';

export interface CorpusLetter {
  readonly letter: Letter;
  readonly passages: readonly Passage[];
}

/** Reads and chunks every letter of a corpus folder. */
export async function loadCorpus(dir: string): Promise<CorpusLetter[]> {
  const letters: CorpusLetter[] = [];
  const recorder: Pick<
    ArchiveIndex,
    'upsertLetter' | 'listLetters' | 'deleteLetter' | 'markSynced' | 'stats'
  > = {
    upsertLetter: async (letter, passages) => {
      letters.push({ letter, passages });
    },
    listLetters: async () => [],
    deleteLetter: async () => {},
    markSynced: async () => {},
    stats: async () => ({
      backend: 'sqlite',
      letters: letters.length,
      passages: 0,
      lastSync: null,
    }),
  };
  await syncArchive({
    index: recorder as ArchiveIndex,
    archiveDir: dir,
    maxBytes: 50 * 1024 * 1024,
    maxPages: 500,
    logger: createLogger('warn'),
  });
  return letters;
}
