import fs from 'node:fs';
import { unzipSync } from 'fflate';
import { buildTeamsPackage } from '../../scripts/package-teams-app.js';

const manifest = fs.readFileSync(new URL('../../teams/manifest.json', import.meta.url), 'utf8');

/** Reads the zip back with an independent reader (fflate checks each entry's CRC): name → bytes. */
function readZip(zip: Buffer): Map<string, Buffer> {
  return new Map(
    Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => [name, Buffer.from(data)]),
  );
}

describe('buildTeamsPackage', () => {
  test('fills the app id and domain and packs the manifest with both icons', () => {
    const files = readZip(
      buildTeamsPackage({ manifest, appId: 'app-guid', domain: 'kancelaria.example.pl' }),
    );
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const parsed = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(parsed.id).toBe('app-guid');
    expect(parsed.bots[0]).toMatchObject({
      botId: 'app-guid',
      scopes: ['personal', 'team', 'groupChat'],
    });
    expect(parsed.validDomains).toEqual(['kancelaria.example.pl']);
    expect(files.get('color.png')!.readUInt32BE(16)).toBe(192);
    expect(files.get('outline.png')!.readUInt32BE(16)).toBe(32);
  });

  test('refuses a URL where a host name belongs', () => {
    expect(() => buildTeamsPackage({ manifest, appId: 'a', domain: 'https://x.pl/' })).toThrow(
      '--domain',
    );
  });
});
