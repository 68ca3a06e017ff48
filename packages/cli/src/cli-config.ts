import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { type Config, type ConfigInput, loadConfig, UnderstudyError } from '@understudy/core';
import { storeKind } from '@understudy/store';
import { type CliIo, UsageError } from './cli-io.js';

/** The validated config plus the paths resolved against the working directory. */
export interface CliConfig {
  readonly config: Config;
  /** A SQLite file path (absolute), `:memory:`, or a `postgres://` URL. */
  readonly dbUrl: string;
  readonly dataDir: string;
  /** The config file read, if any. */
  readonly file: string | undefined;
}

/**
 * Loads `--config FILE`, else `understudy.config.json` in the working directory when present;
 * env vars override the file and flags override both. A bad key becomes a one-line usage error.
 */
export function loadCliConfig(io: CliIo, configFlag: string | undefined, overrides: ConfigInput = {}): CliConfig {
  const implicit = resolve(io.cwd, 'understudy.config.json');
  const file = configFlag !== undefined ? resolve(io.cwd, configFlag) : existsSync(implicit) ? implicit : undefined;
  let config: Config;
  try {
    config = loadConfig({ file, env: io.env, overrides });
  } catch (error) {
    if (error instanceof UnderstudyError) throw new UsageError(error.message);
    throw error;
  }
  const dbUrl =
    storeKind(config.db) === 'postgres' || config.db === ':memory:' || isAbsolute(config.db) ? config.db : resolve(io.cwd, config.db);
  return { config, dbUrl, dataDir: resolve(io.cwd, config.dataDir), file };
}

/** Drops `undefined` leaves so flags that were not given do not override the file. */
export function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
