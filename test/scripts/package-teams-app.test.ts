import fs from 'node:fs';
import zlib from 'node:zlib';
import { buildTeamsPackage } from '../../scripts/package-teams-app.js';

const manifest = fs.readFileSync(new URL('../../teams/manifest.json', import.meta.url), 'utf8');

/** Reads a stored-entries zip back: name → bytes (checks each CRC). */
function readStoredZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (zip.readUInt32LE(offset) === 0x04034b50) {
    const size = zip.readUInt32LE(offset + 18);
    const nameLength = zip.readUInt16LE(offset + 26);
    const name = zip.subarray(offset + 30, offset + 30 + nameLength).toString('utf8');
    const data = zip.subarray(offset + 30 + nameLength, offset + 30 + nameLength + size);
    expect(zlib.crc32(data)).toBe(zip.readUInt32LE(offset + 14));
    files.set(name, data);
    offset += 30 + nameLength + size;
  }
  return files;
}

describe('buildTeamsPackage', () => {
  test('fills the app id and domain and packs the manifest with both icons', () => {
    const files = readStoredZip(buildTeamsPackage({ manifest, appId: 'app-guid', domain: 'kancelaria.example.pl' }));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const parsed = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(parsed.id).toBe('app-guid');
    expect(parsed.bots[0]).toMatchObject({ botId: 'app-guid', scopes: ['personal', 'team', 'groupChat'] });
    expect(parsed.validDomains).toEqual(['kancelaria.example.pl']);
    expect(files.get('color.png')!.readUInt32BE(16)).toBe(192);
    expect(files.get('outline.png')!.readUInt32BE(16)).toBe(32);
  });

  test('refuses a URL where a host name belongs', () => {
    expect(() => buildTeamsPackage({ manifest, appId: 'a', domain: 'https://x.pl/' })).toThrow('--domain');
  });
});
