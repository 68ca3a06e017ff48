import type { Config, Version } from '@understudy/core';
import type { Store } from '@understudy/store';

/**
 * The version a tap forwards to: `--upstream` names it outright (keeping headers configured
 * for that name); otherwise the config's `versions` entry, then the store's (`versions add`).
 */
export async function resolveTapVersion(
  config: Config,
  store: Store,
  options: { name: string; upstream: string | undefined; useStore: boolean },
): Promise<Version | undefined> {
  const configured = config.versions.find((v) => v.name === options.name);
  if (options.upstream !== undefined) return { name: options.name, upstream: options.upstream, headers: configured?.headers ?? {} };
  if (configured !== undefined) return configured;
  return options.useStore ? await store.versions.get(options.name) : undefined;
}
