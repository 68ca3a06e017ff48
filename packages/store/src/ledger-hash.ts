import { createHash } from 'node:crypto';

/** The `prev_hash` of a canary's first event. */
export const genesisHash = '0'.repeat(64);

/** The fields of a ledger event that its hash covers. */
export interface HashedEvent {
  readonly canaryId: string;
  readonly seq: number;
  readonly at: number;
  readonly type: string;
  readonly actor: string;
  /** The event's data exactly as stored (JSON text), so re-serialisation cannot change the hash. */
  readonly data: string;
}

/**
 * sha256 over the previous event's hash and this event's fields. Each event commits to the
 * whole chain before it, so editing, deleting or reordering any event breaks every later hash.
 */
export function ledgerHash(prevHash: string, e: HashedEvent): string {
  const h = createHash('sha256');
  for (const part of [prevHash, e.canaryId, String(e.seq), String(e.at), e.type, e.actor, e.data]) {
    h.update(String(Buffer.byteLength(part)));
    h.update(':');
    h.update(part);
  }
  return h.digest('hex');
}
