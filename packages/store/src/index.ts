export { type ExchangeFilter, type ExchangePage, ExchangeRepository, statusRange } from './exchange-repository.js';
export { fromExchangeRow, toExchangeRow } from './exchange-row.js';
export { ExchangeScan } from './exchange-scan.js';
export { MetaRepository } from './meta-repository.js';
export { type StoreKind, storeKind } from './open-dialect.js';
export {
  type ReplayResultRecord,
  type ReplayRunRecord,
  type ReplayRunStatus,
  type ReplayVerdictUpdate,
  replayRunStatuses,
  type ShadowComparisonRecord,
} from './replay-records.js';
export { type NewReplayRun, ReplayRepository, type ReplayResultPage, type ReplayRunPatch } from './replay-repository.js';
export type {
  Database,
  ExchangesTable,
  MetaTable,
  ReplayResultsTable,
  ReplayRunsTable,
  ShadowComparisonsTable,
  VersionsTable,
} from './schema.js';
export { ShadowComparisonRepository } from './shadow-comparison-repository.js';
export { migrate, type OpenStoreOptions, openStore, type Store } from './store.js';
export { VersionRepository } from './version-repository.js';
