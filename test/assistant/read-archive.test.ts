import { SqliteIndex } from '../../src/archive/sqlite-index.js';
import { createRateLimiter, withRateLimit } from '../../src/assistant/rate-limit.js';
import { createArchiveReader } from '../../src/assistant/read-archive.js';
import type { AuditRecord } from '../../src/assistant/state-store.js';
import type { Assistant } from '../../src/assistant/types.js';
import { RateLimitedError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { makeLetter, makePassages } from '../helpers/letters.js';
import { LIAONING_REFERENCE, seedSampleArchive } from '../helpers/sample-archive.js';
import { createLetterLinks } from '../../src/assistant/sign-letter-links.js';

async function seededIndex(): Promise<SqliteIndex> {
  const index = new SqliteIndex({ path: ':memory:' });
  await seedSampleArchive(index);
  await index.upsertLetter(
    makeLetter({ id: 'secret', file: 'poufne/notatka.txt', accessGroup: 'poufne' }),
    makePassages('secret', ['Współpraca z prowincją Liaoning: poufna notatka KP-5519.']),
  );
  return index;
}

describe('createArchiveReader', () => {
  test('search groups passages by letter and keeps restricted letters to their group, read by the asker only', async () => {
    const index = await seededIndex();
    const reader = createArchiveReader({ index, logger: silentLogger() });
    const granted = { id: 'mcp:anna', accessGroups: ['poufne'] };
    const files = async (audience: 'asker' | 'shared' | undefined, user = granted) =>
      (
        await reader.search({
          query: 'prowincja Liaoning',
          user,
          channel: 'mcp',
          ...(audience ? { audience } : {}),
        })
      ).letters.map((l) => l.letter.file);
    expect(await files('asker')).toContain('poufne/notatka.txt');
    // Others read along (or nobody said who reads): public letters only, as for answers.
    expect(await files('shared')).not.toContain('poufne/notatka.txt');
    expect(await files(undefined)).not.toContain('poufne/notatka.txt');
    expect(await files('asker', { id: 'mcp:jan', accessGroups: [] })).not.toContain(
      'poufne/notatka.txt',
    );
    const { letters } = await reader.search({
      query: 'Liaoning',
      reference: LIAONING_REFERENCE,
      channel: 'mcp',
    });
    expect(letters.map((l) => l.letter.reference)).toEqual([LIAONING_REFERENCE]);
    expect(letters[0]!.passages.length).toBeGreaterThan(1);
    expect(letters[0]!.passages.every((p) => p.viewerUrl === null)).toBe(true);
    await index.close();
  });

  test('getLetter returns null alike for a missing and a restricted letter, and links the viewer when one is configured', async () => {
    const index = await seededIndex();
    const audit: Omit<AuditRecord, 'at'>[] = [];
    const links = createLetterLinks({
      key: 'k'.repeat(32),
      baseUrl: 'https://viewer.example',
      ttlSeconds: 600,
    });
    const reader = createArchiveReader({
      index,
      logger: silentLogger(),
      audit: (r) => audit.push(r),
      linkPassage: ({ letter, page, quote, userId }) =>
        links.signUrl({ letterId: letter.id, page, quote, userId }),
    });
    const jan = { id: 'mcp:jan', accessGroups: [] };
    expect(
      await reader.getLetter({ letterId: 'secret', user: jan, audience: 'asker', channel: 'mcp' }),
    ).toBeNull();
    expect(
      await reader.getLetter({ letterId: 'nope', user: jan, audience: 'asker', channel: 'mcp' }),
    ).toBeNull();
    const anna = { id: 'mcp:anna', accessGroups: ['poufne'] };
    const shown = await reader.getLetter({
      letterId: 'secret',
      user: anna,
      audience: 'asker',
      channel: 'mcp',
    });
    expect(shown?.passages.map((p) => p.text).join(' ')).toContain('KP-5519');
    // Signed for anna: the viewer accepts it as hers, and not once the user is swapped.
    const url = new URL(shown!.viewerUrl!);
    expect(url.origin + url.pathname).toBe('https://viewer.example/letters/secret');
    const query = Object.fromEntries(url.searchParams);
    expect(links.verify('secret', query)).toMatchObject({
      status: 'ok',
      claims: { userId: 'mcp:anna' },
    });
    expect(links.verify('secret', { ...query, u: 'mcp:jan' })).toEqual({ status: 'tampered' });
    const found = await reader.search({
      query: 'KP-5519',
      user: anna,
      audience: 'asker',
      channel: 'mcp',
    });
    const passage = found.letters.find((l) => l.letter.id === 'secret')!.passages[0]!;
    const claims = links.verify(
      'secret',
      Object.fromEntries(new URL(passage.viewerUrl!).searchParams),
    );
    expect(claims).toMatchObject({ status: 'ok', claims: { page: passage.passage.page } });
    expect(
      passage.passage.text.startsWith((claims as { claims: { quote: string } }).claims.quote),
    ).toBe(true);
    expect(audit.map((r) => [r.userId, r.action, r.allowed, r.detail])).toEqual([
      ['mcp:jan', 'letter', false, 'secret'],
      ['mcp:jan', 'letter', false, 'nope'],
      ['mcp:anna', 'letter', true, 'secret'],
      ['mcp:anna', 'search', true, 'KP-5519'],
    ]);
    await index.close();
  });

  test('reads and answers spend one per-user budget; a refused read is audited and throws RateLimitedError', async () => {
    const index = await seededIndex();
    const audit: Omit<AuditRecord, 'at'>[] = [];
    const limiter = createRateLimiter({ perMinute: 2, now: () => 0 });
    const reader = createArchiveReader({
      index,
      logger: silentLogger(),
      limiter,
      audit: (r) => audit.push(r),
    });
    const echo: Assistant = {
      async *answer(request) {
        yield { type: 'delta', text: request.question };
      },
      draft: () => Promise.reject(new Error('not used')),
    };
    const assistant = withRateLimit(echo, { perMinute: 2, limiter });
    const user = { id: 'mcp:anna' };
    for await (const _event of assistant.answer({ question: 'q', user })) void _event;
    await reader.search({ query: 'Liaoning', user, channel: 'mcp' });
    await expect(reader.search({ query: 'Liaoning', user, channel: 'mcp' })).rejects.toBeInstanceOf(
      RateLimitedError,
    );
    await expect(
      reader.getLetter({ letterId: 'i10446', user, channel: 'mcp' }),
    ).rejects.toBeInstanceOf(RateLimitedError);
    // Another user's budget is untouched.
    await expect(
      reader.search({ query: 'Liaoning', user: { id: 'mcp:jan' }, channel: 'mcp' }),
    ).resolves.toBeDefined();
    expect(audit.map((r) => [r.userId, r.action, r.allowed])).toEqual([
      ['mcp:anna', 'search', true],
      ['mcp:anna', 'search', false],
      ['mcp:anna', 'letter', false],
      ['mcp:jan', 'search', true],
    ]);
    await index.close();
  });
});
