import { sameVersion, type Version } from '@understudy/core';
import type { Store } from '@understudy/store';
import { UsageError } from './cli-io.js';
import { shownUrl } from './shown-url.js';

/** A version declared outside the store, and where (`understudy.config.json`, `--upstream`). */
export interface DeclaredVersion {
  readonly version: Version;
  readonly from: string;
}

/** How declared versions stand against the store. */
export interface VersionPlan {
  /** Declared and not in the store: registered when the plan is written. */
  readonly register: readonly DeclaredVersion[];
  /** Declared differently from the store: written only when told to (`--apply-config`, `versions apply`). */
  readonly differ: readonly (DeclaredVersion & { readonly stored: Version })[];
}

/**
 * What a command declares: the config file's `versions`, and the `--upstream` flag for the
 * tap's own version (which replaces the file's entry of that name, keeping its headers).
 */
export function declaredVersions(
  config: { versions: readonly Version[] },
  file: string | undefined,
  tap?: { name: string; upstream: string | undefined },
): DeclaredVersion[] {
  const fromFile = (config.versions as readonly Version[]).map((version) => ({ version, from: file ?? 'the config' }));
  if (tap?.upstream === undefined) return fromFile;
  const headers = config.versions.find((v) => v.name === tap.name)?.headers ?? {};
  return [
    { version: { name: tap.name, upstream: tap.upstream, headers }, from: '--upstream' },
    ...fromFile.filter((d) => d.version.name !== tap.name),
  ];
}

/**
 * Compares declared versions with the store, the one source of truth at run time. Reads only:
 * a process decides everything first and writes once it is up (see {@link writeVersionPlan}).
 */
export async function planVersions(store: Store, declared: readonly DeclaredVersion[]): Promise<VersionPlan> {
  const register: DeclaredVersion[] = [];
  const differ: (DeclaredVersion & { stored: Version })[] = [];
  for (const d of declared) {
    const stored = await store.versions.get(d.version.name);
    if (stored === undefined) register.push(d);
    else if (!sameVersion(stored, d.version)) differ.push({ ...d, stored });
  }
  return { register, differ };
}

/**
 * Refuses a plan that would change a stored version unless `apply` (the `--apply-config` flag):
 * a running tap follows the store within a second, so a silent overwrite would move live traffic.
 */
export function refuseSilentChanges(plan: VersionPlan, apply: boolean): void {
  const first = plan.differ[0];
  if (apply || first === undefined) return;
  const more = plan.differ.length > 1 ? ` (and ${plan.differ.length - 1} more)` : '';
  throw new UsageError(
    `${first.from} declares version ${first.version.name} → ${first.version.upstream}${headerNote(first.version)}, but the store has ` +
      `${first.stored.upstream}${headerNote(first.stored)}${more}; pass --apply-config (or run "understudy versions apply") to replace it, ` +
      'or change the declaration',
  );
}

/** Writes a plan (registrations, and the differing versions when `apply`), one line per change on `report`. */
export async function writeVersionPlan(
  store: Store,
  plan: VersionPlan,
  options: { apply: boolean; report: (line: string) => void },
): Promise<void> {
  for (const { version, from } of plan.register) {
    await store.versions.upsert(version);
    options.report(`version ${version.name} registered from ${from} (${shownUrl(version.upstream)})`);
  }
  if (!options.apply) return;
  for (const { version, from, stored } of plan.differ) {
    await store.versions.upsert(version);
    options.report(`version ${version.name} updated from ${from}: ${shownUrl(stored.upstream)} → ${shownUrl(version.upstream)}`);
  }
}

/** Plans, refuses a silent change, and writes: for short commands that run nothing long-lived. */
export async function applyDeclaredVersions(
  store: Store,
  declared: readonly DeclaredVersion[],
  options: { apply: boolean; report: (line: string) => void },
): Promise<void> {
  const plan = await planVersions(store, declared);
  refuseSilentChanges(plan, options.apply);
  await writeVersionPlan(store, plan, options);
}

function headerNote(v: Version): string {
  const n = Object.keys(v.headers).length;
  return n === 0 ? '' : ` with ${n} header${n === 1 ? '' : 's'}`;
}
