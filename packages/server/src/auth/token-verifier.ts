import { createHash, timingSafeEqual } from 'node:crypto';
import type { AccessRole, AccessToken } from '@understudy/core';

/** Who a presented token belongs to. */
export interface Identity {
  readonly name: string;
  readonly role: AccessRole;
}

export type TokenVerifier = (presented: string) => Identity | undefined;

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * Matches a presented token against the configured ones. Both sides are hashed before the
 * constant-time compare, so neither a token's bytes nor its length leak through timing, and
 * every configured token is compared (no early exit) so the position of a match does not either.
 */
export function createTokenVerifier(tokens: readonly AccessToken[]): TokenVerifier {
  const known = tokens.map((t) => ({ digest: digest(t.token), identity: { name: t.name, role: t.role } as Identity }));
  return (presented) => {
    const candidate = digest(presented);
    let found: Identity | undefined;
    for (const k of known) if (timingSafeEqual(candidate, k.digest) && found === undefined) found = k.identity;
    return found;
  };
}
