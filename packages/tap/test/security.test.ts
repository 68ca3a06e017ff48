import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LlmUpstream, startLlmUpstream } from './llm-upstream.js';
import { startTap, type TapHarness } from './tap-harness.js';

let upstream: LlmUpstream;
let h: TapHarness;

beforeAll(async () => {
  upstream = await startLlmUpstream();
  // A base path, so a traversal that an upstream resolves would land outside it.
  h = await startTap(`${upstream.url}/base`, { tap: { uploads: { maxRequestBytes: 64 * 1024 } } });
});
afterAll(async () => {
  await h.close();
  await upstream.close();
});

/** Sends raw bytes on one connection and returns everything the tap answered until it closed. */
async function raw(bytes: string): Promise<string> {
  const { port } = new URL(h.url);
  const socket = connect(Number(port), '127.0.0.1');
  socket.write(bytes);
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

const status = (response: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);

describe('forged correlation headers never reach an agent', () => {
  it('drops x-understudy-* in any case and in the underscore spellings some frameworks treat as the same header', async () => {
    const before = upstream.seen.length;
    const response = await raw(
      [
        'GET /base-check HTTP/1.1',
        'Host: tap',
        'x_understudy_shadow: 1',
        'X_Understudy_Exchange: forged',
        'x-understudy_shadow: 1',
        'X-UNDERSTUDY-SHADOW: 1',
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    expect(status(response)).toBe(404);
    const seen = upstream.seen.slice(before)[0];
    const names = Object.keys(seen?.headers ?? {});
    expect(names.filter((n) => n.replaceAll('_', '-').startsWith('x-understudy-'))).toEqual(['x-understudy-exchange']);
    expect(seen?.headers['x-understudy-exchange']).not.toBe('forged');
  });
});

describe('request smuggling and targets', () => {
  it('refuses a request with both Content-Length and Transfer-Encoding, and forwards nothing', async () => {
    const before = upstream.seen.length;
    const response = await raw(
      'POST /echo HTTP/1.1\r\nHost: tap\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: tap\r\n\r\n',
    );
    expect(status(response)).toBe(400);
    expect(upstream.seen.length).toBe(before);
  });

  it('refuses two different Content-Length values', async () => {
    const before = upstream.seen.length;
    const response = await raw('POST /echo HTTP/1.1\r\nHost: tap\r\nContent-Length: 4\r\nContent-Length: 5\r\n\r\nabcde');
    expect(status(response)).toBe(400);
    expect(upstream.seen.length).toBe(before);
  });

  it('never forwards to a host named by the Host header or an absolute-form target', async () => {
    const before = upstream.seen.length;
    for (const head of [
      'GET http://169.254.169.254/latest/meta-data HTTP/1.1\r\nHost: 169.254.169.254',
      'GET //169.254.169.254/latest HTTP/1.1\r\nHost: evil.example',
      'GET /echo HTTP/1.1\r\nHost: 169.254.169.254:80',
    ]) {
      await raw(`${head}\r\nConnection: close\r\n\r\n`);
    }
    // All three reached our one configured upstream, under its base path.
    const seen = upstream.seen.slice(before).map((s) => s.url);
    expect(seen).toHaveLength(3);
    for (const url of seen) expect(url.startsWith('/base/')).toBe(true);
  });
});

describe('encoded traversal cannot climb above the base path', () => {
  it('refuses ..%2f, %2e%2e%2f, %252e%252e and backslash spellings with 400, forwarding nothing', async () => {
    const before = upstream.seen.length;
    for (const path of [
      '/..%2fadmin',
      '/v1/..%2f..%2fadmin',
      '/%2e%2e%2fadmin',
      '/%252e%252e/admin',
      '/v1/%252e%252e%252fadmin',
      '/..%5cadmin',
      '/%2e%2e%5c%2e%2e%5cadmin',
    ]) {
      const response = await raw(`GET ${path} HTTP/1.1\r\nHost: tap\r\nConnection: close\r\n\r\n`);
      expect([path, status(response)]).toEqual([path, 400]);
    }
    expect(upstream.seen.length).toBe(before);
  });
});

describe('oversized requests are refused, and nothing crashes', () => {
  it('answers 431 to headers past the limit and keeps serving', async () => {
    const response = await raw(`GET /echo HTTP/1.1\r\nHost: tap\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`);
    expect(status(response)).toBe(431);
    expect(status(await raw('GET /echo HTTP/1.1\r\nHost: tap\r\nConnection: close\r\n\r\n'))).not.toBe(0);
  });

  it('answers 413 payload_too_large to a declared body past tap.uploads.maxRequestBytes, forwarding nothing', async () => {
    const before = upstream.seen.length;
    const response = await raw(`POST /echo HTTP/1.1\r\nHost: tap\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\nabc`);
    expect(status(response)).toBe(413);
    expect(response).toContain('"code":"payload_too_large"');
    expect(upstream.seen.length).toBe(before);
  });

  it('cuts a chunked body once it passes the limit', async () => {
    const chunk = 'a'.repeat(16 * 1024);
    const body = `${Array.from({ length: 6 }, () => `${(16 * 1024).toString(16)}\r\n${chunk}\r\n`).join('')}0\r\n\r\n`;
    const response = await raw(`POST /echo HTTP/1.1\r\nHost: tap\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`);
    expect([0, 413]).toContain(status(response));
    expect(status(await raw('GET /echo HTTP/1.1\r\nHost: tap\r\nConnection: close\r\n\r\n'))).not.toBe(0);
  });
});
