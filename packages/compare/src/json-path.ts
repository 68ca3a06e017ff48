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

type PatternSegment =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'anyKey' }
  | { kind: 'anyIndex' }
  | { kind: 'deep' };

/** A compiled set of ignore patterns; `matches` tells whether a path is ignored. */
export interface PathMatcher {
  matches(segments: readonly PathSegment[]): boolean;
  readonly empty: boolean;
}

function parsePattern(pattern: string): PatternSegment[] | undefined {
  if (!pattern.startsWith('$')) return undefined;
  const out: PatternSegment[] = [];
  const re = /\.\*\*|\.\*|\[\*\]|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\.([^.[\]]+)/y;
  re.lastIndex = 1;
  while (re.lastIndex < pattern.length) {
    const start = re.lastIndex;
    const m = re.exec(pattern);
    if (m === null || re.lastIndex === start) return undefined;
    const token = m[0];
    if (token === '.**') out.push({ kind: 'deep' });
    else if (token === '.*') out.push({ kind: 'anyKey' });
    else if (token === '[*]') out.push({ kind: 'anyIndex' });
    else if (m[1] !== undefined) out.push({ kind: 'index', index: Number(m[1]) });
    else if (m[2] !== undefined) out.push({ kind: 'key', key: JSON.parse(`"${m[2]}"`) as string });
    else if (m[3] !== undefined) out.push({ kind: 'key', key: m[3] });
  }
  return out;
}

function matchFrom(pattern: readonly PatternSegment[], pi: number, path: readonly PathSegment[], si: number): boolean {
  // A pattern matches a path and everything below it, so a prefix match is enough.
  if (pi === pattern.length) return true;
  const p = pattern[pi];
  if (p === undefined) return true;
  if (p.kind === 'deep') {
    for (let k = si; k <= path.length; k++) if (matchFrom(pattern, pi + 1, path, k)) return true;
    return false;
  }
  if (si >= path.length) return false;
  const s = path[si];
  const ok =
    (p.kind === 'key' && s === p.key) ||
    (p.kind === 'index' && s === p.index) ||
    (p.kind === 'anyKey' && typeof s === 'string') ||
    (p.kind === 'anyIndex' && typeof s === 'number');
  return ok && matchFrom(pattern, pi + 1, path, si + 1);
}

/**
 * Compiles ignore patterns: `$.id`, `$.items[*].updated_at`, `$.meta.*`, `$.**.trace_id`
 * (`**` is any depth). A pattern also ignores everything under the node it names. Patterns that
 * do not parse are returned in `invalid` rather than thrown, so one typo cannot stop a run.
 */
export function compilePathMatcher(patterns: readonly string[]): PathMatcher & { readonly invalid: readonly string[] } {
  const compiled: PatternSegment[][] = [];
  const invalid: string[] = [];
  for (const p of patterns) {
    const parsed = parsePattern(p.trim());
    if (parsed === undefined) invalid.push(p);
    else compiled.push(parsed);
  }
  return {
    empty: compiled.length === 0,
    invalid,
    matches: (segments) => compiled.some((pattern) => matchFrom(pattern, 0, segments, 0)),
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
