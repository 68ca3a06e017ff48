import type { Clock, Random } from '@understudy/core';
import type { Identity } from './token-verifier.js';

export interface SessionStore {
  /** Starts a session for `identity`; returns its id (the cookie value). */
  create(identity: Identity): string;
  /** The session's identity while it has not expired. */
  get(id: string): Identity | undefined;
  delete(id: string): void;
}

export interface SessionStoreDeps {
  readonly clock: Clock;
  readonly random: Random;
  /** Lifetime of a session (default 12 h). */
  readonly ttlMs?: number;
  /** Sessions kept at most; past it the oldest is dropped (default 10 000). */
  readonly maxSessions?: number;
}

/**
 * Browser sessions, held server-side: the cookie carries 32 random bytes and nothing else,
 * so it reveals no token and dies with the process (or at its expiry).
 */
export function createSessionStore(deps: SessionStoreDeps): SessionStore {
  const ttl = deps.ttlMs ?? 12 * 3600_000;
  const max = deps.maxSessions ?? 10_000;
  // Insertion order is creation order: the first key is the oldest session.
  const sessions = new Map<string, { identity: Identity; expiresAt: number }>();
  return {
    create(identity) {
      const id = Buffer.from(deps.random.bytes(32)).toString('base64url');
      while (sessions.size >= max) {
        const oldest = sessions.keys().next().value;
        if (oldest === undefined) break;
        sessions.delete(oldest);
      }
      sessions.set(id, { identity, expiresAt: deps.clock.now() + ttl });
      return id;
    },
    get(id) {
      const session = sessions.get(id);
      if (session === undefined) return undefined;
      if (session.expiresAt <= deps.clock.now()) {
        sessions.delete(id);
        return undefined;
      }
      return session.identity;
    },
    delete(id) {
      sessions.delete(id);
    },
  };
}
