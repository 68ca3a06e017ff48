import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';
import { eventually } from './eventually.js';

describe('understudy start’s banner', () => {
  it('shows the upstream without its password or query: no credential reaches the terminal', async () => {
    const agent = createServer((_req, res) => res.writeHead(200).end('{}'));
    await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
    const port = (agent.address() as AddressInfo).port;
    const c = captureIo({ env: { UNDERSTUDY_ADMIN_TOKEN: 'banner-test-token-0123456789' } });
    const abort = new AbortController();
    const upstream = `http://bob:BannerSeedPw-6621@127.0.0.1:${port}/v1?api_key=BannerSeedKey-3317`;
    const done = run(['start', '--upstream', upstream, '--port', '0', '--control-port', '0'], c.io, abort.signal);
    try {
      await eventually(() => (/control\s+http:\S+/.test(c.out()) ? true : undefined), 60_000);
      expect(c.out()).toContain(`at http://bob:redacted@127.0.0.1:${port}/v1`);
    } finally {
      abort.abort();
      await done;
      await new Promise((resolve) => agent.close(resolve));
    }
    const all = c.out() + c.err();
    for (const seed of ['BannerSeedPw-6621', 'BannerSeedKey-3317']) expect(all.split('\n').filter((l) => l.includes(seed))).toEqual([]);
  }, 90_000);
});
