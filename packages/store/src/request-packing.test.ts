import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContentNode, type NodeLookup, packRequestBody, unpackRequestBody } from './request-packing.js';

const encode = (text: string) => new TextEncoder().encode(text);

function lookupOf(nodes: readonly ContentNode[]): NodeLookup {
  return new Map(nodes.map((n) => [n.hash, { parent: n.parent, bytes: n.bytes }]));
}

function roundTrip(bytes: Uint8Array): Uint8Array | undefined {
  const packed = packRequestBody(bytes);
  if (packed === null) return bytes;
  return unpackRequestBody(packed.skeleton, packed.refs, lookupOf(packed.nodes));
}

const system = `You are a support agent. ${'Be precise and kind. '.repeat(20)}`;
const tools = Array.from({ length: 4 }, (_, i) => ({
  type: 'function',
  function: {
    name: `tool_${i}`,
    description: 'Looks something up. '.repeat(4),
    parameters: { type: 'object', properties: { id: { type: 'string' } } },
  },
}));

function request(turns: number, space?: number): Uint8Array {
  const messages = [{ role: 'system', content: system }];
  for (let i = 0; i < turns; i++) {
    messages.push({ role: 'user', content: `question ${i}: ${'é€😀 '.repeat(30)}` });
    messages.push({ role: 'assistant', content: `answer ${i}` });
  }
  return encode(JSON.stringify({ model: 'gpt-4o', messages, tools, stream: true }, null, space));
}

describe('packRequestBody', () => {
  it('gives back the exact bytes: compact, pretty-printed, multi-byte characters', () => {
    for (const body of [request(1), request(5, 2), request(3, 4)]) {
      const packed = packRequestBody(body);
      expect(packed).not.toBeNull();
      expect(Buffer.from(roundTrip(body) ?? [])).toEqual(Buffer.from(body));
    }
  });

  it('the next turn of a conversation adds only its new messages', () => {
    const first = packRequestBody(request(4));
    const second = packRequestBody(request(5));
    if (first === null || second === null) throw new Error('not packed');
    const known = new Set(first.nodes.map((n) => n.hash));
    const added = second.nodes.filter((n) => !known.has(n.hash));
    // The user message and the assistant answer of turn 5.
    expect(added).toHaveLength(2);
    expect(second.skeleton.length).toBeLessThan(100);
  });

  it('stores small, non-object or invalid bodies whole', () => {
    expect(packRequestBody(encode('{"a":1}'))).toBeNull();
    expect(packRequestBody(encode(`[${'1,'.repeat(400)}1]`))).toBeNull();
    expect(packRequestBody(encode(`{"messages":[${'"x",'.repeat(400)}]}`))).toBeNull();
    expect(packRequestBody(encode(`{"messages":["${'a'.repeat(600)}"]} trailing`))).toBeNull();
    expect(packRequestBody(encode(`{"messages":["${'a'.repeat(600)}]}`))).toBeNull();
    expect(packRequestBody(encode(`// comment\n{"messages":["${'a'.repeat(600)}"]}`))).toBeNull();
  });

  it('cuts bytes, not characters: a body that is not UTF-8 comes back exactly', () => {
    const latin1 = Buffer.concat([encode(`{"messages":["${'a'.repeat(600)}`), Buffer.from([0xe9, 0x5c, 0x22]), encode('", "b"]}')]);
    expect(packRequestBody(latin1)).not.toBeNull();
    expect(Buffer.from(roundTrip(latin1) ?? [])).toEqual(latin1);
  });

  it('is exact for any JSON object, however written, and for any bytes at all', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 500, maxLength: 2000 }), fc.string({ minLength: 300 }), (noise, text) => {
        const body = Buffer.concat([encode(`{"a":[${JSON.stringify(text)},`), noise, encode(']}')]);
        expect(Buffer.from(roundTrip(body) ?? [])).toEqual(body);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        fc.array(fc.string({ minLength: 200, maxLength: 400 }), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(undefined, 1, 2, '\t'),
        (object, long, space) => {
          const body = encode(JSON.stringify({ ...object, messages: long, system: long.join('') }, null, space));
          expect(Buffer.from(roundTrip(body) ?? [])).toEqual(Buffer.from(body));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fails to rebuild, rather than guess, when a node is missing', () => {
    const packed = packRequestBody(request(3));
    if (packed === null) throw new Error('not packed');
    const lookup = new Map(lookupOf(packed.nodes));
    lookup.delete(packed.nodes[1]?.hash ?? '');
    expect(unpackRequestBody(packed.skeleton, packed.refs, lookup)).toBeUndefined();
  });
});
