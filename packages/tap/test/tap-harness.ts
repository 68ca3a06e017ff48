import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type ConfigInput, parseConfig, seededRandom } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { type CaptureSink, createTap, storeSink, type Tap, tapServerOptions } from '@understudy/tap';

export interface TapHarness {
  readonly url: string;
  readonly tap: Tap;
  readonly store: Store;
  /** The SQLite file the store writes. */
  readonly file: string;
  close(): Promise<void>;
}

export const redactionKey = 'test-redaction-key-0123456789abcdef';

/** A tap on a real loopback port in front of `upstream`, capturing into a SQLite file. */
export async function startTap(
  upstream: string,
  options: { tap?: ConfigInput['tap']; sink?: (store: Store, file: string) => CaptureSink; closeTimeoutMs?: number } = {},
): Promise<TapHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'understudy-tap-'));
  const file = join(dir, 'capture.db');
  const store = await openStore({ url: file });
  const config = parseConfig({ versions: [{ name: 'stable', upstream }], tap: options.tap ?? {} });
  const tap = createTap({
    config: config.tap,
    version: { name: 'stable', upstream, headers: { 'x-prompt-version': '13' } },
    sink: options.sink === undefined ? storeSink(store) : options.sink(store, file),
    redactionKey,
    random: seededRandom(7),
    ...(options.closeTimeoutMs === undefined ? {} : { closeTimeoutMs: options.closeTimeoutMs }),
  });
  const server = serve({ fetch: tap.app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: tapServerOptions(config.tap.timeouts) });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  let closed = false;
  return {
    url: `http://127.0.0.1:${port}`,
    tap,
    store,
    file,
    async close() {
      if (closed) return;
      closed = true;
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tap.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
