import type { AddressInfo } from 'node:net';

/** What a server child tells the benchmark once it listens. */
export interface ReadyMessage {
  readonly type: 'ready';
  readonly port: number;
}

/**
 * Reports the listening port to the parent, and exits when the parent goes away: a crashed
 * or killed benchmark must never leave servers behind.
 */
export function announceReady(address: AddressInfo | string | null): void {
  if (address === null || typeof address === 'string') throw new Error('server is not listening on a TCP port');
  const message: ReadyMessage = { type: 'ready', port: address.port };
  process.send?.(message);
  process.once('disconnect', () => process.exit(0));
  // A normal exit on SIGTERM lets `node --cpu-prof` write its profile when a child is profiled by hand.
  process.once('SIGTERM', () => process.exit(0));
}

/** The value after `--name=` on the command line, or the fallback. */
export function argValue(name: string, fallback?: string): string {
  const prefix = `--${name}=`;
  const hit = process.argv.find((a) => a.startsWith(prefix));
  if (hit !== undefined) return hit.slice(prefix.length);
  if (fallback !== undefined) return fallback;
  throw new Error(`missing --${name}=…`);
}
