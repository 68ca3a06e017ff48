import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
/** A V8 `.cpuprofile`; `startTime` and the deltas are µs on the monotonic clock (`process.hrtime`). */
export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a sample's time is charged: the groups of a captured request's cost. */
export const groups = [
  'forwarding',
  'capture build',
  'redaction',
  'hashing',
  'metrics',
  'hand-off',
  'writer: unpack message',
  'writer: pack request (content nodes)',
  'writer: rows (JSON, bind)',
  'writer: SQLite',
  'GC',
  'other',
] as const;
export type Group = (typeof groups)[number];

/**
 * Rules, tried on a sample's frames from the leaf up: the first frame that matches names the
 * group. So `createHmac` under the redactor is hashing, `Buffer.toString` under `readBody` is
 * capture build, and Node's own socket code under nothing of ours is forwarding.
 */
const rules: readonly { readonly group: Group; readonly test: (f: CallFrame) => boolean }[] = [
  { group: 'hashing', test: (f) => /internal\/crypto\//.test(f.url) || /^(createHmac|createHash|Hmac|Hash)$/.test(f.functionName) },
  { group: 'hand-off', test: (f) => f.functionName === 'postMessage' || /sqlite-worker-sink|capture-queue/.test(f.url) },
  {
    group: 'writer: SQLite',
    test: (f) => /better-sqlite3/.test(f.url) || (f.url === '' && /^(run|exec|prepare|transaction)$/.test(f.functionName)),
  },
  { group: 'writer: pack request (content nodes)', test: (f) => /request-packing|content-nodes/.test(f.url) },
  { group: 'writer: rows (JSON, bind)', test: (f) => /exchange-row|exchange-repository|kysely/.test(f.url) },
  { group: 'writer: unpack message', test: (f) => /sqlite-writer-worker|worker_threads|internal\/worker/.test(f.url) },
  {
    group: 'redaction',
    test: (f) => /capture\/dist\/(redactor|text-patterns|secret-finder|secret-members|secret-names|redact-events|json-redact)/.test(f.url),
  },
  { group: 'metrics', test: (f) => /prom-client|tap-metrics/.test(f.url) },
  {
    group: 'capture build',
    test: (f) =>
      /capture\/dist\/|tap\/dist\/capture\/|core\/dist\/ids/.test(f.url) ||
      (/tap\/dist\/create-tap/.test(f.url) && /^(record|build)$/.test(f.functionName)),
  },
  { group: 'forwarding', test: (f) => /undici|hono|tap\/dist\/|node:(_http|net|internal\/(stream|http|streams|net))/.test(f.url) },
];

/** Self time (µs) per group, and per function within each group, over samples inside `[from, to]` (µs, monotonic). */
export interface GroupedProfile {
  readonly busyUs: number;
  readonly idleUs: number;
  readonly byGroup: ReadonlyMap<Group, number>;
  /** Keyed `group<TAB>function url:line`. */
  readonly byFunction: ReadonlyMap<string, { group: Group; us: number }>;
}

export function readProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

const shortUrl = (url: string): string =>
  url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*?\/(packages|bench)\//, '$1/')
    .replace('/dist/', '/');

/** Charges every sample in the window to a group (see {@link rules}) and to its own function. */
export function groupProfile(profile: CpuProfile, from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): GroupedProfile {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groupOf = new Map<number, Group>();
  const classify = (id: number): Group => {
    const known = groupOf.get(id);
    if (known !== undefined) return known;
    let group: Group = 'other';
    const leaf = byId.get(id)?.callFrame.functionName;
    if (leaf === '(garbage collector)') group = 'GC';
    else
      for (let at: number | undefined = id, depth = 0; at !== undefined && depth < 512; at = parent.get(at), depth++) {
        const frame = byId.get(at)?.callFrame;
        const hit = frame === undefined ? undefined : rules.find((r) => r.test(frame));
        if (hit !== undefined) {
          group = hit.group;
          break;
        }
      }
    groupOf.set(id, group);
    return group;
  };
  const byGroup = new Map<Group, number>();
  const byFunction = new Map<string, { group: Group; us: number }>();
  let busyUs = 0;
  let idleUs = 0;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (t < from || t > to) return;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return;
    if (frame.functionName === '(idle)') {
      idleUs += dt;
      return;
    }
    busyUs += dt;
    const group = classify(id);
    byGroup.set(group, (byGroup.get(group) ?? 0) + dt);
    const key = `${frame.functionName || '(anonymous)'}${frame.url === '' ? '' : ` ${shortUrl(frame.url)}:${frame.lineNumber + 1}`}`;
    // Keyed by group too: one function (Buffer#toString) may serve several groups.
    const entry = byFunction.get(`${group}\t${key}`) ?? { group, us: 0 };
    entry.us += dt;
    byFunction.set(`${group}\t${key}`, entry);
  });
  return { busyUs, idleUs, byGroup, byFunction };
}
