import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { parseConfig, seededRandom, silentLogger, systemClock } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { openStore, type Store } from '@understudy/store';
import { createCanarySplit, createRoutingWatcher, createTap, type RoutingWatcher, storeSink, type Tap } from '@understudy/tap';

/** An HTTP server on a loopback port that counts the requests it got. */
export interface Served {
  readonly url: string;
  readonly hits: () => number;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The demo agent (good or regressed) on a real socket. */
export async function demoAgent(variant: 'good' | 'regressed', seed: number): Promise<Served> {
  const app = createDemoAgentApp({ variant, random: seededRandom(seed), latencyMs: 4 });
  let hits = 0;
  const server = serve({
    fetch: (req) => {
      if (new URL(req.url).pathname !== '/healthz') hits++;
      return app.fetch(req);
    },
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Records every JSON POST it gets; answers `answer(body)` (default `{ pass: true }`). */
export async function webhookReceiver(
  answer: (body: { kind?: string }) => unknown = () => ({ pass: true }),
): Promise<Served & { calls: { kind?: string }[] }> {
  const calls: { kind?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString()) as { kind?: string };
      calls.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(body)));
    });
  });
  const url = await listen(server);
  return {
    url,
    calls,
    hits: () => calls.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A real tap (with the canary split over the store's routing) on a loopback port. */
export interface TapRig {
  readonly url: string;
  readonly tap: Tap;
  readonly store: Store;
  readonly file: string;
  /** The tap's own routing, as its watcher last applied it. */
  readonly watcher: RoutingWatcher;
  /**
   * Resolves true once the tap's watcher has applied routing `revision` (or a later one) by its
   * own polling, false when `withinMs` passed first: a wait on the tap, not on the store.
   */
  untilApplied(revision: number, withinMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export async function tapRig(stableUrl: string): Promise<TapRig> {
  const dir = mkdtempSync(join(tmpdir(), 'us-canary-e2e-'));
  const file = join(dir, 'db.sqlite');
  const store = await openStore({ url: file });
  await store.versions.upsert({ name: 'stable', upstream: stableUrl, headers: {} });
  const watcher = createRoutingWatcher({ source: store, route: 'stable', clock: systemClock, logger: silentLogger, pollMs: 100 });
  await watcher.start();
  const config = parseConfig({ versions: [{ name: 'stable', upstream: stableUrl }], tap: { capture: { flushIntervalMs: 20 } } });
  const tap = createTap({
    config: config.tap,
    version: { name: 'stable', upstream: stableUrl, headers: {} },
    sink: storeSink(store),
    redactionKey: 'test-redaction-key-0123456789abcdef',
    random: seededRandom(11),
    split: createCanarySplit({ watcher, random: seededRandom(12) }),
  });
  const server = serve({ fetch: tap.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tap,
    store,
    file,
    watcher,
    untilApplied(revision, withinMs) {
      // Revision 0 is "no routing written", which a watcher that read nothing already holds.
      const applied = (): boolean => revision <= 0 || (watcher.current()?.revision ?? 0) >= revision;
      if (applied()) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean): void => {
          poll.cancel();
          limit.cancel();
          resolve(ok);
        };
        const poll = systemClock.setInterval(() => applied() && done(true), 5);
        const limit = systemClock.setTimeout(() => done(applied()), withinMs);
      });
    },
    async close() {
      watcher.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tap.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const questions = [
  'Where is my order 55512?',
  'How long does shipping take?',
  'What is your return policy?',
  'Please refund $12.00 for order #A-10423',
];

/** One chat completion through the tap as `user`; returns the version that answered. */
export async function chat(tapUrl: string, user: string, i: number): Promise<{ version: string; status: number }> {
  const res = await fetch(`${tapUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': user },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: questions[i % questions.length] }] }),
  });
  await res.arrayBuffer();
  return { version: res.headers.get('x-understudy-version') ?? '', status: res.status };
}
