import { UnderstudyError } from './errors.js';

/** One step of a compiled JSON path. */
export type JsonPathStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  /** `.*`: any member of an object; `[*]`: any element of an array. */
  | { readonly kind: 'wildcard'; readonly over: 'members' | 'elements' }
  /** `..name`: a member of that name at any depth (RFC 9535 descendant segment). */
  | { readonly kind: 'descendant'; readonly key: string }
  /** `.**`: any number of levels, none included. */
  | { readonly kind: 'deep' };

// Order matters: `.**` before `.*`, `..name` before `.name`.
const stepPattern = /\.\*\*|\.\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\['([^']*)'\]|\["((?:[^"\\]|\\.)*)"\]|\.([^.[\]]+)/y;

/**
 * The one JSON-path dialect of every user-written selector (redaction paths, compare's ignore
 * paths, the `json:` sticky keys of the shadow mirror and the canary): `$` then steps — `.name`,
 * `['name']`, `["name"]` (JSON escapes), `[0]`, `[*]` (any array element), `.*` (any object
 * member), `..name` (that member at any depth) and `.**` (any depth). A path that does not parse is an `invalid_config` error.
 */
export function compileJsonPath(path: string, configKey = 'tap.redaction.jsonPaths'): JsonPathStep[] {
  if (!path.startsWith('$')) throw bad(path, 'must start with $', configKey);
  const steps: JsonPathStep[] = [];
  let at = 1;
  while (at < path.length) {
    stepPattern.lastIndex = at;
    const m = stepPattern.exec(path);
    if (m === null || stepPattern.lastIndex === at) throw bad(path, `unexpected "${path.slice(at)}"`, configKey);
    at = stepPattern.lastIndex;
    if (m[0] === '.**') steps.push({ kind: 'deep' });
    else if (m[1] !== undefined) steps.push({ kind: 'descendant', key: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'index', index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ kind: 'key', key: m[3] });
    else if (m[4] !== undefined) steps.push({ kind: 'key', key: unquote(m[4], path, configKey) });
    else if (m[5] !== undefined) steps.push({ kind: 'key', key: m[5] });
    else steps.push({ kind: 'wildcard', over: m[0] === '.*' ? 'members' : 'elements' });
  }
  return steps;
}

function unquote(quoted: string, path: string, configKey: string): string {
  try {
    return JSON.parse(`"${quoted}"`) as string;
  } catch {
    throw bad(path, `bad escape in ["${quoted}"]`, configKey);
  }
}

/** One key of a document path: an object member name or an array index. */
export type JsonPathSegment = string | number;

/**
 * Whether compiled steps select `path` or one of its ancestors (a selector covers everything
 * under the node it names): how compare's ignore paths are matched against a difference.
 */
export function matchesJsonPath(steps: readonly JsonPathStep[], path: readonly JsonPathSegment[]): boolean {
  return matchFrom(steps, 0, path, 0);
}

function matchFrom(steps: readonly JsonPathStep[], i: number, path: readonly JsonPathSegment[], at: number): boolean {
  const step = steps[i];
  if (step === undefined) return true;
  if (step.kind === 'deep') {
    for (let k = at; k <= path.length; k++) if (matchFrom(steps, i + 1, path, k)) return true;
    return false;
  }
  if (step.kind === 'descendant') {
    for (let k = at; k < path.length; k++) if (path[k] === step.key && matchFrom(steps, i + 1, path, k + 1)) return true;
    return false;
  }
  if (at >= path.length) return false;
  const s = path[at];
  const ok =
    (step.kind === 'wildcard' && (step.over === 'members' ? typeof s === 'string' : typeof s === 'number')) ||
    (step.kind === 'key' && s === step.key) ||
    (step.kind === 'index' && s === step.index);
  return ok && matchFrom(steps, i + 1, path, at + 1);
}

/**
 * Replaces, in place, every value the path selects with `replace(value)`. Returns how many
 * values were replaced. Recursion depth is bounded, as JSON from the wire can be deep.
 */
export function replaceAtPath(root: unknown, steps: readonly JsonPathStep[], replace: (value: unknown) => unknown): number {
  return walk(root, steps, 0, replace, 0);
}

const maxDepth = 64;

function walk(node: unknown, steps: readonly JsonPathStep[], i: number, replace: (value: unknown) => unknown, depth: number): number {
  const step = steps[i];
  if (step === undefined || depth > maxDepth || typeof node !== 'object' || node === null) return 0;
  const container = node as Record<string | number, unknown>;
  const last = i === steps.length - 1;
  const children = (): (string | number)[] => (Array.isArray(node) ? [...node.keys()] : Object.keys(container));
  const visit = (key: string | number): number => {
    const child = container[key];
    if (child === undefined) return 0;
    if (last) {
      container[key] = replace(child);
      return 1;
    }
    return walk(child, steps, i + 1, replace, depth + 1);
  };
  switch (step.kind) {
    case 'key':
      return Array.isArray(node) ? 0 : visit(step.key);
    case 'index':
      return Array.isArray(node) ? visit(step.index) : 0;
    case 'wildcard': {
      if (Array.isArray(node) !== (step.over === 'elements')) return 0;
      let n = 0;
      for (const key of children()) n += visit(key);
      return n;
    }
    case 'descendant': {
      let n = Array.isArray(node) ? 0 : visit(step.key);
      for (const key of children()) {
        if (!Array.isArray(node) && key === step.key) continue;
        n += walk(container[key], steps, i, replace, depth + 1);
      }
      return n;
    }
    case 'deep': {
      // Zero levels: the rest of the path here; then the same `.**` one level down.
      let n = last ? 0 : walk(node, steps, i + 1, replace, depth);
      for (const key of children()) n += walk(container[key], steps, i, replace, depth + 1);
      return n;
    }
  }
}

function bad(path: string, why: string, configKey: string): UnderstudyError {
  return new UnderstudyError('invalid_config', `${configKey}: "${path}" ${why}`, { details: { path: configKey } });
}
