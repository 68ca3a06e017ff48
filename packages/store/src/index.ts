export { type ExchangeFilter, type ExchangePage, ExchangeRepository, statusRange } from './exchange-repository.js';
export { fromExchangeRow, toExchangeRow } from './exchange-row.js';
export { MetaRepository } from './meta-repository.js';
export { type StoreKind, storeKind } from './open-dialect.js';
export type { Database, ExchangesTable, MetaTable, VersionsTable } from './schema.js';
export { migrate, type OpenStoreOptions, openStore, type Store } from './store.js';
export { VersionRepository } from './version-repository.js';
