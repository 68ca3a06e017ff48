import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { eventually } from './eventually.js';
import { type SpawnedCli, spawnCli } from './spawn-cli.js';

/** What `/_understudy/healthz` answers (the parts these tests read). */
export interface TapHealth {
  status: string;
  capture: {
    healthy: boolean;
    captured: number;
    dropped: number;
    storeErrors: number;
    lastError: string | null;
    lostBeforeStart: { runs: number; lost: number; unknown: number };
    /** `understudy tap` on a SQLite file: its capture writer process. */
    writer?: { running: boolean; restarts: number; consecutiveFailures: number; restartInMs: number | null; lastExit: string | null };
  };
}

/** A loopback upstream that answers every request 200 with `body` as JSON once it has read the request. */
export async function startJsonUpstream(
  body: unknown = { ok: true },
  onRequest?: (headers: IncomingHttpHeaders) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const json = JSON.stringify(body);
  const server: Server = createServer((req, res) => {
    onRequest?.(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A running `understudy tap` child process and helpers to talk to it. */
export interface TapProcess {
  readonly cli: SpawnedCli;
  readonly url: string;
  output(): string;
  health(): Promise<TapHealth>;
  /** POSTs `body` to `path` through the tap; the status the client got. */
  send(path: string, body?: string): Promise<number>;
}

/** Starts `understudy tap --upstream URL --port 0 --log-format json` in `cwd` and waits until it listens. */
export async function startTapProcess(upstream: string, env: Record<string, string>, cwd: string): Promise<TapProcess> {
  const cli = spawnCli(['tap', '--upstream', upstream, '--port', '0', '--log-format', 'json'], env, cwd);
  const output = (): string => cli.stdout() + cli.stderr();
  const url = await eventually(
    () => (/"msg":"tap listening"/.test(output()) ? /"url":"(http:[^"]+)"[^\n]*"msg":"tap listening"/.exec(output())?.[1] : undefined),
    30_000,
  );
  return {
    cli,
    url,
    output,
    health: async () => (await (await request(`${url}/_understudy/healthz`)).body.json()) as TapHealth,
    async send(path, body = '{"q":1}') {
      const res = await request(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.body.text();
      return res.statusCode;
    },
  };
}
