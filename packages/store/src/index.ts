export {
  type ArmQuery,
  type ArmSums,
  CanaryAnalysisRepository,
  type ComparisonCounts,
  type MeanSums,
  maxLatencySamples,
} from './canary-analysis-repository.js';
export type {
  CanaryChange,
  CanaryEvent,
  CanaryEventInput,
  CanaryPatch,
  CanaryRecord,
  CandidateWindow,
  LedgerVerification,
} from './canary-record.js';
export { canaryFinalStates, candidateWindow } from './canary-record.js';
export { CanaryRepository } from './canary-repository.js';
export type { CanariesTable, CanaryActionsTable, CanaryEventsTable, ControllerLeasesTable, RoutingTable } from './canary-tables.js';
export { type CaptureRun, type CaptureRunEnd, CaptureRunRepository } from './capture-run-repository.js';
export {
  type ComparisonFilter,
  type ComparisonPage,
  type ComparisonRecord,
  ComparisonRepository,
  type ComparisonSource,
  comparisonSources,
} from './comparison-repository.js';
export { type ExchangeFilter, type ExchangePage, ExchangeRepository, statusRange } from './exchange-repository.js';
export { fromExchangeRow, toExchangeRow } from './exchange-row.js';
export { ExchangeScan } from './exchange-scan.js';
export type { LeaseFence } from './lease-fence.js';
export { LeaseRepository, type LeaseState } from './lease-repository.js';
export { genesisHash, type HashedEvent, ledgerHash } from './ledger-hash.js';
export { MetaRepository } from './meta-repository.js';
export { migrate } from './migrate.js';
export { type StoreKind, storeKind } from './open-dialect.js';
export { listenerApplicationName } from './pg-listener.js';
export {
  type ReplayResultRecord,
  type ReplayRunRecord,
  type ReplayRunStatus,
  type ReplayVerdictUpdate,
  replayHeartbeatMs,
  replayRunStatuses,
  replayStaleAfterMs,
  type ShadowComparisonRecord,
} from './replay-records.js';
export { type NewReplayRun, ReplayRepository, type ReplayResultPage, type ReplayRunPatch } from './replay-repository.js';
export { type PruneOptions, type PruneResult, RetentionRepository } from './retention.js';
export { type RoutingChange, type RoutingChangeListener, type RoutingChanges, routingChannel } from './routing-changes.js';
export { type Routing, RoutingRepository, type RoutingWrite } from './routing-repository.js';
export type {
  Database,
  ExchangesTable,
  MetaTable,
  ReplayResultsTable,
  ReplayRunsTable,
  ShadowComparisonsTable,
  ToolCallsTable,
  VersionsTable,
} from './schema.js';
export { ShadowComparisonRepository } from './shadow-comparison-repository.js';
export type { UnbuiltExchange, WriteOutcome, WriterBuilder, WriterItem } from './sqlite-worker-messages.js';
export { type SqliteWorkerSink, type SqliteWorkerSinkOptions, sqliteWorkerSink } from './sqlite-worker-sink.js';
export {
  type SqliteWriterProcess,
  type SqliteWriterProcessOptions,
  sqliteWriterProcess,
  type WriterHealth,
  type WriterReads,
  writerRestartBackoff,
} from './sqlite-writer-process.js';
export { type OpenStoreOptions, openStore, type Store, storeDatabase } from './store.js';
export { judgedVerdicts, overNoiseVerdicts, unjudgedVerdicts } from './stored-verdicts.js';
export type { ToolCallMatch, ToolCallOutcome, ToolCallRecord, ToolCallRole, ToolCallSummary } from './tool-call-record.js';
export { fromToolCallRow, type SideEffectPair, ToolCallRepository, toToolCallRow } from './tool-call-repository.js';
export { VersionRepository } from './version-repository.js';
