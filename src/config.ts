/**
 * The one place that reads the environment. Every setting the bot and the
 * ingest job use is declared here, validated once at start, and handed out as
 * a typed `Config`. Defaults give the embedded mode: SQLite, no LLM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { OfficeSettings } from './answer/draft/draft-letter.js';

const emptyToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalString = z.preprocess(emptyToUndefined, z.string().trim().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const commaList = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : (value ?? []),
  z.array(z.string()),
);
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(
    emptyToUndefined,
    z
      .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
      .default(fallback ? 'true' : 'false')
      .transform((v) => ['1', 'true', 'yes', 'on'].includes(v)),
  );

/** Access groups per user: `slack:U123=finanse|zarzad;teams:abc=finanse`. */
const accessGroupMap = z.preprocess(
  (value) => {
    if (typeof value !== 'string' || value.trim() === '') return {};
    const entries = value
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean);
    return Object.fromEntries(
      entries.map((pair) => {
        const [user = '', groups = ''] = pair.split('=');
        return [
          user.trim(),
          groups
            .split('|')
            .map((g) => g.trim())
            .filter(Boolean),
        ];
      }),
    );
  },
  z.record(z.string().min(1), z.array(z.string())),
);

/**
 * One MCP bearer token: the SHA-256 of the token (never the token, so a
 * leaked config grants nothing), whose user it is, and optionally its access
 * groups (else `ACCESS_GROUPS` of `mcp:<user>`).
 */
const mcpTokenEntry = z.object({
  sha256: z
    .string()
    .regex(
      /^[0-9a-fA-F]{64}$/,
      'sha256 must be the hex SHA-256 of the token (kancelaria mcp --hash-token), never the token',
    )
    .transform((hex) => hex.toLowerCase()),
  user: z
    .string()
    .trim()
    .regex(/^[^\s:;=|]+$/, 'user must be one word without : ; = |'),
  groups: z.array(z.string().trim().min(1)).optional(),
});

/** `MCP_TOKENS`: the JSON array itself, or the path of a file holding it (kept out of the environment). */
const mcpTokens = z.preprocess((value, ctx) => {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  try {
    return JSON.parse(text.startsWith('[') ? text : fs.readFileSync(path.resolve(text), 'utf8'));
  } catch (error) {
    // The reason only (no file content, no token): JSON errors quote the text they failed on.
    const reason = error instanceof SyntaxError ? 'not valid JSON' : 'file cannot be read';
    ctx.addIssue({ code: 'custom', message: `a JSON array or a readable file path: ${reason}` });
    return z.NEVER;
  }
}, z.array(mcpTokenEntry));

/** Sensitivity label names per access group: `finanse=Poufne;zarzad=Poufne \\ Zarząd`. */
const labelMap = z.preprocess(
  (value) => {
    if (typeof value !== 'string' || value.trim() === '') return {};
    return Object.fromEntries(
      value
        .split(';')
        .map((pair) => pair.trim())
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=');
          return at < 0 ? [pair, ''] : [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
        }),
    );
  },
  z.record(z.string().min(1), z.string().min(1, 'needs a label name after =')),
);

/** Every environment variable Kancelaria reads. Documented in `.env.example` and the README. */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  /** The archive folder `ingest` and the chat `reindex` sync; no default, so a forgotten setting can never sync some other folder over the index. */
  ARCHIVE_DIR: optionalString,
  INDEX_BACKEND: z.preprocess(emptyToUndefined, z.enum(['sqlite', 'qdrant']).default('sqlite')),

  QDRANT_URL: optionalUrl,
  QDRANT_API_KEY: optionalString,
  QDRANT_COLLECTION: z.preprocess(emptyToUndefined, z.string().default('kancelaria')),
  QDRANT_SHARD_NUMBER: positiveInt(1),
  QDRANT_REPLICATION_FACTOR: positiveInt(1),
  QDRANT_WRITE_CONSISTENCY_FACTOR: positiveInt(1),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_MODEL: optionalString,
  OPENAI_TIMEOUT_MS: positiveInt(60_000),
  OPENAI_MAX_RETRIES: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(2)),
  /** `serve` checks the LLM server (`GET /models`) at start and, while it fails, every this many seconds. */
  LLM_HEALTH_PROBE_S: positiveInt(60),
  EMBEDDINGS_MODEL: optionalString,
  EMBEDDINGS_DIMENSIONS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().positive().optional(),
  ),

  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  /**
   * Interface the server binds. Loopback by default: a bot started on a
   * laptop or a server is then reachable only through a reverse proxy or
   * tunnel that someone set up on purpose. Containers set `0.0.0.0`
   * (docker-compose.yml), because the published port reaches the container's
   * own interface, not its loopback.
   */
  HOST: z.preprocess(emptyToUndefined, z.string().trim().min(1).default('127.0.0.1')),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  SLACK_ADMIN_USER_IDS: commaList,
  /** Seconds between the `auth.test` checks that keep `/healthz` honest about Slack once connected. */
  SLACK_HEALTH_PROBE_S: positiveInt(60),

  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess(
    emptyToUndefined,
    z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ),
  TEAMS_ADMIN_AAD_IDS: commaList,
  /**
   * Teams sensitivity label shown on a citation of a restricted letter, per
   * access group; a restricted letter whose group is not listed gets the
   * generic label `TEAMS_TEXT.restrictedLabel`.
   */
  TEAMS_SENSITIVITY_LABELS: labelMap,
  /**
   * Teams without MICROSOFT_APP_ID, for the Bot Framework Emulator on one's
   * own machine: unauthenticated, so only on a loopback HOST, replies only to
   * a loopback serviceUrl, and with admin commands and access groups off
   * (anyone can claim any identity there).
   */
  TEAMS_EMULATOR: flag(false),

  /** Shared secret for the staff web console (`GET /`); unset = console off. Long enough not to be guessed. */
  WEB_CONSOLE_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().trim().min(16, 'must be at least 16 characters').optional(),
  ),

  /**
   * Secret for the console's admin page (`GET /admin`: index status, reindex, upload, feedback);
   * unset = no admin page. Separate from WEB_CONSOLE_TOKEN, which every clerk knows.
   */
  WEB_ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().trim().min(16, 'must be at least 16 characters').optional(),
  ),

  /**
   * Public address of this server as councillors' browsers reach it (`https://kancelaria.um.example.pl`).
   * Set: every citation links to the letter viewer (`/letters/:id`); unset: chat sources stay plain.
   */
  PUBLIC_BASE_URL: optionalUrl,
  /** HMAC key for the viewer's signed links (required with PUBLIC_BASE_URL); rotating it voids every link. */
  LINK_SIGNING_KEY: z.preprocess(
    emptyToUndefined,
    z.string().trim().min(32, 'must be at least 32 characters').optional(),
  ),
  /** How long a viewer link opens its letter, in seconds (default one week: chat history is read later). */
  LINK_TTL_S: positiveInt(7 * 24 * 60 * 60),
  /** Bearer tokens of `POST /mcp` (hashes with their users); none = the MCP endpoint is off. */
  MCP_TOKENS: mcpTokens,
  /** The user `kancelaria mcp` (stdio, on one clerk's machine) answers as; groups from ACCESS_GROUPS `mcp:<user>`. */
  MCP_STDIO_USER: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .regex(/^[^\s:;=|]+$/, 'must be one word without : ; = |')
      .default('local'),
  ),

  /** Users' access groups; letters without a group are visible to everyone. */
  ACCESS_GROUPS: accessGroupMap,
  /** Questions per user per minute; 0 switches the limit off. */
  RATE_LIMIT_PER_MINUTE: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(20)),

  /** Files larger than this are reported and skipped by ingest. */
  INGEST_MAX_FILE_MB: positiveInt(50),
  INGEST_MAX_PAGES: positiveInt(500),
  /**
   * A letter whose extracted text is longer (in characters) is reported as `too_long` before it is
   * split: 500 pages of dense text are about 2 million, the longest corpus letter 69 thousand. Keeps
   * one hostile text file from taking the extraction worker's memory.
   */
  INGEST_MAX_TEXT_CHARS: positiveInt(3_000_000),
  /** OCR for pages without a text layer (needs the Polish trained data from npm). */
  OCR_ENABLED: flag(true),
  OCR_WORKERS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(0)),
  /** A file whose extraction (OCR included) takes longer is stopped and reported as `timeout`; 0 = no limit. */
  INGEST_FILE_TIMEOUT_S: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).default(600),
  ),
  /** Heap cap (MB) of the worker that extracts and splits one file; over it the worker is killed and the file reported. */
  INGEST_FILE_MEMORY_MB: positiveInt(256),
  /** A sync that would delete more than this share (0–1) of the indexed letters stops unless `--allow-deletions`. */
  INGEST_MAX_DELETE_SHARE: z.preprocess(
    emptyToUndefined,
    z.coerce.number().min(0).max(1).default(0.2),
  ),

  /** Minimum answerability score (0–1, see src/answer/assess-answerability.ts; default `DEFAULT_MIN_ANSWERABILITY`, 0.36) below which the bot refuses without calling the LLM. */
  ANSWER_MIN_SCORE: z.preprocess(emptyToUndefined, z.coerce.number().min(0).optional()),
  /** Number of passages shown to the answerer. */
  ANSWER_PASSAGES: positiveInt(8),
  /**
   * Worker threads that answer questions for `serve` on the embedded index without an LLM
   * (src/assistant/answer-pool.ts); 0 answers on the main thread.
   */
  ANSWER_WORKERS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).default(Math.min(2, os.availableParallelism())),
  ),
  /** Questions that may wait for a free answer worker; one more is told the bot is busy. */
  ANSWER_QUEUE_MAX: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).default(16)),

  /** Letterhead of reply drafts: the office, its department and address (lines of the letterhead). */
  OFFICE_NAME: optionalString,
  OFFICE_DEPARTMENT: optionalString,
  OFFICE_ADDRESS: optionalString,
  /** Place in the „Chorzów, dnia …” line of a draft. */
  OFFICE_CITY: optionalString,
  /** `Znak sprawy:` of a draft; `{rok}` is the year, `{nr}` a highlighted blank the clerk fills. Unset = the whole line is a blank. */
  OFFICE_REFERENCE_PATTERN: optionalString,
  /** Signatory block of a draft (name, function), unless `--from` or the chat form names someone else. */
  OFFICE_SIGNATORY_NAME: optionalString,
  OFFICE_SIGNATORY_ROLE: optionalString,
});

/**
 * Rules that tie variables together. Checked on the raw environment so that
 * they are reported together with per-variable errors, in one message.
 */
function crossFieldProblems(raw: Record<string, string | undefined>): string[] {
  const has = (name: string) => Boolean(raw[name]?.trim());
  const problems: string[] = [];
  if (raw.INDEX_BACKEND?.trim() === 'qdrant' && !has('QDRANT_URL'))
    problems.push('QDRANT_URL: required when INDEX_BACKEND=qdrant');
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN')) {
    problems.push(
      'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN selects Socket Mode',
    );
  }
  const appType = raw.MICROSOFT_APP_TYPE?.trim() || 'MultiTenant';
  if (has('MICROSOFT_APP_ID') && appType !== 'UserAssignedMSI' && !has('MICROSOFT_APP_PASSWORD')) {
    problems.push('MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID');
  }
  if (has('MICROSOFT_APP_ID') && appType === 'SingleTenant' && !has('MICROSOFT_APP_TENANT_ID')) {
    problems.push('MICROSOFT_APP_TENANT_ID: required when MICROSOFT_APP_TYPE=SingleTenant');
  }
  const emulator = ['1', 'true', 'yes', 'on'].includes(raw.TEAMS_EMULATOR?.trim() ?? '');
  if (emulator && has('MICROSOFT_APP_ID'))
    problems.push(
      'TEAMS_EMULATOR: must not be set together with MICROSOFT_APP_ID (the emulator mode is unauthenticated)',
    );
  if (emulator && !isLoopbackHost(raw.HOST?.trim() || '127.0.0.1'))
    problems.push('TEAMS_EMULATOR: needs a loopback HOST (127.0.0.1, ::1 or localhost)');
  if (emulator && raw.NODE_ENV?.trim() === 'production')
    problems.push('TEAMS_EMULATOR: not allowed with NODE_ENV=production');
  if (has('PUBLIC_BASE_URL') && !has('LINK_SIGNING_KEY'))
    problems.push(
      'LINK_SIGNING_KEY: required when PUBLIC_BASE_URL is set (the viewer signs its links)',
    );
  return problems;
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export type Env = z.infer<typeof envSchema>;

/** Typed, validated configuration with derived values resolved. */
export interface Config extends Env {
  /** Absolute path of DATA_DIR. */
  readonly dataDir: string;
  /** Absolute path of ARCHIVE_DIR, or null when it is not set. */
  readonly archiveDir: string | null;
  /** True when an LLM is configured (a model name is set). */
  readonly hasLlm: boolean;
  readonly hasEmbeddings: boolean;
  readonly slackEnabled: boolean;
  /** True with MICROSOFT_APP_ID (authenticated) or TEAMS_EMULATOR=true (loopback trials). */
  readonly teamsEnabled: boolean;
  /** True when WEB_CONSOLE_TOKEN is set: `serve` mounts the staff web console. */
  readonly webConsoleEnabled: boolean;
  /** True when PUBLIC_BASE_URL (and so LINK_SIGNING_KEY) is set: citations link to the letter viewer. */
  readonly viewerEnabled: boolean;
  /** True when MCP_TOKENS lists a token: `serve` mounts `POST /mcp`. */
  readonly mcpEnabled: boolean;
}

/** Thrown when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** One line per problem; the offending value is shown unless it is a secret. */
function describeIssue(issue: z.core.$ZodIssue, env: Record<string, string | undefined>): string {
  const name = issue.path.join('.') || '(environment)';
  const value = env[String(issue.path[0])];
  // Never echo secrets back into logs.
  const isSecret = /KEY|TOKEN|SECRET|PASSWORD/.test(name);
  const shown =
    value === undefined || isSecret
      ? ''
      : ` (got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  return `${name}: ${issue.message}${shown}`;
}

/**
 * Parses and validates the environment.
 * @throws {ConfigError} listing every invalid or missing variable at once.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => describeIssue(issue, env));
  problems.push(...crossFieldProblems(env));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    ...e,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    archiveDir: e.ARCHIVE_DIR ? path.resolve(cwd, e.ARCHIVE_DIR) : null,
    hasLlm: Boolean(e.OPENAI_MODEL),
    hasEmbeddings: Boolean(e.EMBEDDINGS_MODEL),
    slackEnabled: Boolean(e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)),
    teamsEnabled: Boolean(e.MICROSOFT_APP_ID) || e.TEAMS_EMULATOR,
    webConsoleEnabled: Boolean(e.WEB_CONSOLE_TOKEN),
    viewerEnabled: Boolean(e.PUBLIC_BASE_URL && e.LINK_SIGNING_KEY),
    mcpEnabled: e.MCP_TOKENS.length > 0,
  };
}

/** The `OFFICE_*` settings as the draft's office (letterhead, place, reference pattern, signatory). */
export function officeSettings(config: Env): OfficeSettings {
  const pick = {
    name: config.OFFICE_NAME,
    department: config.OFFICE_DEPARTMENT,
    address: config.OFFICE_ADDRESS,
    city: config.OFFICE_CITY,
    referencePattern: config.OFFICE_REFERENCE_PATTERN,
    signatoryName: config.OFFICE_SIGNATORY_NAME,
    signatoryRole: config.OFFICE_SIGNATORY_ROLE,
  };
  return Object.fromEntries(Object.entries(pick).filter(([, v]) => v !== undefined));
}

/** A Microsoft App ID: the GUID Teams requires as the app's and the bot's id. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What `npm run teams:package` needs, and nothing else: the bot's app id.
 * Packaging writes a manifest; it never talks to Bot Framework, so no
 * password, tenant or other channel setting is asked for (loadConfig would
 * demand MICROSOFT_APP_PASSWORD with an app id).
 * @throws {ConfigError} when MICROSOFT_APP_ID is missing or not a GUID.
 */
export function loadTeamsPackageConfig(env: Record<string, string | undefined> = process.env): {
  readonly MICROSOFT_APP_ID: string;
} {
  const appId = env.MICROSOFT_APP_ID?.trim() ?? '';
  if (!appId) throw new ConfigError(['MICROSOFT_APP_ID: required (the bot’s Microsoft App ID)']);
  if (!GUID.test(appId))
    throw new ConfigError([
      `MICROSOFT_APP_ID: must be a GUID like 00000000-0000-0000-0000-000000000000, got ${appId}`,
    ]);
  return { MICROSOFT_APP_ID: appId };
}
