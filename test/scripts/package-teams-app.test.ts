/**
 * The Teams app package: built in process and through the real command, as an
 * admin runs it (only MICROSOFT_APP_ID set), and its manifest checked against
 * Microsoft's schema for the manifest version it declares (vendored).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Ajv as AjvCore } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { unzipSync } from 'fflate';
import { buildTeamsPackage } from '../../scripts/package-teams-app.js';
import { LEGAL_PATHS } from '../../src/channels/legal/legal-routes.js';

const root = new URL('../../', import.meta.url);
const manifest = fs.readFileSync(new URL('teams/manifest.json', root), 'utf8');
const APP_ID = '0b5e7b1c-3c1a-4f7e-9d2a-1b2c3d4e5f60';

/** Reads the zip back with an independent reader (fflate checks each entry's CRC): name → bytes. */
function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(
    Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => [name, Buffer.from(data)]),
  );
}

// Both are CommonJS with a default export; under NodeNext the types see the namespace (as in qdrant-spec.ts).
const AjvDraft04 = AjvDraft04Module as unknown as new (options: object) => AjvCore;
const addFormats = addFormatsModule as unknown as (ajv: AjvCore) => AjvCore;
// Microsoft's manifest schemas are draft-04 (its own toolkit validates them with ajv-draft-04).
const ajv = new AjvDraft04({ allErrors: true, strict: false });
addFormats(ajv);
const validateManifest = ajv.compile(
  JSON.parse(
    fs.readFileSync(new URL('test/fixtures/teams/MicrosoftTeams.v1.22.schema.json', root), 'utf8'),
  ) as object,
);

/** Runs `npm run teams:package` as the admin would: node + tsx, the given environment only. */
function runCommand(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package-teams-app.ts', ...args], {
    cwd: new URL('.', root).pathname,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
}

describe('buildTeamsPackage', () => {
  test('fills the app id and domain and packs the manifest with both icons', () => {
    const files = readZip(
      buildTeamsPackage({ manifest, appId: APP_ID, domain: 'kancelaria.example.pl' }),
    );
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const parsed = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(parsed.id).toBe(APP_ID);
    expect(parsed.bots[0]).toMatchObject({
      botId: APP_ID,
      scopes: ['personal', 'team', 'groupChat'],
    });
    expect(parsed.validDomains).toEqual(['kancelaria.example.pl']);
    expect(files.get('color.png')!.readUInt32BE(16)).toBe(192);
    expect(files.get('outline.png')!.readUInt32BE(16)).toBe(32);
  });

  test('the manifest passes the vendored v1.22 schema, and a broken one does not', () => {
    const files = readZip(buildTeamsPackage({ manifest, appId: APP_ID, domain: 'example.org' }));
    const parsed = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(parsed.manifestVersion).toBe('1.22');
    expect(parsed.$schema).toContain('/v1.22/');
    expect(validateManifest(parsed) ? [] : validateManifest.errors).toEqual([]);
    expect(validateManifest({ ...parsed, id: 'not-a-guid' })).toBe(false);
  });

  test('privacy and terms point at the pages the server serves', () => {
    const parsed = JSON.parse(
      readZip(buildTeamsPackage({ manifest, appId: APP_ID, domain: 'example.org' }))
        .get('manifest.json')!
        .toString('utf8'),
    );
    expect(parsed.developer.privacyUrl).toBe(`https://example.org${LEGAL_PATHS.privacy}`);
    expect(parsed.developer.termsOfUseUrl).toBe(`https://example.org${LEGAL_PATHS.terms}`);
  });

  test('refuses a URL where a host name belongs', () => {
    expect(() => buildTeamsPackage({ manifest, appId: APP_ID, domain: 'https://x.pl/' })).toThrow(
      '--domain',
    );
  });
});

describe('npm run teams:package', () => {
  const tmp = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'teams-package-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('with only MICROSOFT_APP_ID set, writes a zip whose manifest passes the schema', () => {
    const out = path.join(tmp, 'app.zip');
    const run = runCommand(['--domain', 'example.org', '--out', out], { MICROSOFT_APP_ID: APP_ID });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    const parsed = JSON.parse(readZip(fs.readFileSync(out)).get('manifest.json')!.toString('utf8'));
    expect(validateManifest(parsed)).toBe(true);
  });

  test.each([
    [{}, ['--domain', 'example.org'], 'MICROSOFT_APP_ID: required'],
    [{ MICROSOFT_APP_ID: 'abc' }, ['--domain', 'example.org'], 'must be a GUID'],
    [{ MICROSOFT_APP_ID: APP_ID }, [], '--domain is required'],
    [{ MICROSOFT_APP_ID: APP_ID }, ['--domain', 'https://example.org/'], 'host name'],
  ])('a mistake (%j %j) is one line and exit code 2, no stack trace', (env, args, message) => {
    const run = runCommand([...args, '--out', path.join(tmp, 'never.zip')], env);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(tmp, 'never.zip'))).toBe(false);
  });
});
