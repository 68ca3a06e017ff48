import { BodyCapture } from '@understudy/capture';
import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { streamResult } from '../../test/forwarded-capture.js';
import type { ForwardCapture } from '../forward/forward-result.js';
import { packParts } from './packed-parts.js';
import { createWriterBuilder, type WriterBuildOptions } from './writer-builder.js';

const tap = parseConfig({}).tap;
const options: WriterBuildOptions = {
  redaction: tap.redaction,
  redactionKey: 'writer-builder-test-key-'.padEnd(32, 'k'),
  pricing: tap.pricing,
  maxBodyBytes: tap.capture.maxBodyBytes,
};

function body(text: string): BodyCapture {
  const b = new BodyCapture(1024 * 1024);
  b.push(Buffer.from(text));
  return b;
}

/** A streamed exchange whose request carries a secret and whose reply echoes it, packed as the tap packs it. */
function packedStream(): Uint8Array {
  const secret = 'sk-proj-Zq8Kx2Vb7Np9Lc3Rt6Wy1Hm4Jd';
  let events = '';
  for (let i = 0; i < 20; i++) events += `data: {"choices":[{"delta":{"content":"part ${i} "}}]}\n\n`;
  events += `data: {"choices":[{"delta":{"content":"${secret.slice(0, 10)}"}}]}\n\ndata: {"choices":[{"delta":{"content":"${secret.slice(10)}"}}]}\n\ndata: [DONE]\n\n`;
  const capture: ForwardCapture = {
    requestHeaders: ['host', 'tap.local', 'content-type', 'application/json', 'authorization', `Bearer ${secret}`],
    request: body('{"model":"gpt-4o","stream":true,"messages":[{"role":"user","content":"hi"}]}'),
    responseHeaders: ['content-type', 'text/event-stream'],
    response: body(events),
    sseEvents: () => null,
    sseArrivals: () => Array.from({ length: 22 }, (_, i) => i * 5),
    streamUsage: () => undefined,
    sseDropped: () => 0,
    sseChunks: () => undefined,
    cutByBudget: false,
    keep: () => () => {},
  };
  const result = streamResult(capture);
  return packParts(result, capture, 'ex-1', 'stable', null);
}

describe('createWriterBuilder', () => {
  it('builds its warm-up exchanges before it returns, every one without failure', () => {
    const seen: [number, number][] = [];
    createWriterBuilder({ ...options, warmUpRounds: 2 }, { warmedUp: (built, failed) => seen.push([built, failed]) });
    expect(seen).toHaveLength(1);
    const [built, failed] = seen[0] ?? [0, 0];
    expect(failed).toBe(0);
    // Two rounds of every warm-up shape (a stream of each kind and a short reply).
    expect(built).toBeGreaterThanOrEqual(6);
    expect(built % 2).toBe(0);
  });

  it('warms up by default, and not at all with warmUpRounds 0', () => {
    let byDefault = 0;
    let none = -1;
    createWriterBuilder(options, { warmedUp: (built) => (byDefault = built) });
    createWriterBuilder({ ...options, warmUpRounds: 0 }, { warmedUp: (built) => (none = built) });
    expect(byDefault).toBeGreaterThan(0);
    expect(none).toBe(-1);
  });

  it('leaves no trace in the real exchanges: the first one is what a cold builder makes of it, secret redacted', () => {
    const warmed = createWriterBuilder({ ...options, warmUpRounds: 3 })(packedStream());
    const cold = createWriterBuilder({ ...options, warmUpRounds: 0 })(packedStream());
    expect(warmed).toEqual(cold);
    const stored = JSON.stringify(warmed) + Buffer.from(warmed.responseBody.bytes).toString('utf8');
    expect(stored).not.toContain('Zq8Kx2Vb7Np9Lc3Rt6Wy1Hm4Jd');
    expect(stored).not.toContain('Np9Lc3Rt6Wy1Hm4Jd');
    expect(warmed.sseEvents).toHaveLength(22);
  });
});
