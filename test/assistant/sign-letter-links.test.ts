import { createLetterLinks } from '../../src/assistant/sign-letter-links.js';
import { loadConfig } from '../../src/config.js';

const KEY = 'k'.repeat(32);
const claims = {
  letterId: 'abc123',
  page: 2,
  quote: 'W ramach Tygodnia Polskiego…',
  userId: 'slack:U1',
};

function queryOf(path: string) {
  const url = new URL(path, 'https://x.example');
  return {
    id: decodeURIComponent(url.pathname.split('/')[2]!),
    q: Object.fromEntries(url.searchParams) as Record<string, string>,
  };
}

describe('createLetterLinks', () => {
  const now = new Date('2026-01-01T10:00:00Z');
  const links = createLetterLinks({
    key: KEY,
    baseUrl: 'https://k.example/',
    ttlSeconds: 60,
    now: () => now,
  });

  test('a link it signed verifies, with the claims it was made for', () => {
    const url = links.signUrl(claims);
    expect(url.startsWith('https://k.example/letters/abc123?page=2&')).toBe(true);
    const { id, q } = queryOf(url);
    const result = links.verify(id, q);
    expect(result).toEqual({
      status: 'ok',
      claims: { ...claims, expiresAt: now.getTime() / 1000 + 60 },
    });
  });

  test.each([
    ['page', '3'],
    ['u', 'slack:U2'],
    ['q', 'inny cytat'],
    ['exp', String(now.getTime() / 1000 + 3600)],
    ['sig', 'AAAA'],
  ])('editing %s makes it tampered', (field, value) => {
    const { id, q } = queryOf(links.signPath(claims));
    expect(links.verify(id, { ...q, [field]: value }).status).toBe('tampered');
  });

  test('another letter id, a dropped page or another key: tampered', () => {
    const { id, q } = queryOf(links.signPath(claims));
    expect(links.verify('other', q).status).toBe('tampered');
    expect(links.verify(id, { ...q, page: null }).status).toBe('tampered');
    const other = createLetterLinks({
      key: 'z'.repeat(32),
      baseUrl: 'https://k.example',
      ttlSeconds: 60,
      now: () => now,
    });
    expect(other.verify(id, q).status).toBe('tampered');
  });

  test('past its expiry: expired, not tampered', () => {
    const { id, q } = queryOf(links.signPath(claims));
    const later = createLetterLinks({
      key: KEY,
      baseUrl: 'https://k.example',
      ttlSeconds: 60,
      now: () => new Date(now.getTime() + 61_000),
    });
    expect(later.verify(id, q).status).toBe('expired');
  });

  test('a letter without pages signs and verifies with no page', () => {
    const { id, q } = queryOf(links.signPath({ ...claims, page: null }));
    expect(q.page).toBeUndefined();
    expect(links.verify(id, q)).toMatchObject({ status: 'ok', claims: { page: null } });
  });
});

describe('viewer settings', () => {
  test('PUBLIC_BASE_URL needs LINK_SIGNING_KEY; with both the viewer is on', () => {
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'https://k.example' })).toThrow(/LINK_SIGNING_KEY/);
    expect(() =>
      loadConfig({ PUBLIC_BASE_URL: 'https://k.example', LINK_SIGNING_KEY: 'short' }),
    ).toThrow(/at least 32/);
    expect(loadConfig({}).viewerEnabled).toBe(false);
    expect(
      loadConfig({ PUBLIC_BASE_URL: 'https://k.example', LINK_SIGNING_KEY: KEY }).viewerEnabled,
    ).toBe(true);
  });
});
