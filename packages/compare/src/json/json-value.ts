/** A value JSON can hold; what every adapter and the structural diff work on. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object (not an array, not null). */
export type JsonObject = { [key: string]: JsonValue };

/** Whether a parsed JSON value is a plain object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses JSON, returning `undefined` instead of throwing: a wrong guess about a body never throws. */
export function tryParseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

/** The JSON type name used in differences (`array` and `null` are told apart from `object`). */
export function jsonType(value: JsonValue | undefined): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' | 'undefined' {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as 'boolean' | 'number' | 'string' | 'object';
}

/** Reads a string property of an unknown value, or `undefined`. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'string' ? v : undefined;
}

/** Reads a finite number property of an unknown value, or `undefined`. */
export function numberAt(value: unknown, key: string): number | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Reads an array property of an unknown value, or an empty array. */
export function arrayAt(value: unknown, key: string): readonly JsonValue[] {
  if (!isJsonObject(value)) return [];
  const v = value[key];
  return Array.isArray(v) ? v : [];
}

/** Reads an object property of an unknown value, or `undefined`. */
export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isJsonObject(value)) return undefined;
  const v = value[key];
  return isJsonObject(v) ? v : undefined;
}

/** Nesting kept by {@link limitDepth}; deeper than any real payload, shallow enough for recursion. */
export const maxJsonDepth = 64;

/**
 * Replaces every subtree nested deeper than `max` with a string digest of it (computed without
 * recursion), so the recursive comparators can never overflow the stack on a hostile body while
 * equal deep subtrees still compare equal.
 */
export function limitDepth(value: JsonValue, max = maxJsonDepth): JsonValue {
  const walk = (v: JsonValue, depth: number): JsonValue => {
    if (typeof v !== 'object' || v === null) return v;
    if (depth >= max) return `[nested beyond ${max}: ${digestJson(v)}]`;
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    const out: JsonObject = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, depth + 1);
    return out;
  };
  return walk(value, 0);
}

type DigestItem = { readonly token: string } | { readonly value: JsonValue };

/** FNV-1a over a canonical (sorted-key) serialization, walked with an explicit stack. */
function digestJson(value: JsonValue): string {
  let h = 0x811c9dc5;
  let g = 0x01000193;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c ^ (h >>> 15), 0x5bd1e995);
    }
  };
  const stack: DigestItem[] = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    if ('token' in item) {
      feed(item.token);
      continue;
    }
    const v = item.value;
    if (typeof v !== 'object' || v === null) feed(JSON.stringify(v));
    else if (Array.isArray(v)) {
      stack.push({ token: ']' });
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i] ?? null }, { token: ',' });
      feed('[');
    } else {
      stack.push({ token: '}' });
      const keys = Object.keys(v).sort();
      for (let i = keys.length - 1; i >= 0; i--) {
        const k = keys[i] ?? '';
        stack.push({ value: v[k] ?? null }, { token: `,${JSON.stringify(k)}:` });
      }
      feed('{');
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0') + (g >>> 0).toString(16).padStart(8, '0');
}
