import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { correlationSigner, createRedactor } from '@understudy/capture';
import { parseConfig, seededRandom } from '@understudy/core';
import { createEgress, type Egress } from '@understudy/egress';
import { openStore, type Store } from '@understudy/store';
import { Hono } from 'hono';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';

interface Running {
  readonly url: string;
  close(): Promise<void>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Running> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
  });
}

/** A tool that counts what reaches it and answers with a fresh counter each time. */
function countingTool(): { app: Hono; seen: string[] } {
  const seen: string[] = [];
  const app = new Hono();
  app.all('*', async (c) => {
    const body = c.req.method === 'GET' ? '' : await c.req.text();
    seen.push(`${c.req.method} ${c.req.path}${body === '' ? '' : ` ${body}`}`);
    if (c.req.path === '/v1/chat/completions')
      return c.json({ model: 'gpt-4o-mini', choices: [], usage: { prompt_tokens: 11, completion_tokens: 5 } });
    return c.json({ n: seen.length, path: c.req.path }, c.req.method === 'POST' ? 201 : 200, { 'x-tool': 'yes' });
  });
  return { app, seen };
}

interface Harness {
  egress: Egress;
  url: string;
  store: Store;
  seen: string[];
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (let r = running.pop(); r !== undefined; r = running.pop()) await r.close();
});

async function start(redactionKey = 'test-redaction-key-0123456789abcdef'): Promise<Harness> {
  const tool = countingTool();
  const toolServer = await listen(tool.app.fetch);
  const store = await openStore({ url: join(mkdtempSync(join(tmpdir(), 'us-egress-')), 'e.db') });
  const config = parseConfig({
    egress: {
      destinations: [
        { name: 'orders', baseUrl: `${toolServer.url}/api`, policy: 'record' },
        { name: 'llm', baseUrl: toolServer.url, policy: 'passthrough' },
        { name: 'mail', baseUrl: toolServer.url, policy: 'block' },
        { name: 'strict', baseUrl: toolServer.url, policy: 'record', unmatchedReads: 'refuse' },
      ],
    },
  });
  const egress = createEgress({
    config: config.egress,
    store,
    redactionKey,
    random: seededRandom(3),
  });
  const server = await listen(egress.app.fetch);
  running.push(toolServer, { close: () => store.close() }, { close: () => egress.close() }, server);
  return { egress, url: server.url, store, seen: tool.seen };
}

async function call(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; text: string; headers: Record<string, string | string[] | undefined> }> {
  const res = await request(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return { status: res.statusCode, text: await res.body.text(), headers: res.headers };
}

const redactionKey = 'test-redaction-key-0123456789abcdef';
/** Signs correlation values as the tap and the replayer do (same redaction key as the proxy). */
const signer = correlationSigner(createRedactor(parseConfig({}).tap.redaction, redactionKey).correlationKey());
const live = { 'x-understudy-exchange': signer.value('EX1') };
const shadow = (attempt: string) => ({ 'x-understudy-exchange': signer.value('EX1', attempt), 'x-understudy-shadow': '1' });

describe('egress proxy', () => {
  it('stores a keyed body key: it matches the same call but cannot confirm a guessed body without the redaction key', async () => {
    const guessable = { pin: '4321' };
    const keys: string[] = [];
    for (const key of ['first-redaction-key-0123456789abcdef', 'other-redaction-key-0123456789abcdef']) {
      const h = await start(key);
      const sign = correlationSigner(createRedactor(parseConfig({}).tap.redaction, key).correlationKey());
      const recorded = await call(`${h.url}/d/orders/pins`, 'POST', { 'x-understudy-exchange': sign.value('EX1') }, guessable);
      // The same call still finds its recording.
      const asShadow = { 'x-understudy-exchange': sign.value('EX1', 'AT1'), 'x-understudy-shadow': '1' };
      const replayed = await call(`${h.url}/d/orders/pins`, 'POST', asShadow, { pin: '4321' });
      expect([replayed.text, replayed.headers['x-understudy-egress']]).toEqual([recorded.text, 'replayed']);
      await h.egress.flush();
      const [row] = await h.store.toolCalls.recorded('EX1');
      keys.push(row?.bodyKey ?? '');
    }
    // A plain hash of a guess (as sent, or normalized) is not what is stored.
    const guesses = ['{"pin":"4321"}', '{"pin": "4321"}'].map((g) => createHash('sha256').update(g).digest('hex'));
    for (const key of keys) expect(guesses).not.toContain(key);
    // Keyed: another redaction key gives another body key for the same body.
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.every((k) => k.length > 0 && k.length <= 64)).toBe(true);
  });

  it('forwards and records live calls, then answers shadow calls from the recording without reaching the tool', async () => {
    const h = await start();
    const refund = await call(`${h.url}/d/orders/refunds`, 'POST', live, { order_id: 'A-1', amount: 5 });
    const first = await call(`${h.url}/d/orders/orders/A-1`, 'GET', live);
    const second = await call(`${h.url}/d/orders/orders/A-2`, 'GET', live);
    expect(refund.status).toBe(201);
    expect(h.seen).toEqual(['POST /api/refunds {"order_id":"A-1","amount":5}', 'GET /api/orders/A-1', 'GET /api/orders/A-2']);

    // Same calls, reads reordered, body keys reordered: every one answered from the recording.
    const s2 = await call(`${h.url}/d/orders/orders/A-2`, 'GET', shadow('AT1'));
    const s1 = await call(`${h.url}/d/orders/orders/A-1`, 'GET', shadow('AT1'));
    const sRefund = await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT1'), { amount: 5, order_id: 'A-1' });
    expect([s2.text, s1.text, sRefund.text]).toEqual([second.text, first.text, refund.text]);
    expect(sRefund.status).toBe(201);
    expect(sRefund.headers['x-tool']).toBe('yes');
    expect(sRefund.headers['x-understudy-egress']).toBe('replayed');
    // A second attempt on the same original gets the recording again.
    expect((await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT2'), { order_id: 'A-1', amount: 5 })).text).toBe(refund.text);
    expect(h.seen).toHaveLength(3);

    await h.egress.flush();
    const recorded = await h.store.toolCalls.recorded('EX1');
    expect(recorded.map((c) => [c.seq, c.method, c.path, c.outcome, c.match])).toEqual([
      [0, 'POST', '/refunds', 'forwarded', 'recorded'],
      [1, 'GET', '/orders/A-1', 'forwarded', 'recorded'],
      [2, 'GET', '/orders/A-2', 'forwarded', 'recorded'],
    ]);
    expect(await h.store.toolCalls.sideEffects('AT1', 'EX1')).toEqual({
      candidate: { matched: 3, unmatched: 0, extra: 0, blocked: 0 },
      original: { matched: 3, unmatched: 0, extra: 0, blocked: 0 },
    });
  });

  it('refuses unmatched shadow writes with 409 shadow_blocked and forwards unmatched reads per destination', async () => {
    const h = await start();
    await call(`${h.url}/d/orders/refunds`, 'POST', live, { order_id: 'A-1', amount: 5 });
    const other = await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT1'), { order_id: 'A-2', amount: 5 });
    expect(other.status).toBe(409);
    expect(JSON.parse(other.text)).toMatchObject({ error: { code: 'shadow_blocked' } });
    // The recorded refund answers once per attempt; a second identical write is unmatched.
    expect((await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT1'), { order_id: 'A-1', amount: 5 })).status).toBe(201);
    expect((await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT1'), { order_id: 'A-1', amount: 5 })).status).toBe(409);
    // An empty x-understudy-shadow is present, so shadow (fail safe): it never reaches the tools.
    expect((await call(`${h.url}/d/orders/refunds`, 'POST', { 'x-understudy-shadow': '' }, { order_id: 'A-3', amount: 5 })).status).toBe(
      409,
    );
    // No exchange id at all: unmatched.
    expect((await call(`${h.url}/d/orders/refunds`, 'POST', { 'x-understudy-shadow': '1' }, { order_id: 'A-1', amount: 5 })).status).toBe(
      409,
    );
    const read = await call(`${h.url}/d/orders/orders/A-9`, 'GET', shadow('AT1'));
    expect(read.status).toBe(200);
    expect((await call(`${h.url}/d/strict/orders/A-9`, 'GET', shadow('AT1'))).status).toBe(409);
    expect((await call(`${h.url}/d/mail/send`, 'POST', shadow('AT1'), { to: 'x' })).status).toBe(409);
    expect(h.seen).toEqual(['POST /api/refunds {"order_id":"A-1","amount":5}', 'GET /api/orders/A-9']);
    await h.egress.flush();
    expect(await h.store.toolCalls.sideEffects('AT1', 'EX1')).toEqual({
      candidate: { matched: 1, unmatched: 2, extra: 1, blocked: 2 },
      original: { matched: 1, unmatched: 0, extra: 0, blocked: 0 },
    });
    const metrics = await (await request(`${h.url}/_understudy/metrics`)).body.text();
    expect(metrics).toContain('understudy_egress_calls_total{destination="orders",policy="record",outcome="blocked"} 4');
    expect(metrics).toContain('understudy_egress_calls_total{destination="orders",policy="record",outcome="replayed"} 1');
    expect(metrics).toContain('understudy_egress_calls_total{destination="orders",policy="record",outcome="forwarded"} 2');
    expect(metrics).toContain('understudy_egress_calls_total{destination="mail",policy="block",outcome="blocked"} 1');
  });

  it('forwards passthrough calls in shadow too, recording usage; unknown destinations are 404', async () => {
    const h = await start();
    const chat = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] };
    expect((await call(`${h.url}/d/llm/v1/chat/completions`, 'POST', live, chat)).status).toBe(200);
    expect((await call(`${h.url}/d/llm/v1/chat/completions`, 'POST', shadow('AT1'), chat)).status).toBe(200);
    expect(h.seen).toHaveLength(2);
    await h.egress.flush();
    const [recorded] = await h.store.toolCalls.recorded('EX1');
    expect(recorded).toMatchObject({ inputTokens: 11, outputTokens: 5, destination: 'llm', policy: 'passthrough' });
    expect(recorded?.costUsd).toBeGreaterThan(0);
    const [shadowCall] = await h.store.toolCalls.ofAttempt('AT1');
    expect(shadowCall).toMatchObject({ outcome: 'forwarded', match: 'matched', matchedId: recorded?.id, inputTokens: 11 });
    const missing = await call(`${h.url}/d/nope/x`, 'GET', live);
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('configured: orders, llm, mail, strict');
    // A malformed escape in the destination name is the caller's mistake: 404 like any unknown name, not a 500.
    const malformed = await call(`${h.url}/d/%E0%A4%A/x`, 'GET', live);
    expect([malformed.status, JSON.parse(malformed.text).error.code]).toEqual([404, 'not_found']);
  });

  it('resolves dot segments (also %2e) inside a destination and refuses a path that climbs above its base with 400', async () => {
    const h = await start();
    // Sent as given: a WHATWG URL would resolve the dot segments before they reach the proxy.
    const rawGet = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const { port } = new URL(h.url);
        const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path, headers: live }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of [
      '/d/orders/../../admin',
      '/d/orders/../llm/x',
      '/d/orders/%2e%2e/admin',
      '/d/orders/a/%2E./../admin',
      '/d/orders/..%2fadmin',
      '/d/orders/%252e%252e/admin',
    ]) {
      const res = await rawGet(path);
      expect([path, res.status, JSON.parse(res.body).error?.code]).toEqual([path, 400, 'bad_request']);
    }
    expect(h.seen).toEqual([]);
    expect((await rawGet('/d/orders/items/./x/../42')).status).toBe(200);
    expect(h.seen).toEqual(['GET /api/items/42']);
  });

  it('refuses a correlation it cannot verify with 403 correlation_unverified: a guessed id reads and writes nothing', async () => {
    const h = await start();
    const refund = await call(`${h.url}/d/orders/refunds`, 'POST', live, { order_id: 'A-1', amount: 5 });
    expect(refund.status).toBe(201);
    await h.egress.flush();
    const forged: Record<string, string>[] = [
      // The bare id, as a caller who guessed or saw it would send it.
      { 'x-understudy-exchange': 'EX1; attempt=EVIL', 'x-understudy-shadow': '1' },
      { 'x-understudy-exchange': 'EX1', 'x-understudy-shadow': '1' },
      // A valid signature lifted from another attempt, another exchange, or altered.
      { 'x-understudy-exchange': `EX1; attempt=EVIL; sig=${signer.value('EX1', 'AT1').split('sig=')[1]}`, 'x-understudy-shadow': '1' },
      { 'x-understudy-exchange': `EX1; sig=${signer.value('EX2').split('sig=')[1]}`, 'x-understudy-shadow': '1' },
      { 'x-understudy-exchange': `${signer.value('EX1', 'AT1').slice(0, -2)}AA`, 'x-understudy-shadow': '1' },
      // Signed with another key (another deployment's, or a guess).
      {
        'x-understudy-exchange': correlationSigner(Buffer.alloc(32, 7)).value('EX1', 'AT9'),
        'x-understudy-shadow': '1',
      },
      // Live: writing calls into another exchange's recording is refused the same way.
      { 'x-understudy-exchange': 'EX1' },
    ];
    for (const headers of forged) {
      const res = await call(`${h.url}/d/orders/refunds`, 'POST', headers, { order_id: 'A-1', amount: 5 });
      expect(res.status, headers['x-understudy-exchange']).toBe(403);
      expect(JSON.parse(res.text)).toMatchObject({ error: { code: 'correlation_unverified' } });
      expect(res.text).not.toContain(refund.text);
    }
    // Nothing reached the tool, nothing was added to the recording.
    expect(h.seen).toHaveLength(1);
    await h.egress.flush();
    expect(await h.store.toolCalls.recorded('EX1')).toHaveLength(1);
    // The value the tap signed is served from the recording.
    const valid = await call(`${h.url}/d/orders/refunds`, 'POST', shadow('AT1'), { order_id: 'A-1', amount: 5 });
    expect(valid.status).toBe(201);
    expect(valid.text).toBe(refund.text);
    const refused = await h.egress.registry.getSingleMetricAsString('understudy_egress_calls_total');
    expect(refused).toContain('outcome="refused"} 7');
  });
});
