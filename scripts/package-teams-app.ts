/**
 * `MICROSOFT_APP_ID=… npm run teams:package -- --domain bot.example.pl [--out FILE]`:
 * writes the Teams app package (manifest.json + two icons) to upload in Teams
 * Admin Center or "Upload a custom app". Only the bot's app id is needed (read
 * through src/config.ts `loadTeamsPackageConfig`): no password, no other
 * setting. A mistake ends in one line on stderr and exit code 2, never a stack
 * trace. Icons are drawn here (two flat shapes need no image library); fflate
 * writes the zip.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { ConfigError, loadTeamsPackageConfig } from '../src/config.js';

type Rgba = readonly [number, number, number, number];

/** Encodes an RGBA image as PNG. */
export function encodePng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => Rgba,
): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A sheet of paper with text lines: is (x, y) on it, in a `size`-pixel square? */
function isOnLetter(x: number, y: number, size: number, isOutline: boolean): boolean {
  const u = x / size;
  const v = y / size;
  const inside = u >= 0.25 && u <= 0.75 && v >= 0.15 && v <= 0.85;
  if (!inside) return false;
  const edge = 1.5 / size;
  const isBorder = u < 0.25 + edge || u > 0.75 - edge || v < 0.15 + edge || v > 0.85 - edge;
  if (isOutline)
    return (
      isBorder ||
      (u > 0.33 && u < 0.67 && [0.35, 0.5, 0.65].some((line) => Math.abs(v - line) < edge))
    );
  return !(u > 0.33 && u < 0.67 && [0.35, 0.5, 0.65].some((line) => Math.abs(v - line) < 0.02));
}

/** The 192×192 colour icon and the 32×32 white-on-transparent outline icon Teams requires. */
export function drawIcons(): { color: Buffer; outline: Buffer } {
  const accent: Rgba = [0x1f, 0x4e, 0x79, 255];
  const white: Rgba = [255, 255, 255, 255];
  const clear: Rgba = [0, 0, 0, 0];
  return {
    color: encodePng(192, 192, (x, y) => (isOnLetter(x, y, 192, false) ? white : accent)),
    outline: encodePng(32, 32, (x, y) => (isOnLetter(x, y, 32, true) ? white : clear)),
  };
}

/** The domain is not a bare host name (a URL, a path). */
export class DomainError extends Error {}

export interface BuildTeamsPackageOptions {
  /** teams/manifest.json as text, with `{{MICROSOFT_APP_ID}}` and `{{BOT_DOMAIN}}` placeholders. */
  readonly manifest: string;
  readonly appId: string;
  /** Public host name of the bot (no scheme), e.g. `kancelaria.chorzow.eu`. */
  readonly domain: string;
}

/**
 * The app package as a zip buffer.
 * @throws {DomainError} when the domain has a scheme or path.
 * @throws {Error} when a placeholder is left in the manifest.
 */
export function buildTeamsPackage({ manifest, appId, domain }: BuildTeamsPackageOptions): Buffer {
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(domain))
    throw new DomainError(`--domain must be a host name like bot.example.pl, got ${domain}`);
  const filled = manifest
    .replaceAll('{{MICROSOFT_APP_ID}}', appId)
    .replaceAll('{{BOT_DOMAIN}}', domain);
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left) throw new Error(`manifest placeholder ${left[0]} has no value`);
  JSON.parse(filled);
  const icons = drawIcons();
  return Buffer.from(
    zipSync({
      'manifest.json': strToU8(filled),
      'color.png': new Uint8Array(icons.color),
      'outline.png': new Uint8Array(icons.outline),
    }),
  );
}

const USAGE =
  'usage: MICROSOFT_APP_ID=<app id> npm run teams:package -- --domain bot.example.pl [--out FILE.zip]';

/** A mistake of the caller: shown as one line, exit code 2. */
class UsageError extends Error {}

/** Runs the command; returns the exit code. Never throws for the caller's mistakes. */
export function runPackageTeamsApp(
  argv: readonly string[],
  write: { out: (line: string) => void; err: (line: string) => void },
  /** Environment for tests; config.ts reads the process's own otherwise. */
  env?: Record<string, string | undefined>,
): number {
  try {
    const option = (name: string) => {
      const i = argv.indexOf(name);
      if (i < 0) return undefined;
      const value = argv[i + 1];
      if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value; ${USAGE}`);
      return value;
    };
    const domain = option('--domain');
    if (!domain) throw new UsageError(`--domain is required; ${USAGE}`);
    const out = path.resolve(option('--out') ?? 'dist/kancelaria-teams.zip');
    const { MICROSOFT_APP_ID: appId } = env
      ? loadTeamsPackageConfig(env)
      : loadTeamsPackageConfig();
    const manifest = fs.readFileSync(new URL('../teams/manifest.json', import.meta.url), 'utf8');
    const zip = buildTeamsPackage({ manifest, appId, domain });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, zip);
    write.out(`Teams app package written to ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      write.err(`teams:package: ${error.problems.join('; ')}; ${USAGE}`);
      return 2;
    }
    if (error instanceof UsageError || error instanceof DomainError) {
      write.err(`teams:package: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)
)
  process.exitCode = runPackageTeamsApp(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
