import type { Version } from '@understudy/core';
import { sameVersion } from '@understudy/core';
import { versionToJson } from '@understudy/server';
import type { Store } from '@understudy/store';
import type { DeclaredVersion } from './config-versions.js';

/** How the config's entry for a version compares with the store's. */
export type ConfigStatus = 'same' | 'differs' | 'not_registered' | null;

export interface VersionRow extends Version {
  /** Whether the store holds it (a config-only version is listed too, as not registered yet). */
  readonly stored: boolean;
  readonly config: ConfigStatus;
  /** What the config declares when it differs from the store. */
  readonly declaredUpstream?: string;
  /** The routes this version is the primary of. */
  readonly serves: readonly string[];
}

export interface RouteRow {
  readonly route: string;
  /** The version the route serves (production traffic). */
  readonly primary: string;
  readonly revision: number;
  readonly canary: { readonly id: string; readonly candidate: string; readonly state: string; readonly weight: number } | null;
}

export interface VersionsView {
  readonly versions: readonly VersionRow[];
  readonly routes: readonly RouteRow[];
}

const liveStates = ['pending', 'shadow', 'progressing', 'paused', 'awaiting_approval'];

/** Versions (stored, and declared by the config) and routes with their canary, as `versions list` shows them. */
export async function versionsView(store: Store, declared: readonly DeclaredVersion[]): Promise<VersionsView> {
  const stored = await store.versions.list();
  const routing = await store.routing.list();
  const live = await store.canaries.list({ states: liveStates, limit: 1000 });
  const routes: RouteRow[] = routing.map((r) => {
    const canary = live.find((c) => routeOfRecord(c) === r.route);
    return {
      route: r.route,
      primary: r.primary,
      revision: r.revision,
      canary: canary === undefined ? null : { id: canary.id, candidate: canary.candidate, state: canary.state, weight: canary.weight },
    };
  });
  const byName = new Map(declared.map((d) => [d.version.name, d.version]));
  const serves = (name: string) => routes.filter((r) => r.primary === name).map((r) => r.route);
  const rows: VersionRow[] = stored.map((v) => {
    const d = byName.get(v.name);
    const config: ConfigStatus = d === undefined ? null : sameVersion(d, v) ? 'same' : 'differs';
    return {
      ...versionToJson(v),
      stored: true,
      config,
      ...(config === 'differs' && d !== undefined ? { declaredUpstream: d.upstream } : {}),
      serves: serves(v.name),
    };
  });
  for (const d of declared) {
    if (stored.some((v) => v.name === d.version.name)) continue;
    rows.push({ ...versionToJson(d.version), stored: false, config: 'not_registered', serves: serves(d.version.name) });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name));
  return { versions: rows, routes };
}

/** The text form: a versions table, then the routes. */
export function formatVersionsView(view: VersionsView): string {
  if (view.versions.length === 0) return 'no versions yet (add one with: understudy versions add NAME --upstream URL)\n';
  const rows = view.versions.map((v) => [
    v.name,
    v.upstream,
    Object.entries(v.headers)
      .map(([k, val]) => `${k}:${val}`)
      .join(' '),
    note(v),
  ]);
  const out = table(['NAME', 'UPSTREAM', 'HEADERS', 'NOTES'], rows);
  if (view.routes.length === 0) return `${out}\nno routes yet (a tap creates its route when it starts)\n`;
  const routes = view.routes.map((r) => [
    r.route,
    r.primary,
    r.canary === null ? '-' : `${r.canary.id} → ${r.canary.candidate} at ${r.canary.weight}% (${r.canary.state})`,
  ]);
  return `${out}\n${table(['ROUTE', 'SERVES', 'CANARY'], routes)}`;
}

function note(v: VersionRow): string {
  const parts: string[] = [];
  if (v.serves.length > 0) parts.push(`serves ${v.serves.join(', ')}`);
  if (v.config === 'not_registered') parts.push('config: not registered yet');
  if (v.config === 'differs') parts.push(`config differs: ${v.declaredUpstream ?? '?'} (versions apply)`);
  return parts.join('; ');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()}\n`;
  return all.map(line).join('');
}

function routeOfRecord(c: { spec: unknown; stable: string }): string {
  const route = (c.spec as { route?: unknown } | null)?.route;
  return typeof route === 'string' ? route : c.stable;
}
