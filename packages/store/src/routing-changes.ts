import type { Transaction } from 'kysely';
import type { StoreKind } from './open-dialect.js';
import type { Database } from './schema.js';

/**
 * What moved: a route's routing, a version (any route may serve it), or `resync` when changes
 * may have been missed (the push channel from other processes was down and is back).
 */
export type RoutingChange = { readonly route: string } | { readonly version: string } | { readonly resync: true };

export type RoutingChangeListener = (change: RoutingChange) => void | Promise<void>;

/**
 * Routing changes pushed to whoever serves them. A change this process commits reaches its
 * listeners as soon as the transaction commits (the writer awaits them, so a tap in the same
 * process serves the new routing before the write returns); on PostgreSQL a change any process
 * commits reaches every subscribed process through LISTEN/NOTIFY. Polling stays the fallback:
 * a push can be missed (SQLite has none across processes; a LISTEN connection can drop).
 */
export interface RoutingChanges {
  /** Calls `listener` for every change from now on; returns the unsubscribe function. */
  subscribe(listener: RoutingChangeListener): () => void;
  /** Whether changes made by other processes are pushed right now (a live PostgreSQL LISTEN). */
  pushed(): boolean;
}

/** The PostgreSQL channel routing changes are notified on. */
export const routingChannel = 'understudy_routing';

/** Encodes a change as a NOTIFY payload: `route:NAME` or `version:NAME` (names are free text after the first colon). */
export function encodeRoutingChange(change: { route: string } | { version: string }): string {
  return 'route' in change ? `route:${change.route}` : `version:${change.version}`;
}

/** The change a NOTIFY payload names, or undefined for one this version does not know. */
export function decodeRoutingChange(payload: string): RoutingChange | undefined {
  const colon = payload.indexOf(':');
  const kind = payload.slice(0, colon);
  const name = payload.slice(colon + 1);
  if (colon < 0 || name === '') return undefined;
  if (kind === 'route') return { route: name };
  if (kind === 'version') return { version: name };
  return undefined;
}

/**
 * The writing side, shared by the repositories that change what taps serve: `notifyIn` queues
 * a NOTIFY inside the writing transaction (PostgreSQL delivers it only when that transaction
 * commits, so no process hears of a change it cannot read yet), `published` tells this
 * process's listeners once the transaction has committed.
 */
export class RoutingSignal {
  readonly #kind: StoreKind;
  readonly #listeners = new Set<RoutingChangeListener>();
  #onFirstSubscriber: (() => void) | undefined;
  #isPushed: () => boolean = () => false;

  constructor(kind: StoreKind) {
    this.#kind = kind;
  }

  /** Called once, when the first listener subscribes (starts the PostgreSQL LISTEN connection). */
  onFirstSubscriber(start: () => void, isPushed: () => boolean): void {
    this.#onFirstSubscriber = start;
    this.#isPushed = isPushed;
  }

  async notifyIn(trx: Transaction<Database>, change: { route: string } | { version: string }): Promise<void> {
    if (this.#kind !== 'postgres') return;
    await trx
      .selectNoFrom((eb) => eb.fn<string>('pg_notify', [eb.val(routingChannel), eb.val(encodeRoutingChange(change))]).as('sent'))
      .execute();
  }

  /**
   * Hands `change` to every listener of this process and waits for them. The change is already
   * committed, so a listener that fails must not fail the write: its error is left to it.
   */
  async published(change: RoutingChange): Promise<void> {
    if (this.#listeners.size === 0) return;
    await Promise.allSettled([...this.#listeners].map(async (listener) => listener(change)));
  }

  readonly changes: RoutingChanges = {
    subscribe: (listener) => {
      this.#listeners.add(listener);
      const start = this.#onFirstSubscriber;
      this.#onFirstSubscriber = undefined;
      start?.();
      return () => void this.#listeners.delete(listener);
    },
    pushed: () => this.#isPushed(),
  };
}
