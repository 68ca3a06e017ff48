import { type Clock, type Logger, RestartBackoff, type TimerHandle } from '@understudy/core';
import type pg from 'pg';

export interface PgListenerDeps {
  readonly url: string;
  /** A constant identifier (LISTEN takes no parameter). */
  readonly channel: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Every payload received on the channel. */
  readonly onMessage: (payload: string) => void;
  /** After each (re)connection: whatever was notified while down was missed. */
  readonly onConnect: () => void;
  /** First wait before reconnecting, doubled per failure up to `maxBackoffMs` (default 100 ms → 5 s). */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface PgListener {
  /** Whether the LISTEN connection is up and listening. */
  connected(): boolean;
  close(): Promise<void>;
}

/** The application_name of the LISTEN connection, so an operator can tell it in pg_stat_activity. */
export const listenerApplicationName = 'understudy-routing-listener';

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel (a pooled connection cannot:
 * it goes back to the pool, and kysely has no LISTEN). When it drops or cannot connect, it
 * reconnects after a backoff that doubles up to a ceiling and resets once connected.
 */
export function startPgListener(deps: PgListenerDeps): PgListener {
  // Reset at every connection: a connection that came up and dropped waits the first delay again.
  const initialMs = deps.backoffMs ?? 100;
  const backoff = new RestartBackoff({
    initialMs,
    // A first wait longer than the ceiling (tests that keep the listener down) raises the ceiling.
    maxMs: Math.max(initialMs, deps.maxBackoffMs ?? 5_000),
    healthyAfterMs: 0,
    clock: deps.clock,
  });
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let retry: TimerHandle | undefined;

  const lost = (lostClient: pg.Client, error?: unknown): void => {
    if (lostClient !== client) return;
    client = undefined;
    listening = false;
    lostClient.removeAllListeners();
    // A dead socket may still emit errors while it closes; they are already handled here.
    lostClient.on('error', () => {});
    lostClient.end().catch(() => {});
    if (closed) return;
    const retryInMs = backoff.failed();
    deps.logger.warn({ err: error, retryInMs }, 'routing LISTEN connection lost; polling covers until it is back');
    retry = deps.clock.setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryInMs);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    // Loaded only here, as in openDialect: a SQLite process never pays for the driver.
    const { default: driver } = await import('pg');
    if (closed) return;
    const next = new driver.Client({
      connectionString: deps.url,
      application_name: listenerApplicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client = next;
    next.on('notification', (message) => {
      if (message.channel === deps.channel && message.payload !== undefined) deps.onMessage(message.payload);
    });
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next));
    try {
      await next.connect();
      // The one hand-written statement: LISTEN takes an identifier, never a parameter.
      await next.query(`LISTEN ${deps.channel}`);
      if (client !== next) return;
      if (closed) {
        await next.end();
        return;
      }
      listening = true;
      backoff.up();
      deps.logger.debug({ channel: deps.channel }, 'routing LISTEN connection up');
      deps.onConnect();
    } catch (error) {
      lost(next, error);
    }
  };

  void connect();
  return {
    connected: () => listening,
    async close() {
      closed = true;
      retry?.cancel();
      const current = client;
      client = undefined;
      listening = false;
      if (current !== undefined) {
        current.removeAllListeners();
        current.on('error', () => {});
        await current.end().catch(() => {});
      }
    },
  };
}
