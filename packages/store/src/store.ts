import { type Clock, type Logger, silentLogger, systemClock, UnderstudyError } from '@understudy/core';
import { Kysely } from 'kysely';
import { CanaryAnalysisRepository } from './canary-analysis-repository.js';
import { CanaryRepository } from './canary-repository.js';
import { CaptureRunRepository } from './capture-run-repository.js';
import { ComparisonRepository } from './comparison-repository.js';
import { ExchangeRepository } from './exchange-repository.js';
import { ExchangeScan } from './exchange-scan.js';
import { LeaseRepository } from './lease-repository.js';
import { MetaRepository } from './meta-repository.js';
import { migrate } from './migrate.js';
import { openDialect, type StoreKind, storeKind } from './open-dialect.js';
import { type PgListener, startPgListener } from './pg-listener.js';
import { ReplayRepository } from './replay-repository.js';
import { RetentionRepository } from './retention.js';
import { decodeRoutingChange, type RoutingChanges, RoutingSignal, routingChannel } from './routing-changes.js';
import { RoutingRepository } from './routing-repository.js';
import type { Database } from './schema.js';
import { ShadowComparisonRepository } from './shadow-comparison-repository.js';
import { type HeldDatabase, holdSqlite } from './shared-sqlite.js';
import { ToolCallRepository } from './tool-call-repository.js';
import { VersionRepository } from './version-repository.js';
import { VersionSecrets } from './version-secrets.js';

export interface Store {
  readonly kind: StoreKind;
  readonly exchanges: ExchangeRepository;
  readonly versions: VersionRepository;
  readonly meta: MetaRepository;
  /** Oldest-first paged scans and all-or-nothing imports (replay, export, import). */
  readonly scan: ExchangeScan;
  readonly replays: ReplayRepository;
  readonly shadowComparisons: ShadowComparisonRepository;
  /** Live-shadow and replay comparisons read as one resource. */
  readonly comparisons: ComparisonRepository;
  /** Canaries, their state machine and hash-chained ledger (migration 0003). */
  readonly canaries: CanaryRepository;
  /** Tap routing by revision, written by the canary controller. */
  readonly routing: RoutingRepository;
  /**
   * Routing and version changes as they commit: this process's at once, other processes' over
   * PostgreSQL LISTEN/NOTIFY (a dedicated connection, opened on the first subscription).
   */
  readonly routingChanges: RoutingChanges;
  /** The controller lease: exactly one active canary controller. */
  readonly leases: LeaseRepository;
  /** Tool calls recorded by the egress proxy (migration 0004). */
  readonly toolCalls: ToolCallRepository;
  /** Pruning old exchanges in bounded batches, sparing what canaries and replays still need. */
  readonly retention: RetentionRepository;
  /** The canary's analysis queries: arm statistics and judged comparisons of a candidate. */
  readonly analysis: CanaryAnalysisRepository;
  /** Capture runs: rows stored per tap process, and what a kill lost (migration 0007). */
  readonly captureRuns: CaptureRunRepository;
  close(): Promise<void>;
}

// The raw database stays out of the public `Store`: repositories are the API. Tests and
// benchmarks that inspect storage itself reach it through `storeDatabase`.
const databases = new WeakMap<Store, Kysely<Database>>();

/**
 * The kysely instance behind a store, for tests and benchmarks that inspect or tamper with
 * storage directly (a ledger row altered, bytes on disk). Product code uses the repositories.
 */
export function storeDatabase(store: Store): Kysely<Database> {
  const db = databases.get(store);
  if (db === undefined) throw new UnderstudyError('internal', 'not a store opened by openStore');
  return db;
}

export interface OpenStoreOptions {
  /** A SQLite file path, `:memory:`, or a `postgres://` URL. */
  url: string;
  clock?: Clock;
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  poolSize?: number;
  /** Where the LISTEN connection reports drops (default: silent). */
  logger?: Logger;
  /** First reconnect wait of the LISTEN connection, doubled per failure up to `listenMaxBackoffMs` (default 100 ms → 5 s). */
  listenBackoffMs?: number;
  listenMaxBackoffMs?: number;
  /**
   * The redaction key: versions' header values (upstream credentials) are then kept sealed at
   * rest under a key derived from it; a store opened with it (and migrating) seals values left
   * in the clear. Every process of one store must pass the same key.
   */
  redactionKey?: string;
}

/** Opens the store and brings its schema up to date. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const kind = storeKind(options.url);
  const { db, sqlite, release } = kind === 'sqlite' ? await holdSqlite(options.url) : await openPostgres(options);
  if (options.migrate !== false) {
    try {
      await migrate(db, kind);
    } catch (error) {
      await release();
      throw error;
    }
  }
  const clock = options.clock ?? systemClock;
  const signal = new RoutingSignal(kind);
  let listener: PgListener | undefined;
  if (kind === 'postgres') {
    signal.onFirstSubscriber(
      () => {
        listener = startPgListener({
          url: options.url,
          channel: routingChannel,
          clock,
          logger: (options.logger ?? silentLogger).child({ role: 'routing-listener' }),
          onMessage: (payload) => {
            const change = decodeRoutingChange(payload);
            if (change !== undefined) void signal.published(change);
          },
          onConnect: () => void signal.published({ resync: true }),
          ...(options.listenBackoffMs === undefined ? {} : { backoffMs: options.listenBackoffMs }),
          ...(options.listenMaxBackoffMs === undefined ? {} : { maxBackoffMs: options.listenMaxBackoffMs }),
        });
      },
      () => listener?.connected() ?? false,
    );
  }
  const store: Store = {
    kind,
    exchanges: new ExchangeRepository(db, sqlite),
    versions: new VersionRepository(
      db,
      clock,
      signal,
      options.redactionKey === undefined ? undefined : new VersionSecrets(options.redactionKey),
    ),
    meta: new MetaRepository(db),
    scan: new ExchangeScan(db),
    replays: new ReplayRepository(db, clock),
    shadowComparisons: new ShadowComparisonRepository(db),
    comparisons: new ComparisonRepository(db, kind),
    canaries: new CanaryRepository(db, signal),
    routing: new RoutingRepository(db, signal),
    routingChanges: signal.changes,
    leases: new LeaseRepository(db),
    toolCalls: new ToolCallRepository(db),
    retention: new RetentionRepository(db, kind, clock, sqlite),
    analysis: new CanaryAnalysisRepository(db),
    captureRuns: new CaptureRunRepository(db),
    close: async () => {
      await listener?.close();
      await release();
    },
  };
  databases.set(store, db);
  if (options.migrate !== false) {
    try {
      await store.versions.sealStoredHeaders();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** A PostgreSQL pool of its own: PostgreSQL's locks wait without blocking this thread. */
async function openPostgres(options: OpenStoreOptions): Promise<HeldDatabase> {
  const { dialect } = await openDialect(options.url, options.poolSize === undefined ? {} : { poolSize: options.poolSize });
  const db = new Kysely<Database>({ dialect });
  return { db, sqlite: undefined, release: () => db.destroy() };
}
