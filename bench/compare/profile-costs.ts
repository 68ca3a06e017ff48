import { basename } from 'node:path';

/** The part of a V8 CPU profile (`node --cpu-prof`, or the inspector's `Profiler.stop`) read here. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
    readonly children?: readonly number[];
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One row of a cost table: microseconds of the main thread's samples per unit of work. */
export interface CostRow {
  readonly name: string;
  /** Samples whose stack holds it anywhere (counted once per sample, recursion included). */
  readonly inclusive: number;
  /** Samples where it is the running frame. */
  readonly self: number;
}

/** The profile's samples grouped two ways, in microseconds of sampled time. */
export interface ProfileCosts {
  /** All sampled time but the idle thread's. */
  readonly busy: number;
  /** By source file of packages/compare (rules are modules named after their export), plus V8's own entries. */
  readonly files: readonly CostRow[];
  /** By function (`name file`). */
  readonly functions: readonly CostRow[];
}

const ownFile = /\/packages\/compare\/src\/([a-z0-9-]+)\.ts$/;

/** What a frame is charged to: a compare source file, V8's own entries ("(garbage collector)"), or "other". */
function fileOf(url: string, functionName: string): string {
  const m = ownFile.exec(url);
  if (m?.[1] !== undefined) return `${m[1]}.ts`;
  if (url === '' && functionName.startsWith('(')) return functionName;
  return otherFile;
}
const otherFile = 'other (node, tsx, bench, built-ins)';

/**
 * Inclusive and self time per file and per function of a CPU profile, each sample weighted by
 * the time it stands for (its `timeDeltas` entry; the sampler's interval drifts under load).
 */
export function profileCosts(profile: CpuProfile): ProfileCosts {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const files = new Map<string, { inclusive: number; self: number }>();
  const functions = new Map<string, { inclusive: number; self: number }>();
  const charge = (table: Map<string, { inclusive: number; self: number }>, key: string, us: number, self: boolean, seen: Set<string>) => {
    let row = table.get(key);
    if (row === undefined) {
      row = { inclusive: 0, self: 0 };
      table.set(key, row);
    }
    if (self) row.self += us;
    if (!seen.has(key)) {
      seen.add(key);
      row.inclusive += us;
    }
  };
  let busy = 0;
  profile.samples.forEach((id, i) => {
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(id);
    if (leaf === undefined || leaf.callFrame.functionName === '(idle)') return;
    busy += us;
    const seenFiles = new Set<string>();
    const seenFunctions = new Set<string>();
    // A built-in running for a rule (a regular expression, a Set method) is charged to the rule's
    // file: self time by file goes to the innermost frame that is not "other".
    let selfFile = true;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node === undefined || node.callFrame.functionName === '(root)') break;
      const { functionName, url } = node.callFrame;
      const file = fileOf(url, functionName);
      const other = file === otherFile && url === '';
      charge(files, file, us, selfFile && !other, seenFiles);
      if (!other) selfFile = false;
      const name = functionName.length > 60 ? `${functionName.slice(0, 57)}...` : functionName || '(anonymous)';
      charge(functions, `${name} ${ownFile.test(url) ? file : basename(url) || '-'}`, us, at === id, seenFunctions);
    }
  });
  const rows = (table: Map<string, { inclusive: number; self: number }>): CostRow[] =>
    [...table].map(([name, r]) => ({ name, ...r })).sort((x, y) => y.inclusive - x.inclusive || y.self - x.self);
  return { busy, files: rows(files), functions: rows(functions) };
}
