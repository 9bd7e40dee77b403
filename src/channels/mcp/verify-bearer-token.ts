/**
 * Who an MCP request comes from. `POST /mcp` requires `Authorization: Bearer
 * <token>`; the configuration holds only SHA-256 digests of the tokens
 * (`MCP_TOKENS`), so a copied config or log grants nothing. The presented
 * token is hashed and compared with every digest in constant time, so the
 * time taken says nothing about how close a guess was or which entry matched.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { identifyUser } from '../../assistant/identify-user.js';
import type { UserIdentity } from '../../assistant/types.js';
import type { Config } from '../../config.js';

/** The hex SHA-256 of a token, as `MCP_TOKENS` stores it (`kancelaria mcp --hash-token`). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The identity of an MCP user: `mcp:<user>`, with explicit groups or else those ACCESS_GROUPS gives `mcp:<user>`. */
export function mcpIdentity(
  config: Pick<Config, 'ACCESS_GROUPS' | 'SLACK_ADMIN_USER_IDS' | 'TEAMS_ADMIN_AAD_IDS'>,
  user: string,
  groups?: readonly string[],
): UserIdentity & { readonly accessGroups: readonly string[] } {
  const { user: identity } = identifyUser(config, { channel: 'mcp', id: user });
  return groups ? { id: identity.id, accessGroups: groups } : identity;
}

export type BearerResult =
  | { readonly status: 'ok'; readonly user: UserIdentity }
  /** No `Authorization: Bearer …` header at all. */
  | { readonly status: 'missing' }
  /** A bearer token that matches no configured digest. */
  | { readonly status: 'invalid' };

/** Checks `Authorization` headers against the configured token digests. */
export function createBearerVerifier(
  config: Pick<
    Config,
    'MCP_TOKENS' | 'ACCESS_GROUPS' | 'SLACK_ADMIN_USER_IDS' | 'TEAMS_ADMIN_AAD_IDS'
  >,
): (authorization: string | undefined) => BearerResult {
  const entries = config.MCP_TOKENS.map((entry) => ({
    digest: Buffer.from(entry.sha256, 'hex'),
    user: mcpIdentity(config, entry.user, entry.groups),
  }));
  return (authorization) => {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    if (!match) return { status: 'missing' };
    const presented = createHash('sha256').update(match[1]!, 'utf8').digest();
    let found: UserIdentity | null = null;
    // Every entry is compared, also after a match: no early exit to time.
    for (const { digest, user } of entries)
      if (timingSafeEqual(presented, digest) && found === null) found = user;
    return found ? { status: 'ok', user: found } : { status: 'invalid' };
  };
}
