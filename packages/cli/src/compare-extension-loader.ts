import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompareExtension } from '@understudy/compare';
import { UsageError } from './cli-io.js';

/**
 * Loads the user comparator named by `compare.extension` (or `--extension`): a module whose
 * `compare` export (or default export's `compare`) is a function. Compare itself does no I/O, so
 * the import happens here; a module that cannot load or lacks `compare` is a usage error.
 */
export async function loadCompareExtension(path: string, cwd: string): Promise<CompareExtension> {
  const file = isAbsolute(path) ? path : resolve(cwd, path);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (cause) {
    throw new UsageError(`cannot load compare extension ${path}: ${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}`);
  }
  const fallback = typeof mod.default === 'object' && mod.default !== null ? (mod.default as Record<string, unknown>).compare : undefined;
  const compare = typeof mod.compare === 'function' ? mod.compare : fallback;
  if (typeof compare !== 'function')
    throw new UsageError(`compare extension ${path} exports no compare(candidate, original, context) function`);
  return { compare: compare as CompareExtension['compare'] };
}
