import { systemClock } from '@understudy/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange } from '../test/raw-exchange.js';
import { type Listening, listen } from './listen.js';

function parts(answer: string): { status: number; contentType: string | undefined; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const contentType = /\r\ncontent-type: ([^\r]+)/i.exec(head)?.[1];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = body;
  }
  return { status, contentType, body: parsed };
}

/**
 * A request Node's HTTP parser refuses before any app sees it (headers past the size limit, a
 * malformed Content-Length, Content-Length beside Transfer-Encoding, an unknown method) is answered
 * in the contract's error shape `{ error: { code, message } }`, on the tap and the control plane
 * alike — not a bare status line with no body (found by the trust audit, 2026-12-03: a 70 KB header
 * got `431` with an empty body from both).
 */
describe('listen: requests the HTTP parser refuses', () => {
  let server: Listening;
  beforeAll(async () => {
    const app = new Hono().get('/ok', (c) => c.json({ ok: true }));
    server = await listen(app, { name: 'test', host: '127.0.0.1', port: 0, clock: systemClock });
  });
  afterAll(() => server.close(0));

  it.each([
    ['headers past the limit', `GET /ok HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`, 431, 'headers_too_large'],
    ['a Content-Length that is no number', 'POST /ok HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n', 400, 'bad_request'],
    [
      'Content-Length beside Transfer-Encoding',
      'POST /ok HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      400,
      'bad_request',
    ],
    ['an unknown method', 'BREW /ok HTTP/1.1\r\nHost: a\r\n\r\n', 400, 'bad_request'],
  ])('%s: a typed JSON error', async (_, bytes, status, code) => {
    const answer = parts(await rawExchange(server.port, bytes));
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('a well-formed request is served as before', async () => {
    const answer = parts(await rawExchange(server.port, 'GET /ok HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'));
    expect(answer.status).toBe(200);
  });
});
