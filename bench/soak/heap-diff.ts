import { readFileSync } from 'node:fs';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Count and self size per kind of heap object: a JS object by its constructor, anything else by its type. */
function byKind(path: string): Map<string, { count: number; bytes: number }> {
  const snap = JSON.parse(readFileSync(path, 'utf8')) as HeapSnapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const kinds = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? '?';
    const key = type === 'object' || type === 'native' ? (snap.strings[snap.nodes[i + nameAt] ?? 0] ?? '?') : `(${type})`;
    const k = kinds.get(key) ?? { count: 0, bytes: 0 };
    k.count += 1;
    k.bytes += snap.nodes[i + sizeAt] ?? 0;
    kinds.set(key, k);
  }
  return kinds;
}

/**
 * The kinds of object holding the most self size in one heap snapshot, with their counts and,
 * when `per` is given (e.g. the number of open streams), the bytes per one of those.
 */
export function heapTop(path: string, top = 20, per?: number): string {
  const kinds = byKind(path);
  const total = [...kinds.values()].reduce((sum, k) => sum + k.bytes, 0);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);
  const each = (n: number): string => (per === undefined ? '' : `  ${Math.round(n / per)} B each of ${per}`);
  return [
    `heap (self sizes) ${mb(total)} MB${each(total)}; largest kinds:`,
    ...[...kinds]
      .sort((p, q) => q[1].bytes - p[1].bytes)
      .slice(0, top)
      .map(([key, k]) => `  ${`${mb(k.bytes)} MB`.padStart(10)}  ${String(k.count).padStart(9)} objects${each(k.bytes)}  ${key}`),
  ].join('\n');
}

/**
 * What grew between two heap snapshots of one process (`--heapsnapshot-signal`): the kinds of
 * object whose total self size grew most, with their counts. Enough to tell a leak (a kind that
 * grows with the traffic served) from a heap that only settled.
 */
export function heapDiff(before: string, after: string, top = 15): string {
  const a = byKind(before);
  const b = byKind(after);
  const total = (m: Map<string, { bytes: number }>): number => [...m.values()].reduce((sum, k) => sum + k.bytes, 0);
  const rows = [...new Set([...a.keys(), ...b.keys()])]
    .map((key) => {
      const x = a.get(key) ?? { count: 0, bytes: 0 };
      const y = b.get(key) ?? { count: 0, bytes: 0 };
      return { key, dBytes: y.bytes - x.bytes, dCount: y.count - x.count, count: y.count };
    })
    .sort((p, q) => q.dBytes - p.dBytes)
    .slice(0, top);
  const mb = (n: number): string => (n / 1024 / 1024).toFixed(2);
  return [
    `heap (self sizes) ${mb(total(a))} MB → ${mb(total(b))} MB; largest growth:`,
    ...rows.map(
      (r) =>
        `  ${`${r.dBytes >= 0 ? '+' : ''}${mb(r.dBytes)} MB`.padStart(11)}  ${`${r.dCount >= 0 ? '+' : ''}${r.dCount}`.padStart(9)} objects (now ${r.count})  ${r.key}`,
    ),
  ].join('\n');
}
