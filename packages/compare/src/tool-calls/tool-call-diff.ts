import type { ToolCall } from '../adapters/canonical-response.js';
import { diffJsonValues } from '../json/json-diff.js';
import type { PathMatcher } from '../json/json-path.js';
import { stableStringify } from '../json/stable-stringify.js';
import type { Difference } from '../report/divergence-report.js';

/** Options of {@link diffToolCalls}. */
export interface ToolCallDiffOptions {
  readonly numericTolerance?: number;
  /** Ignore patterns for arguments, rooted at the arguments object (`$.request_id`). */
  readonly ignoreArguments?: PathMatcher;
  readonly maxDifferences?: number;
}

interface Indexed {
  readonly call: ToolCall;
  /** Position in the response's flat list of calls, for display paths. */
  readonly index: number;
  readonly sig: string;
}

function byTurn(calls: readonly ToolCall[]): Map<number, Indexed[]> {
  const turns = new Map<number, Indexed[]>();
  calls.forEach((call, index) => {
    const list = turns.get(call.turn) ?? [];
    list.push({ call, index, sig: `${call.name}\u0000${stableStringify(call.arguments)}` });
    turns.set(call.turn, list);
  });
  return turns;
}

function take<T>(list: T[], predicate: (t: T) => boolean): T | undefined {
  const i = list.findIndex(predicate);
  if (i === -1) return undefined;
  return list.splice(i, 1)[0];
}

/**
 * Tool calls of candidate vs original. Turns are aligned in order; the parallel calls of one
 * turn are matched as a multiset (identical calls first, then same tool name with arguments
 * diffed as JSON, key-order-insensitive and type-aware). What is left is `tool_name` (one
 * unmatched on each side at the same place), `tool_missing` or `tool_extra`; a call that moved
 * to another turn is `tool_reordered`.
 */
export function diffToolCalls(
  original: readonly ToolCall[],
  candidate: readonly ToolCall[],
  options: ToolCallDiffOptions = {},
): { differences: Difference[]; omitted: number } {
  const max = options.maxDifferences ?? 50;
  const out: Difference[] = [];
  let omitted = 0;
  const push = (d: Difference): void => {
    if (out.length < max) out.push(d);
    else omitted++;
  };
  const origTurns = byTurn(original);
  const candTurns = byTurn(candidate);
  const turns = [...new Set([...origTurns.keys(), ...candTurns.keys()])].sort((a, b) => a - b);
  const leftovers = new Map<number, { o: Indexed[]; c: Indexed[] }>();
  for (const turn of turns) {
    const o = [...(origTurns.get(turn) ?? [])];
    const c = [...(candTurns.get(turn) ?? [])];
    // Identical calls first: parallel calls in another order are not a difference.
    for (const oc of [...o]) {
      const match = take(c, (x) => x.sig === oc.sig);
      if (match !== undefined) o.splice(o.indexOf(oc), 1);
    }
    for (const oc of [...o]) {
      const cc = take(c, (x) => x.call.name === oc.call.name);
      if (cc === undefined) continue;
      o.splice(o.indexOf(oc), 1);
      const path = `tool_calls[${cc.index}]`;
      if (oc.call.argumentsValid && !cc.call.argumentsValid) {
        push({
          kind: 'tool_arguments_invalid',
          path: `${path}.arguments`,
          key: `tool:${cc.call.name}`,
          severity: 'high',
          message: 'arguments are not valid JSON',
          candidate: cc.call.arguments,
        });
        continue;
      }
      const args = diffJsonValues(oc.call.arguments, cc.call.arguments, {
        root: `${path}.arguments`,
        keyRoot: `tool:${cc.call.name}`,
        valueSeverity: 'high',
        numericTolerance: options.numericTolerance,
        ignore: options.ignoreArguments,
        maxDifferences: max,
      });
      for (const d of args.differences) push(d.kind === 'extra' ? { ...d, severity: 'medium', message: 'argument only in candidate' } : d);
      omitted += args.omitted;
    }
    leftovers.set(turn, { o, c });
  }
  // A call left over in one turn and found identical in another moved between turns.
  const allExtra = [...leftovers.values()].flatMap((l) => l.c);
  for (const { o } of leftovers.values()) {
    for (const m of [...o]) {
      const moved = take(allExtra, (x) => x.sig === m.sig);
      if (moved === undefined) continue;
      o.splice(o.indexOf(m), 1);
      for (const l of leftovers.values()) {
        const at = l.c.indexOf(moved);
        if (at !== -1) l.c.splice(at, 1);
      }
      push({
        kind: 'tool_reordered',
        path: `tool_calls[${moved.index}]`,
        key: `tool:${m.call.name}`,
        severity: 'medium',
        message: `${m.call.name} moved from turn ${m.call.turn} to ${moved.call.turn}`,
      });
    }
  }
  for (const { o, c } of leftovers.values()) {
    // As many unmatched calls on each side: the agent picked other tools.
    while (o.length > 0 && o.length === c.length) {
      const oc = o.shift();
      const cc = c.shift();
      if (oc === undefined || cc === undefined) break;
      push({
        kind: 'tool_name',
        path: `tool_calls[${cc.index}].name`,
        key: `tool:${oc.call.name}`,
        severity: 'high',
        message: `called ${cc.call.name} instead of ${oc.call.name}`,
        original: oc.call.name,
        candidate: cc.call.name,
      });
    }
    for (const m of o)
      push({
        kind: 'tool_missing',
        path: `tool_calls[${m.index}]`,
        key: `tool:${m.call.name}`,
        severity: 'high',
        message: `${m.call.name} not called by candidate`,
        original: m.call.name,
      });
    for (const e of c)
      push({
        kind: 'tool_extra',
        path: `tool_calls[${e.index}]`,
        key: `tool:${e.call.name}`,
        severity: 'high',
        message: `candidate also called ${e.call.name}`,
        candidate: e.call.name,
      });
  }
  return { differences: out, omitted };
}
