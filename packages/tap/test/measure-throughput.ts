/**
 * A quick, bounded throughput/latency check of the tap against direct and http-proxy, each in
 * its own process. Not a test: run by hand, e.g.
 *   node --conditions=source --import tsx packages/tap/test/measure-throughput.ts [seconds] [connections]
 * The authoritative benchmark lives in bench/.
 */
import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';

const role = process.env.MEASURE_ROLE;
const body = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'gpt-4o-mini',
  choices: [{ index: 0, message: { role: 'assistant', content: 'x'.repeat(1500) }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 50, completion_tokens: 300, total_tokens: 350 },
});
const requestBody = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello '.repeat(100) }] });

async function child(): Promise<void> {
  // Exit cleanly on SIGINT so --cpu-prof can write its profile.
  process.on('SIGINT', () => process.exit(0));
  // CPU time per request is what the shared, noisy machine cannot distort much.
  process.on('message', (m) => {
    if (m === 'cpu') {
      const u = process.cpuUsage();
      process.send?.({ cpu: u.user + u.system });
    }
  });
  if (role === 'upstream') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      });
    });
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
    return;
  }
  const upstream = `http://127.0.0.1:${process.env.UPSTREAM_PORT}`;
  if (role === 'httpproxy') {
    const { default: httpProxy } = await import('http-proxy');
    const proxy = httpProxy.createProxyServer({
      target: upstream,
      agent: new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 256 }),
    });
    const server = createServer((req, res) => proxy.web(req, res));
    server.keepAliveTimeout = 60_000;
    server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
    return;
  }
  if (role === 'tap') {
    const { parseConfig } = await import('@understudy/core');
    const { openStore, sqliteWorkerSink } = await import('@understudy/store');
    const { createTap, storeSink } = await import('@understudy/tap');
    const { serve } = await import('@hono/node-server');
    const file = process.env.DB_FILE ?? ':memory:';
    const store = await openStore({ url: file });
    const rate = Number(process.env.CAPTURE_RATE ?? 1);
    const config = parseConfig({ versions: [{ name: 'stable', upstream }], tap: { capture: { rate } } });
    const sink =
      process.env.NULL_SINK === '1'
        ? { write: async () => {} }
        : process.env.WORKER_SINK === '1'
          ? sqliteWorkerSink({ url: file })
          : storeSink(store);
    const tap = createTap({ config: config.tap, version: { name: 'stable', upstream, headers: {} }, sink, redactionKey: 'k'.repeat(32) });
    const server = serve({ fetch: tap.app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => process.send?.(info.port));
    (server as { keepAliveTimeout?: number }).keepAliveTimeout = 60_000;
    process.on('message', async (m) => {
      if (m === 'stats') {
        await tap.flush();
        process.send?.({ ...tap.stats(), rows: await store.exchanges.count() });
      }
    });
  }
}

function start(r: string, env: Record<string, string> = {}): Promise<{ port: number; proc: ReturnType<typeof fork> }> {
  const execArgv =
    r === 'tap' && process.env.PROFILE_DIR !== undefined
      ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`]
      : process.execArgv;
  const proc = fork(process.argv[1] as string, [], { env: { ...process.env, MEASURE_ROLE: r, ...env }, execArgv });
  return new Promise((resolve) => proc.once('message', (port) => resolve({ port: port as number, proc })));
}

function cpu(proc: ReturnType<typeof fork>): Promise<number> {
  return new Promise((resolve) => {
    const on = (m: unknown) => {
      if (typeof m === 'object' && m !== null && 'cpu' in m) {
        proc.off('message', on);
        resolve((m as { cpu: number }).cpu);
      }
    };
    proc.on('message', on);
    proc.send('cpu');
  });
}

async function measured(proc: ReturnType<typeof fork>, port: number, seconds: number, connections: number): Promise<string> {
  const before = await cpu(proc);
  const r = await load(port, seconds, connections);
  const used = (await cpu(proc)) - before;
  const perReq = used / (r.rps * seconds);
  return `${r.rps.toFixed(0)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  cpu ${perReq.toFixed(1)} µs/req`;
}

async function load(port: number, seconds: number, connections: number): Promise<{ rps: number; p50: number; p99: number }> {
  const pool = new Pool(`http://127.0.0.1:${port}`, { connections });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const t = performance.now();
      const res = await pool.request({
        path: '/v1/chat/completions',
        method: 'POST',
        body: requestBody,
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-000000000000000000' },
      });
      await res.body.arrayBuffer();
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { rps: latencies.length / elapsed, p50: q(0.5), p99: q(0.99) };
}

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 5);
  const connections = Number(process.argv[3] ?? 32);
  const db = join(tmpdir(), `measure-${process.pid}.db`);
  const up = await start('upstream');
  const hp = await start('httpproxy', { UPSTREAM_PORT: String(up.port) });
  const tap = await start('tap', { UPSTREAM_PORT: String(up.port), DB_FILE: db });
  for (let round = 0; round < 2; round++) {
    console.log(`round ${round + 1}`);
    console.log(`  direct     ${await measured(up.proc, up.port, seconds, connections)}`);
    console.log(`  http-proxy ${await measured(hp.proc, hp.port, seconds, connections)}`);
    console.log(`  tap        ${await measured(tap.proc, tap.port, seconds, connections)}`);
  }
  const stats = await new Promise((resolve) => {
    tap.proc.on('message', (m) => typeof m === 'object' && m !== null && 'rows' in m && resolve(m));
    tap.proc.send('stats');
  });
  console.log('  tap stats', stats);
  for (const p of [up, hp, tap]) p.proc.kill('SIGINT');
  for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
}

if (role === undefined) await main();
else await child();
