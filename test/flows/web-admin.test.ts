/**
 * The console's admin page at the HTTP boundary: a real server on loopback
 * over the real app (SQLite index, state store, archive folder on disk).
 * Its own secret, status, last sync failures, uploads with every refusal,
 * and a reindex followed to done through its progress endpoint.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN_TEXT, USER_MESSAGES_PL } from '../../src/messages.js';
import {
  ADMIN_TOKEN,
  BROKEN_PDF,
  STAFF_TOKEN,
  startAdminConsole,
  type AdminHarness,
} from '../helpers/admin-harness.js';

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

let harness: AdminHarness;
beforeAll(async () => {
  harness = await startAdminConsole();
});
afterAll(() => harness.close());

function upload(name: string, body: Buffer | string, headers: Record<string, string> = admin) {
  return fetch(`${harness.url}/admin/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body,
  });
}

/** Polls the progress endpoint until the reindex is no longer running. */
async function waitForReindex(): Promise<{
  state: string;
  done: number;
  total: number;
  summary: string;
}> {
  for (;;) {
    const job = (await (
      await fetch(`${harness.url}/admin/api/progress`, { headers: admin })
    ).json()) as {
      state: string;
      done: number;
      total: number;
      summary: string;
    };
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('admin access', () => {
  test('the page asks for the admin secret without one, with a wrong one, and with the staff token', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong-admin-secret-000' },
      { authorization: `Bearer ${STAFF_TOKEN}` },
    ]) {
      const page = await fetch(`${harness.url}/admin`, { headers });
      expect(page.status).toBe(401);
      const html = await page.text();
      expect(html).toContain('action="/admin/login"');
      expect(html).not.toContain(BROKEN_PDF);
      const api = await fetch(`${harness.url}/admin/api/status`, { headers });
      expect(api.status).toBe(401);
      expect(((await api.json()) as { message: string }).message).toBe(
        USER_MESSAGES_PL.access_denied,
      );
      expect((await upload('nowe.txt', 'treść', headers)).status).toBe(401);
    }
    expect(fs.existsSync(path.join(harness.archiveDir, 'nowe.txt'))).toBe(false);
  });

  test('the staff session cookie does not open the admin page; the admin login does', async () => {
    const staffLogin = await fetch(`${harness.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: STAFF_TOKEN }),
      redirect: 'manual',
    });
    const staffCookie = staffLogin.headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${harness.url}/admin`, { headers: { cookie: staffCookie } })).status).toBe(
      401,
    );

    const wrong = await fetch(`${harness.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: STAFF_TOKEN }),
      redirect: 'manual',
    });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${harness.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
      redirect: 'manual',
    });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^kancelaria_admin=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).not.toContain(ADMIN_TOKEN);
    const page = await fetch(`${harness.url}/admin`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(page.status).toBe(200);
    // …and the admin cookie is no staff session: the console still asks for its own token.
    expect(
      (await fetch(`${harness.url}/`, { headers: { cookie: cookie.split(';')[0]! } })).status,
    ).toBe(401);
  });

  test('wrong admin secrets are throttled per address (429 with Retry-After), then even the right one waits', async () => {
    const own = await startAdminConsole();
    try {
      const tryLogin = (token: string) =>
        fetch(`${own.url}/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token }),
          redirect: 'manual',
        });
      for (let i = 0; i < 5; i += 1)
        expect((await tryLogin(`zgadywane-haslo-${i}-000`)).status).toBe(401);
      const throttled = await tryLogin(ADMIN_TOKEN);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(throttled.headers.get('set-cookie')).toBeNull();
      const refused = own.app.store.listAudit().filter((r) => r.action === 'login' && !r.allowed);
      expect(refused).toHaveLength(5);
    } finally {
      await own.close();
    }
  });

  test('without WEB_ADMIN_TOKEN there is no admin page', async () => {
    const bare = await startAdminConsole({ WEB_ADMIN_TOKEN: '' });
    try {
      expect((await fetch(`${bare.url}/admin`, { headers: admin })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('status and the last sync', () => {
  test('status JSON: letters, passages, backend, last sync and its failure with the reason', async () => {
    const res = await fetch(`${harness.url}/admin/api/status`, { headers: admin });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: { backend: string; letters: number; passages: number; lastSync: string | null };
      lastSync: { added: number; failed: number; failures: { file: string; reason: string }[] };
    };
    expect(body.status).toMatchObject({ backend: 'sqlite', letters: 2 });
    expect(body.status.passages).toBeGreaterThanOrEqual(2);
    expect(body.status.lastSync).not.toBeNull();
    expect(body.lastSync).toMatchObject({ added: 2, failed: 1 });
    expect(body.lastSync.failures).toEqual([expect.objectContaining({ file: BROKEN_PDF })]);
    expect(body.lastSync.failures[0]!.reason).not.toBe('');
  });

  test('the page shows the failed file with its reason, escaped, and the feedback list', async () => {
    harness.app.store.recordFeedback({
      channel: 'slack',
      userId: 'U1',
      conversationId: null,
      messageId: null,
      rating: 'down',
      comment: '<b>zła</b> odpowiedź',
      question: 'Kto podpisał pismo?',
      answer: 'Nie wiem.',
      citations: [],
    });
    const html = await (await fetch(`${harness.url}/admin`, { headers: admin })).text();
    const failures = html.slice(html.indexOf('id="failures"'), html.indexOf('id="reindex"'));
    expect(failures).toContain(BROKEN_PDF);
    const { failures: list } = harness.app.store.lastSync()!;
    expect(failures).toContain(list[0]!.reason);
    expect(html).toContain('&lt;b&gt;zła&lt;/b&gt; odpowiedź');
    expect(html).not.toContain('<b>zła</b>');
    const csv = await fetch(`${harness.url}/admin/feedback.csv`, { headers: admin });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await csv.text()).toContain('Kto podpisał pismo?');
    const json = (await (
      await fetch(`${harness.url}/admin/feedback.json`, { headers: admin })
    ).json()) as unknown[];
    expect(json).toHaveLength(1);
  });
});

describe('upload into the archive', () => {
  test('a text letter is written into ARCHIVE_DIR under its NFC name, with no temp file left', async () => {
    const name = 'Pismo z\u0301lobek.txt'; // NFD "ź", as macOS sends it
    const res = await upload(name, 'Pismo w sprawie żłobka przy ulicy Katowickiej.\n');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { file: string; message: string };
    expect(body.file).toBe(name.normalize('NFC'));
    expect(body.message).toBe(ADMIN_TEXT.uploaded(body.file));
    expect(fs.readFileSync(path.join(harness.archiveDir, body.file), 'utf8')).toContain('żłobka');
    expect(fs.readdirSync(harness.archiveDir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  test('a real PDF and a DOCX-shaped zip pass the magic-byte check', async () => {
    expect((await upload('skan.pdf', Buffer.from('%PDF-1.7\n%…'))).status).toBe(201);
    expect((await upload('pismo.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).status).toBe(
      201,
    );
  });

  test.each([
    ['program.exe', Buffer.from('MZ\x90\x00'), 415, 'bad_type'],
    ['udawany.pdf', Buffer.from('MZ to nie PDF'), 415, 'bad_content'],
    ['udawany.docx', Buffer.from('%PDF-1.4'), 415, 'bad_content'],
    ['latin2.txt', Buffer.from([0x50, 0xb3, 0x6f, 0xff]), 415, 'bad_content'],
    ['../ucieczka.txt', 'tekst', 400, 'bad_name'],
    ['podfolder/plik.txt', 'tekst', 400, 'bad_name'],
    ['.ukryty.txt', 'tekst', 400, 'bad_name'],
    ['', 'tekst', 400, 'bad_name'],
    ['pusty.txt', '', 400, 'empty'],
    ['liaoning.txt', 'nadpisanie', 409, 'exists'],
  ] as const)('%s is refused (%s)', async (name, body, status, reason) => {
    const before = fs.readFileSync(path.join(harness.archiveDir, 'liaoning.txt'), 'utf8');
    const res = await upload(name, body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: string; message: string };
    expect(json.error).toBe(reason);
    const sentence = ADMIN_TEXT.uploadRefused[reason];
    expect(json.message).toBe(
      typeof sentence === 'string' ? sentence : sentence('.pdf, .docx, .eml, .txt, .md'),
    );
    if (name && !name.includes('/')) {
      const landed = path.join(harness.archiveDir, name);
      if (reason !== 'exists') expect(fs.existsSync(landed)).toBe(false);
    }
    expect(fs.existsSync(path.join(path.dirname(harness.archiveDir), 'ucieczka.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(harness.archiveDir, 'liaoning.txt'), 'utf8')).toBe(before);
  });

  test('a file above INGEST_MAX_FILE_MB is refused with the limit named', async () => {
    const res = await upload('duzy.txt', Buffer.alloc(1024 * 1024 + 1, 0x61));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toBe(
      ADMIN_TEXT.uploadRefused.too_large(1),
    );
    expect(fs.existsSync(path.join(harness.archiveDir, 'duzy.txt'))).toBe(false);
  });

  test('without ARCHIVE_DIR uploads are refused', async () => {
    const bare = await startAdminConsole({ ARCHIVE_DIR: '' });
    try {
      const res = await fetch(`${bare.url}/admin/upload?name=a.txt`, {
        method: 'POST',
        headers: admin,
        body: 'tekst',
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { message: string }).message).toBe(
        ADMIN_TEXT.uploadRefused.no_archive,
      );
    } finally {
      await bare.close();
    }
  });
});

describe('reindex', () => {
  test('runs through app.admin, a second start says one is running, progress reaches done with the summary', async () => {
    const start = await fetch(`${harness.url}/admin/api/reindex`, {
      method: 'POST',
      headers: admin,
    });
    expect(start.status).toBe(202);
    const again = await fetch(`${harness.url}/admin/api/reindex`, {
      method: 'POST',
      headers: admin,
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toBe(ADMIN_TEXT.reindexRunning);
    const job = await waitForReindex();
    expect(job.state).toBe('done');
    expect(job.total).toBeGreaterThan(0);
    expect(job.done).toBe(job.total);
    // The uploads of the tests above are now letters; the broken PDF is named with its reason.
    expect(job.summary).toContain(BROKEN_PDF);
    const { status } = (await (
      await fetch(`${harness.url}/admin/api/status`, { headers: admin })
    ).json()) as {
      status: { letters: number };
    };
    expect(status.letters).toBeGreaterThan(2);
    const audit = harness.app.store.listAudit().filter((r) => r.userId === 'web:admin');
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['reindex', 'reindex.finished', 'upload']),
    );
  });
});
