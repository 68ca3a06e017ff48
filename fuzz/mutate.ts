import fc from 'fast-check';

export type KeyPath = readonly (string | number)[];

/** Every path to a value inside `value` (objects and arrays, depth first), the root excluded. */
export function valuePaths(value: unknown, prefix: KeyPath = []): KeyPath[] {
  const out: KeyPath[] = prefix.length === 0 ? [] : [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...valuePaths(v, [...prefix, i]));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...valuePaths(v, [...prefix, k]));
  return out;
}

/** A copy of `value` with the value at `path` replaced by `leaf` (`undefined` removes it from JSON). */
export function replaceAt(value: unknown, path: KeyPath, leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) {
    const copy: unknown[] = [...value];
    copy[Number(head)] = replaceAt(copy[Number(head)], rest, leaf);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, leaf);
  return copy;
}

/** Values that break parsers: edge numbers, empty and odd strings, prototype keys, wrong types. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    -1,
    0,
    1e308,
    -1e308,
    0.5,
    65536,
    2 ** 53,
    '',
    ' ',
    '$',
    'http://',
    'http://[',
    '\u0000',
    '__proto__',
    [],
    {},
    null,
    undefined,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/**
 * A valid document with one value replaced by a hostile one: close enough to valid that the
 * parser's deeper code runs, which whole-random input almost never reaches.
 */
export function mutationsOf(valid: unknown, leaf: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  const paths = valuePaths(valid);
  return fc.tuple(fc.constantFrom(...paths), leaf).map(([path, v]) => replaceAt(valid, path, v));
}
