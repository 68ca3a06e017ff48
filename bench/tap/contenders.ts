import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ask, type ChildSet } from './child-set.js';
import type { Target } from './load-jobs.js';
import { sleep } from './sleep.js';
import type { TapProfileReply, TapReply, TapStatsReply } from './tap-messages.js';

/** `tap-no-capture` is a diagnostic row (capture rate 0): it splits the tap's cost into forwarding and capture. */
export const contenderNames = ['direct', 'http-proxy', 'tap', 'tap-no-capture', 'portkey'] as const;
/** `tap@NAME`: a variant of the tap contender in the same run (an A/B, e.g. `tap@yg-16`, see run.ts). */
export type ContenderName = (typeof contenderNames)[number] | `tap@${string}`;

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));
const chatPath = '/v1/chat/completions';

export const paths = {
  upstream: here('./upstream-server.ts'),
  httpProxy: here('./http-proxy-server.ts'),
  tap: here('./tap-server.ts'),
  loadGenerator: here('./load-generator.ts'),
  loopbackOnly: here('./loopback-only.ts'),
  portkey: here('../../node_modules/@portkey-ai/gateway/build/start-server.js'),
} as const;

export const target = (name: ContenderName, port: number, headers: Record<string, string> = {}): Target => ({
  name,
  origin: `http://127.0.0.1:${port}`,
  path: chatPath,
  headers,
});

/** A free loopback port, for a server (Portkey) that cannot listen on port 0 and report back. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the Portkey gateway's own Node server (`build/start-server.js --port=N --headless`) on
 * 127.0.0.1 and waits until it accepts connections.
 */
export async function startPortkey(children: ChildSet, deadlineMs: number): Promise<{ port: number; pid: number | undefined }> {
  const port = await freePort();
  // tsx only so that the TypeScript preload loads; every contender runs under it, so the footprint
  // it adds is the same for all. NODE_ENV=production as a deployment would set it.
  const child = children.spawnNode(
    'portkey',
    ['--import', 'tsx', '--import', paths.loopbackOnly, paths.portkey, `--port=${port}`, '--headless'],
    {
      NODE_ENV: 'production',
    },
  );
  const until = performance.now() + deadlineMs;
  for (let attempt = 0; attempt < 200 && performance.now() < until; attempt++) {
    if (child.exitCode !== null) throw new Error(`portkey exited with code ${child.exitCode}\n${children.stderrOf('portkey')}`);
    if (await canConnect(port)) return { port, pid: child.pid };
    await sleep(100);
  }
  throw new Error(`portkey did not listen on 127.0.0.1:${port} within ${deadlineMs} ms\n${children.stderrOf('portkey')}`);
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Asks the tap child for `tap.stats()` and its RSS, or (`close`) to close the tap and exit. */
export function tapStats(tap: { child: ChildProcess }, type: 'stats' | 'close' = 'stats'): Promise<TapStatsReply> {
  const want = type === 'stats' ? 'stats' : 'closed';
  return ask(tap.child, { type }, (m) => (isReply(m) && m.type === want && 'stats' in m ? m : undefined), 15_000);
}

/** Starts or stops the tap's CPU profiler; `profiled` replies name the written file. */
export function tapProfile(tap: { child: ChildProcess }, type: 'profile-start' | 'profile-stop'): Promise<TapProfileReply> {
  const want = type === 'profile-start' ? 'profiling' : 'profiled';
  return ask(tap.child, { type }, (m) => (isReply(m) && m.type === want && !('stats' in m) ? m : undefined), 30_000);
}

function isReply(m: unknown): m is TapReply {
  return typeof m === 'object' && m !== null && 'type' in m;
}
