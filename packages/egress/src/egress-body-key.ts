import { createHmac } from 'node:crypto';

/**
 * The key a tool call's body is matched by: an HMAC-SHA256, under `key` (the redactor's
 * `matchingKey()`, derived from the redaction key), of the body with JSON normalized (keys
 * sorted, whitespace dropped), so `{"a":1, "b":2}` and `{"b":2,"a":1}` are the same call.
 * Anything else is hashed as sent. Keyed, because the key is stored beside a redacted body: a
 * plain hash would let anyone who reads the store confirm a guess (`{"pin":"4321"}`) offline.
 */
export function bodyKey(body: Uint8Array, contentType: string | undefined, key: Buffer): string {
  const hash = createHmac('sha256', key);
  if (body.length === 0) return hash.digest('hex');
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  const looksJson = contentType?.includes('json') === true || /^\s*[[{]/.test(text);
  if (looksJson) {
    try {
      hash.update(stableJson(JSON.parse(text) as unknown, 0));
      return hash.digest('hex');
    } catch {
      // Not JSON after all: hash the bytes.
    }
  }
  hash.update(body);
  return hash.digest('hex');
}

/** Nesting past this is hashed as its raw JSON text: hostile bodies cannot overflow the stack. */
const maxDepth = 64;

function stableJson(value: unknown, depth: number): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (depth >= maxDepth) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v, depth + 1)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v, depth + 1)}`).join(',')}}`;
}
