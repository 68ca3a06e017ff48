import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type Config, type ConfigInput, configSchema } from './config-schema.js';
import { UnderstudyError } from './errors.js';

/** Environment variables that override the file. */
export const configEnv = {
  UNDERSTUDY_DB: 'db',
  UNDERSTUDY_ADMIN_TOKEN: 'adminToken',
  /** `name:role:token,…` */
  UNDERSTUDY_TOKENS: 'control.tokens',
  UNDERSTUDY_REDACTION_KEY: 'tap.redaction.key',
} as const;

export interface LoadConfigOptions {
  /** Path of `understudy.config.json`; absent means defaults only. */
  file?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
  /** Overrides applied last (from CLI flags), as a partial config. */
  overrides?: ConfigInput;
  readFile?: (path: string) => string;
}

/**
 * Reads the config file, applies env vars and overrides, validates, and freezes. A bad key
 * fails with `invalid_config` naming its path and what was expected.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const read = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  let input: Record<string, unknown> = {};
  if (options.file !== undefined) {
    let text: string;
    try {
      text = read(options.file);
    } catch (cause) {
      throw new UnderstudyError('invalid_config', `cannot read config file ${options.file}`, { cause });
    }
    try {
      // RFC 8259 §8.1 lets a parser ignore a byte-order mark; Notepad and other Windows editors write one.
      input = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text) as Record<string, unknown>;
    } catch (cause) {
      throw new UnderstudyError('invalid_config', `config file ${options.file} is not valid JSON: ${(cause as Error).message}`, { cause });
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new UnderstudyError('invalid_config', `config file ${options.file}: expected a JSON object at the top level`);
    }
  }
  for (const [name, path] of Object.entries(configEnv)) {
    const value = options.env?.[name];
    if (value !== undefined && value !== '') input = setPath(input, path.split('.'), value);
  }
  if (options.overrides !== undefined) input = merge(input, options.overrides as Record<string, unknown>);
  return parseConfig(input, options.file);
}

/** Validates a config object (already merged) and freezes it. */
export function parseConfig(input: unknown, source?: string): Config {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = source === undefined ? 'config' : `config ${source}`;
    throw new UnderstudyError('invalid_config', `${where}: ${describeIssue(issue)}`, {
      details: { path: issue === undefined ? '' : formatPath(issue.path) },
    });
  }
  return deepFreeze(result.data);
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return 'invalid';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((k) => `${formatPath([...issue.path, k])}: unknown key`).join('; ');
  }
  const at = issue.path.length === 0 ? '(root)' : formatPath(issue.path);
  return `${at}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc === '' ? String(key) : `${acc}.${String(key)}`),
    '',
  );
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const child = obj[head];
  const next = rest.length === 0 ? value : setPath(isPlainObject(child) ? child : {}, rest, value);
  return { ...obj, [head]: next };
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const current = out[k];
    out[k] = isPlainObject(v) && isPlainObject(current) ? merge(current, v) : v;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
