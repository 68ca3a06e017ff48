/**
 * A version's extra headers are how it authenticates to its upstream. They must work — the tap
 * sends them, including through its separate capture-writer process — yet never be at rest in
 * the clear nor echoed: `versions add` seals their values in the store under the redaction key.
 * An upstream URL carrying credentials or a query (which the tap never sent) is refused.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { openStore } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';
import { eventually } from './eventually.js';
import { filesHolding, listen } from './judge-stubs.js';

const seed = 'sk-proj-VersionSeed7Qm2Zx9Lc4Rw8Yh1';

describe('version credentials', () => {
  it('the tap sends a stored version header, which no file of the store, log or listing holds', async () => {
    const received: IncomingHttpHeaders[] = [];
    const upstream = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    const upstreamUrl = await listen(upstream);
    const c = captureIo();
    try {
      const header = `Authorization: Bearer ${seed}`;
      expect(
        await run(['versions', 'add', 'v2', '--upstream', upstreamUrl, '--header', header, '--header', 'x-prompt-version: 13'], c.io),
      ).toBe(0);
      const abort = new AbortController();
      const done = run(['tap', '--version', 'v2', '--port', '0'], c.io, abort.signal);
      const url = await eventually(() => (/"msg":"tap listening"/.test(c.out()) ? /"url":"(http:[^"]+)"/.exec(c.out())?.[1] : undefined));
      const res = await fetch(`${url}/v1/chat/completions`, { method: 'POST', body: '{"messages":[]}' });
      expect(res.status).toBe(200);
      await res.text();
      abort.abort();
      expect(await done).toBe(0);
      expect(received.map((h) => [h.authorization, h['x-prompt-version']])).toEqual([[`Bearer ${seed}`, '13']]);

      expect(await run(['versions', 'list'], c.io)).toBe(0);
      expect(await run(['versions', 'list', '--json'], c.io)).toBe(0);
      expect(c.out()).toContain('x-prompt-version:13');
      expect(c.out() + c.err()).not.toContain(seed);
      expect(filesHolding(c.dir, seed)).toEqual([]);
      expect(filesHolding(c.dir, seed.slice(8, 24))).toEqual([]);
    } finally {
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('a store opened with another redaction key refuses the sealed header with a clear error', async () => {
    const c = captureIo();
    expect(await run(['versions', 'add', 'v2', '--upstream', 'http://127.0.0.1:9', '--header', `x-api-key: ${seed}`], c.io)).toBe(0);
    const store = await openStore({ url: c.io.env.UNDERSTUDY_DB ?? '', redactionKey: 'another-redaction-key-0123456789' });
    try {
      await expect(store.versions.get('v2')).rejects.toMatchObject({
        code: 'invalid_config',
        message: /sealed under another redaction key/,
      });
    } finally {
      await store.close();
    }
  });

  it('refuses an upstream URL with credentials or a query (never sent), naming neither: one line, exit 2', async () => {
    for (const upstream of ['http://bob:VersionSeedPw-41@127.0.0.1:9/v1', `http://127.0.0.1:9/v1?api_key=${seed}`]) {
      const c = captureIo();
      expect(await run(['versions', 'add', 'v2', '--upstream', upstream], c.io)).toBe(2);
      expect(c.err()).toMatch(/^understudy versions: --upstream must not carry (credentials|a query)/);
      expect(c.err().trimEnd().split('\n')).toHaveLength(1);
      expect(c.err()).not.toContain('VersionSeedPw-41');
      expect(c.err()).not.toContain(seed);
    }
  });
});
