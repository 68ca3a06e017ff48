import { compileJsonPath, type JsonPathStep, matchesJsonPath } from '@understudy/core';

/** One step of a path into a JSON value: an object key or an array index. */
export type PathSegment = string | number;

const identifier = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** Formats segments as `$.a.b[0]["odd key"]`, the path syntax of every report. */
export function formatPath(segments: readonly PathSegment[], root = '$'): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (identifier.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Formats segments with every array index replaced by `[*]`: the key that differences of
 * the same field in different array slots share, for noise rates and per-field aggregation.
 */
export function formatPathKey(segments: readonly PathSegment[], root = '$'): string {
  return formatPath(
    segments.map((s) => (typeof s === 'number' ? -1 : s)),
    root,
  ).replaceAll('[-1]', '[*]');
}

/** A compiled set of ignore patterns; `matches` tells whether a path is ignored. */
export interface PathMatcher {
  matches(segments: readonly PathSegment[]): boolean;
  readonly empty: boolean;
}

/**
 * Compiles ignore patterns in core's one JSON-path dialect: `$.id`, `$.items[*].updated_at`,
 * `$.meta.*`, `$.**.trace_id` (`**` is any depth), `$..trace_id`. A pattern also ignores everything under the node it names. Patterns that
 * do not parse are returned in `invalid` rather than thrown, so one typo cannot stop a run.
 */
export function compilePathMatcher(patterns: readonly string[]): PathMatcher & { readonly invalid: readonly string[] } {
  const compiled: JsonPathStep[][] = [];
  const invalid: string[] = [];
  for (const p of patterns) {
    try {
      compiled.push(compileJsonPath(p.trim(), 'compare.ignore'));
    } catch {
      invalid.push(p);
    }
  }
  return {
    empty: compiled.length === 0,
    invalid,
    matches: (segments) => compiled.some((steps) => matchesJsonPath(steps, segments)),
  };
}

/**
 * Whether a URL path matches a glob: `*` is any run within one segment, `**` any run across
 * segments, e.g. `/v1/chat/*` or `/api/**`.
 */
export function matchesGlob(glob: string, path: string): boolean {
  let re = '^';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else re += /[.+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c;
  }
  return new RegExp(`${re}$`).test(path);
}
