import type { SseEvent } from '@understudy/core';
import { decodeAsciiEscapesMapped, mayHoldAsciiEscape } from './ascii-escapes.js';
import type { Placeholder, SecretFinder } from './secret-finder.js';
import { mergeRanges, type SecretRange } from './secret-range.js';
import { eachStringLeaf, SignatureTable } from './string-leaves.js';

/** One string in one event: where it sits, so an edit can be written back. */
interface Leaf {
  readonly event: number;
  readonly holder: Record<string, unknown> | unknown[] | null;
  readonly key: string | number;
  value: string;
}

/**
 * Redacts a stream's events on their reassembled text. An LLM streams a sentence as deltas
 * (`"jo"`, `"hn@exa"`, `"mple.com"`), so no single event holds the email; every string at the
 * same JSON position across events (`choices.0.delta.content`, `delta.text`, tool-call
 * `arguments`; the whole data of a non-JSON event) is joined into one channel, secrets are found
 * there, and each is cut out of the events that spell it: the event where it starts gets the
 * placeholder, the others lose their part. A channel that reads as JSON (a tool call's streamed
 * arguments) also has its secret-named members' values found there (`members`), since no single
 * event holds `"password": "…"` whole either. Each event then gets the per-document rules (`json`).
 */
export function redactEvents(
  events: readonly SseEvent[],
  finder: SecretFinder,
  placeholder: Placeholder,
  json: (data: string) => string,
  members: (text: string) => readonly SecretRange[] = () => [],
): SseEvent[] {
  const parsed: unknown[] = [];
  const signatures = new SignatureTable();
  const channels = new Map<string, Leaf[]>();
  const add = (signature: string, leaf: Leaf): void => {
    const list = channels.get(signature);
    if (list === undefined) channels.set(signature, [leaf]);
    else list.push(leaf);
  };
  events.forEach((e, i) => {
    const doc = parseJson(e.data);
    parsed.push(doc);
    if (doc === undefined) add('#raw', { event: i, holder: null, key: 0, value: e.data });
    else eachStringLeaf(doc, (holder, key, value, signature) => add(signature, { event: i, holder, key, value }), signatures);
  });

  const changed = new Set<number>();
  const rawData = new Map<number, string>();
  for (const leaves of channels.values()) {
    const text = leaves.map((l) => l.value).join('');
    const ranges = secretsIn(text, finder, members);
    if (ranges.length === 0) continue;
    const starts: number[] = [];
    let offset = 0;
    for (const leaf of leaves) {
      starts.push(offset);
      offset += leaf.value.length;
    }
    // Right to left, so earlier offsets stay valid while leaves are edited.
    for (let r = ranges.length - 1; r >= 0; r--) {
      const range = ranges[r] as (typeof ranges)[number];
      const token = finder.replacement(range, text, placeholder);
      for (let l = leaves.length - 1; l >= 0; l--) {
        const leaf = leaves[l] as Leaf;
        const from = starts[l] as number;
        const until = nextStart(starts, l, text.length);
        if (range.end <= from || range.start >= until) continue;
        const localStart = Math.max(range.start, from) - from;
        const localEnd = Math.min(range.end, until) - from;
        const replacement = range.start >= from ? token : '';
        leaf.value = leaf.value.slice(0, localStart) + replacement + leaf.value.slice(localEnd);
        changed.add(leaf.event);
        if (leaf.holder === null) rawData.set(leaf.event, leaf.value);
        else (leaf.holder as Record<string | number, unknown>)[leaf.key] = leaf.value;
      }
    }
  }

  return events.map((e, i) => {
    let data = e.data;
    if (changed.has(i)) data = rawData.get(i) ?? JSON.stringify(parsed[i]);
    data = json(data);
    return data === e.data ? e : { ...e, data };
  });
}

/**
 * The secrets of one channel's text: patterns, and members where a name can end (most channels —
 * content, ids — hold no `":`). A channel that is JSON text with escapes of its own (streamed
 * arguments `{"p\u0061ssword":…`) is read decoded too, each range found there mapped back.
 */
function secretsIn(text: string, finder: SecretFinder, members: (text: string) => readonly SecretRange[]): SecretRange[] {
  // A channel's text is the stream's own (its deltas joined): seen once, like the events.
  const find = (t: string): SecretRange[] => (t.includes('":') ? union(finder.ranges(t, true), members(t)) : finder.ranges(t, true));
  const found = find(text);
  if (!mayHoldAsciiEscape(text)) return found;
  const { decoded, from } = decodeAsciiEscapesMapped(text);
  if (decoded === text) return found;
  const mapped = find(decoded).map((r) => ({ ...r, start: from[r.start] as number, end: from[r.end] as number }));
  return union(found, mapped);
}

/** Two sets of ranges as one, in order, overlapping ones merged. */
function union(a: readonly SecretRange[], b: readonly SecretRange[]): SecretRange[] {
  return b.length === 0 ? [...a] : mergeRanges([...a, ...b]);
}

function nextStart(starts: readonly number[], l: number, total: number): number {
  return l + 1 < starts.length ? (starts[l + 1] as number) : total;
}

function parseJson(data: string): unknown {
  const first = data.trimStart().charCodeAt(0);
  if (first !== 123 && first !== 91) return undefined;
  try {
    const doc: unknown = JSON.parse(data);
    return typeof doc === 'object' && doc !== null ? doc : undefined;
  } catch {
    return undefined;
  }
}
