import type { CompareOptions } from './compare-responses.js';
import { matchesGlob } from './json/json-path.js';
import type { FieldMargins } from './noise/field-aggregator.js';
import type { JudgeOptions } from './noise/judge.js';

/**
 * The `compare` section of the config (core's `config-schema.ts` validates it); compare
 * re-declares the slice it reads so it does not depend on the loader.
 */
export interface CompareSettings {
  /** Ignore paths per endpoint glob: `{ endpoint: 'POST /v1/agent/*', paths: ['$.trace_id'] }`. */
  readonly ignore: readonly { readonly endpoint: string; readonly paths: readonly string[] }[];
  readonly numericTolerance: number;
  readonly noise: Partial<JudgeOptions> & { readonly aggregate?: Partial<FieldMargins> };
  readonly limits: { readonly maxLcsCells: number; readonly maxEditLength: number; readonly maxDifferencesPerCategory: number };
  /** Path of a user module exporting `compare(candidate, original, context)`. */
  readonly extension?: string | undefined;
}

/** The conventional noise-model bucket of a request: `POST /v1/chat/completions`. */
export function endpointKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

function globMatches(glob: string, endpoint: string): boolean {
  const space = endpoint.indexOf(' ');
  const method = space === -1 ? '' : endpoint.slice(0, space);
  const path = space === -1 ? endpoint : endpoint.slice(space + 1);
  const g = glob.trim();
  const gSpace = g.indexOf(' ');
  if (gSpace !== -1) {
    const gMethod = g.slice(0, gSpace).toUpperCase();
    return (gMethod === '*' || gMethod === method) && matchesGlob(g.slice(gSpace + 1).trim(), path);
  }
  return matchesGlob(g, path);
}

/** The {@link CompareOptions} for one endpoint (`METHOD path`) under the configured settings. */
export function compareOptionsFor(settings: CompareSettings, endpoint: string): CompareOptions {
  const ignorePaths = settings.ignore.filter((rule) => globMatches(rule.endpoint, endpoint)).flatMap((rule) => rule.paths);
  const { aggregate: _aggregate, ...judgeOptions } = settings.noise;
  return {
    endpoint,
    ignorePaths,
    // The same per-endpoint paths, rooted at each tool call's arguments object.
    ignoreArgumentPaths: ignorePaths,
    numericTolerance: settings.numericTolerance,
    textLimits: { maxLcsCells: settings.limits.maxLcsCells, maxEditLength: settings.limits.maxEditLength },
    maxDifferencesPerCategory: settings.limits.maxDifferencesPerCategory,
    judge: judgeOptions,
  };
}
