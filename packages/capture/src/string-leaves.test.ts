import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eachStringLeaf, SignatureTable } from './string-leaves.js';

type Visit = [holder: unknown, key: string | number, value: string, signature: string];

/** The walk as redact-events.ts wrote it before signatures were made once (a new string per leaf): the oracle. */
function reference(node: unknown, signature: string, out: Visit[]): void {
  const indexOf = (n: unknown): number | undefined =>
    typeof n === 'object' && n !== null && !Array.isArray(n) && typeof (n as { index?: unknown }).index === 'number'
      ? ((n as { index: number }).index as number)
      : undefined;
  if (Array.isArray(node)) {
    node.forEach((child, i) => {
      if (typeof child === 'string') out.push([node, i, child, `${signature}.${i}`]);
      else reference(child, indexOf(child) === undefined ? `${signature}.${i}` : `${signature}.*`, out);
    });
  } else if (typeof node === 'object' && node !== null) {
    const index = indexOf(node);
    const at = index === undefined ? signature : `${signature}@${index}`;
    for (const [key, child] of Object.entries(node)) {
      if (typeof child === 'string') out.push([node, key, child, `${at}.${key}`]);
      else reference(child, `${at}.${key}`, out);
    }
  }
}

/** Keys that read like the signature's own marks (`*`, `@1`, `0`) and `index` members, so a step of one kind cannot stand for another. */
const key = fc.constantFrom('index', 'content', '*', '@0', '@1', '0', '1', 'a.b', '', '__proto__');
const doc = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 4 }),
    fc.integer({ min: -1, max: 2 }),
    fc.constant(null),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
}));
/** As events arrive: JSON text parsed (so `__proto__` is an own member, as in a stream). */
const events = fc.array(
  doc.value.map((v) => JSON.parse(JSON.stringify(v)) as unknown),
  { maxLength: 6 },
);

describe('eachStringLeaf', () => {
  it('visits the leaves, holders and signatures the per-leaf walk did, with one table across a stream', () => {
    fc.assert(
      fc.property(events, (docs) => {
        const table = new SignatureTable();
        for (const d of docs) {
          const got: Visit[] = [];
          eachStringLeaf(d, (holder, k, value, signature) => got.push([holder, k, value, signature]), table);
          const want: Visit[] = [];
          reference(d, '', want);
          expect(got.length).toBe(want.length);
          got.forEach((g, i) => {
            const w = want[i] as Visit;
            expect(g[0]).toBe(w[0]);
            expect([g[1], g[2], g[3]]).toEqual([w[1], w[2], w[3]]);
          });
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('gives one position one signature object across events, and an index-placed object its own', () => {
    const table = new SignatureTable();
    const seen: string[] = [];
    for (const data of ['{"choices":[{"index":1,"delta":{"content":"a"}}]}', '{"choices":[{"index":1,"delta":{"content":"b"}}]}'])
      eachStringLeaf(JSON.parse(data), (_h, _k, _v, signature) => seen.push(signature), table);
    expect(seen).toEqual(['.choices.*@1.delta.content', '.choices.*@1.delta.content']);
    expect(seen[0]).toBe(seen[1]);
    const other: string[] = [];
    eachStringLeaf(JSON.parse('{"choices":{"@1":{"delta":{"content":"c"}}}}'), (_h, _k, _v, s) => other.push(s), table);
    expect(other).toEqual(['.choices.@1.delta.content']);
  });
});
