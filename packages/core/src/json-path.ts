import { UnderstudyError } from './errors.js';

/** One step of a compiled JSON path. */
export type JsonPathStep =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' }
  | { readonly kind: 'descendant'; readonly key: string };

/**
 * Compiles the JSON path subset redaction needs: `$.a.b`, `$['a b']`, `$.list[0]`,
 * `$.messages[*].content`, `$.*` and recursive descent by name, `$..email`.
 */
export function compileJsonPath(path: string): JsonPathStep[] {
  if (!path.startsWith('$')) throw bad(path, 'must start with $');
  const steps: JsonPathStep[] = [];
  const re = /\.\.([A-Za-z_$][\w$-]*)|\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;
  let at = 1;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (m === null) throw bad(path, `unexpected "${path.slice(at)}"`);
    at = re.lastIndex;
    if (m[1] !== undefined) steps.push({ kind: 'descendant', key: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'key', key: m[2] });
    else if (m[3] !== undefined) steps.push({ kind: 'index', index: Number(m[3]) });
    else if (m[4] !== undefined) steps.push({ kind: 'key', key: m[4] });
    else if (m[5] !== undefined) steps.push({ kind: 'key', key: m[5] });
    else steps.push({ kind: 'wildcard' });
  }
  return steps;
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
  const container = node as Record<string, unknown>;
  const last = i === steps.length - 1;
  const visit = (key: string | number): number => {
    const child = (container as Record<string | number, unknown>)[key];
    if (child === undefined) return 0;
    if (last) {
      (container as Record<string | number, unknown>)[key] = replace(child);
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
      let n = 0;
      for (const key of Array.isArray(node) ? node.keys() : Object.keys(container)) n += visit(key);
      return n;
    }
    case 'descendant': {
      let n = Array.isArray(node) ? 0 : visit(step.key);
      for (const key of Array.isArray(node) ? node.keys() : Object.keys(container)) {
        if (!Array.isArray(node) && key === step.key) continue;
        n += walk((container as Record<string | number, unknown>)[key], steps, i, replace, depth + 1);
      }
      return n;
    }
  }
}

function bad(path: string, why: string): UnderstudyError {
  return new UnderstudyError('invalid_config', `tap.redaction.jsonPaths: "${path}" ${why}`, {
    details: { path: 'tap.redaction.jsonPaths' },
  });
}
