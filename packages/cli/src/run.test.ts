import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { openStore } from '@understudy/store';
import { afterEach, describe, expect, it } from 'vitest';
import { type CapturedIo, captureIo } from '../test/capture-io.js';
import { eventually } from '../test/eventually.js';
import { run } from './run.js';

function capture(env: Record<string, string> = {}, cwd?: string): CapturedIo {
  return captureIo({ env, ...(cwd === undefined ? {} : { dir: cwd }) });
}

describe('run: usage', () => {
  it('prints help with the command list and exits 0', async () => {
    const c = capture();
    expect(await run(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/Usage: understudy <command>/);
    for (const name of ['start', 'tap', 'control', 'versions']) expect(c.out()).toContain(`  ${name}`);
    const sub = capture();
    expect(await run(['tap', '--help'], sub.io)).toBe(0);
    expect(sub.out()).toMatch(/^Usage: understudy tap \[--upstream URL\]/);
  });

  it.each([
    [['frobnicate'], /^understudy frobnicate: unknown command "frobnicate"/],
    [['tap', '--nope'], /^understudy tap: Unknown option '--nope'\n$/],
    [['tap', '--upstream'], /^understudy tap: Option '--upstream <value>' argument missing\n$/],
    [['tap', '--upstream', 'ftp://x'], /--upstream must be an http\(s\) URL/],
    [['start', '--port', 'eighty'], /--port must be a port number/],
    [['versions', 'add', 'bad name', '--upstream', 'http://x'], /version name "bad name"/],
    [['versions', 'add', 'ok', '--header', 'novalue', '--upstream', 'http://x'], /--header must look like NAME:VALUE/],
    [['versions', 'remove'], /unknown versions action "remove"/],
    // Found by the new-user walk: Node's "argument is ambiguous" for a value that starts with a
    // dash, Number.MIN_VALUE printed as a bound, and a directory given as a file.
    [['control', '--port', '-1'], /^understudy control: --port needs a value: write --port=-1 for one that starts with "-"\n$/],
    [['replay', '--target', 'v2', '--limit', '-5'], /--limit needs a value: write --limit=-5/],
    [
      ['replay', '--target', 'v2', '--rate', '0'],
      /^understudy replay: --rate must be a number greater than 0 and at most 1000000, got "0"\n$/,
    ],
    [['replay', '--target', 'v2', '--limit', '1.5'], /^understudy replay: --limit must be a whole number of at least 1, got "1.5"\n$/],
    [['import', '.'], /^understudy import: \. is a directory, not a file\n$/],
    [['diff', '.', '.'], /^understudy diff: \. is a directory, not a file\n$/],
  ])('%j exits 2 with a one-line reason', async (argv, reason) => {
    const c = capture();
    expect(await run(argv, c.io)).toBe(2);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
    expect(c.err()).toMatch(reason);
  });

  it('names the offending key of a bad config file', async () => {
    const c = capture();
    writeFileSync(join(c.io.cwd, 'understudy.config.json'), '{"tap":{"capture":{"rate":"all"}}}');
    expect(await run(['versions', 'list'], c.io)).toBe(2);
    expect(c.err()).toMatch(/tap\.capture\.rate/);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
  });

  it('a reason that echoes its input leaves no secret in it: one line, exit 2', async () => {
    const c = capture();
    const url = 'ftp://bob:CliSeedPw-7731@agent.internal/v1?api_key=CliSeedKey-4410';
    expect(await run(['versions', 'add', 'x', '--upstream', url], c.io)).toBe(2);
    expect(c.err()).toMatch(/^understudy versions: --upstream must be an http\(s\) URL/);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
    expect(c.err()).not.toContain('CliSeedPw-7731');
    expect(c.err()).not.toContain('CliSeedKey-4410');
  });

  it('says which version lacks an upstream', async () => {
    const c = capture();
    expect(await run(['tap', '--version', 'canary-7'], c.io)).toBe(2);
    expect(c.err()).toMatch(/no upstream for version "canary-7"/);
  });
});

describe('run: versions', () => {
  it('adds versions and lists them as a table or JSON', async () => {
    const c = capture();
    expect(
      await run(['versions', 'add', 'candidate', '--upstream', 'http://127.0.0.1:9001', '--header', 'X-Prompt-Version: 13'], c.io),
    ).toBe(0);
    expect(await run(['versions', 'add', 'stable', '--upstream', 'http://127.0.0.1:9000'], c.io)).toBe(0);
    const list = capture(c.io.env as Record<string, string>, c.io.cwd);
    expect(await run(['versions', 'list'], list.io)).toBe(0);
    expect(list.out().split('\n').slice(0, 5)).toEqual([
      'NAME       UPSTREAM               HEADERS              NOTES',
      'candidate  http://127.0.0.1:9001  x-prompt-version:13',
      'stable     http://127.0.0.1:9000',
      '',
      'no routes yet (a tap creates its route when it starts)',
    ]);
    writeFileSync(
      join(c.io.cwd, 'understudy.config.json'),
      JSON.stringify({ versions: [{ name: 'from-config', upstream: 'http://127.0.0.1:9002' }] }),
    );
    const json = capture(c.io.env as Record<string, string>, c.io.cwd);
    expect(await run(['versions', 'list', '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.out())).toEqual({
      versions: [
        {
          name: 'candidate',
          upstream: 'http://127.0.0.1:9001',
          headers: { 'x-prompt-version': '13' },
          stored: true,
          config: null,
          serves: [],
        },
        { name: 'from-config', upstream: 'http://127.0.0.1:9002', headers: {}, stored: false, config: 'not_registered', serves: [] },
        { name: 'stable', upstream: 'http://127.0.0.1:9000', headers: {}, stored: true, config: null, serves: [] },
      ],
      routes: [],
    });
  });
});

describe('run: long-running roles in-process', () => {
  let blocker: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (blocker === undefined ? resolve(undefined) : blocker.close(resolve)));
    blocker = undefined;
  });

  it('control: serves the API until aborted, then exits 0', async () => {
    const c = capture({ UNDERSTUDY_ADMIN_TOKEN: 'control-token-1' });
    const abort = new AbortController();
    const done = run(['control', '--port', '0'], c.io, abort.signal);
    const url = await eventually(() => /"url":"(http:[^"]+)"/.exec(c.out())?.[1]);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/api/versions`)).status).toBe(401);
    const ok = await fetch(`${url}/api/versions`, { headers: { authorization: 'Bearer control-token-1' } });
    expect(await ok.json()).toEqual({ items: [] });
    abort.abort();
    expect(await done).toBe(0);
  });

  it('control on a terminal prints a banner and readable log lines; JSON lines with --log-format json or off a terminal', async () => {
    const tty = captureIo({ env: { UNDERSTUDY_ADMIN_TOKEN: 'control-token-1' }, isTty: true });
    const abort = new AbortController();
    const done = run(['control', '--port', '0'], tty.io, abort.signal);
    await eventually(() => (tty.out().includes('control plane listening') ? true : undefined));
    expect(tty.out()).toMatch(/Understudy control plane is running\.\n {2}api +http:\/\/\S+\/api\/…\n {2}dashboard +http:\/\/\S+\/\n/);
    expect(tty.out()).toMatch(/^\d\d:\d\d:\d\d INFO {2}control plane listening/m);
    abort.abort();
    expect(await done).toBe(0);

    const json = captureIo({ env: { UNDERSTUDY_ADMIN_TOKEN: 'control-token-1' }, isTty: true });
    const stop = new AbortController();
    const running = run(['control', '--port', '0', '--log-format', 'json'], json.io, stop.signal);
    await eventually(() => (json.out().includes('control plane listening') ? true : undefined));
    expect(json.out()).not.toContain('is running.');
    for (const line of json.out().trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    stop.abort();
    expect(await running).toBe(0);

    const bad = capture({ UNDERSTUDY_ADMIN_TOKEN: 'control-token-1' });
    expect(await run(['control', '--log-format', 'xml'], bad.io)).toBe(2);
    expect(bad.err()).toBe('understudy control: --log-format must be json or pretty, got "xml"\n');
  });

  it('control: generates and prints a token and binds loopback when none is configured', async () => {
    const c = capture();
    const abort = new AbortController();
    const done = run(['control', '--port', '0'], c.io, abort.signal);
    const token = await eventually(() => /admin token .*: ([0-9a-f]{64})$/m.exec(c.err())?.[1]);
    expect(c.out()).toMatch(/"host":"127\.0\.0\.1"/);
    const url = /"url":"(http:[^"]+)"/.exec(c.out())?.[1];
    expect((await fetch(`${url}/api/versions`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    abort.abort();
    expect(await done).toBe(0);
  });

  it('a port in use is a one-line usage error', async () => {
    const server = createServer();
    blocker = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const c = capture({ UNDERSTUDY_ADMIN_TOKEN: 'control-token-1' });
    const config = join(c.io.cwd, 'c.json');
    writeFileSync(config, JSON.stringify({ control: { host: '127.0.0.1' } }));
    expect(await run(['control', '--port', String(port), '--config', config], c.io)).toBe(2);
    expect(c.err()).toBe(`understudy control: control plane port ${port} on 127.0.0.1 is already in use\n`);
  });

  it('tap: forwards to a version from the store and captures into the DB until aborted', async () => {
    const c = capture();
    const agent = serve({ fetch: createDemoAgentApp({ variant: 'good' }).fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((resolve) => agent.once('listening', resolve));
    const address = agent.address();
    const agentPort = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      expect(await run(['versions', 'add', 'v2', '--upstream', `http://127.0.0.1:${agentPort}`], c.io)).toBe(0);
      const abort = new AbortController();
      const done = run(['tap', '--version', 'v2', '--port', '0'], c.io, abort.signal);
      const url = await eventually(() => (/"msg":"tap listening"/.test(c.out()) ? /"url":"(http:[^"]+)"/.exec(c.out())?.[1] : undefined));
      const res = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-understudy-version')).toBe('v2');
      await res.text();
      abort.abort();
      expect(await done).toBe(0);
      const store = await openStore({ url: c.io.env.UNDERSTUDY_DB ?? '' });
      const page = await store.exchanges.list();
      await store.close();
      expect(page.items.map((e) => [e.version, e.path, e.status])).toEqual([['v2', '/v1/chat/completions', 200]]);
    } finally {
      await new Promise((resolve) => agent.close(resolve));
    }
  });

  it('start without an upstream runs the demo (v1, v2, v3 and customer conversations), captured with secrets redacted', async () => {
    const c = capture({ UNDERSTUDY_ADMIN_TOKEN: 'start-token-123' });
    const abort = new AbortController();
    const done = run(['start', '--port', '0', '--control-port', '0'], c.io, abort.signal);
    const control = await eventually(() => /control\s+(http:\S+)/.exec(c.out())?.[1]);
    expect(c.out()).toMatch(/dashboard\s+http:\S+\/\n/);
    expect(c.out()).toMatch(/tap\s+http:\S+\s+→ version v1 at http:\S+ \(embedded demo agent v1; v2 and v3 beside it\)/);
    expect(c.out()).toContain(`curl -s -H "Authorization: Bearer $UNDERSTUDY_ADMIN_TOKEN" '${control}/api/exchanges?limit=5'`);
    const headers = { authorization: 'Bearer start-token-123' };
    type Page = { items: { requestHeaders: Record<string, string>; requestBody: { text: string } }[] };
    const first = await eventually(async () => {
      const page = (await (await fetch(`${control}/api/exchanges`, { headers })).json()) as Page;
      return page.items.find((e) => e.requestBody.text.includes('"role":"user"') && e.requestHeaders.authorization !== undefined);
    });
    expect(first.requestHeaders.authorization).toMatch(/^\[redacted/);
    // The demo picks each conversation at random (about one in six is the refund with an email), so
    // how soon one comes depends on the draw and the machine's load: wait up to a minute.
    const withEmail = await eventually(async () => {
      const page = (await (await fetch(`${control}/api/exchanges?limit=200`, { headers })).json()) as Page;
      return page.items.find((e) => e.requestBody.text.includes('arrived broken'));
    }, 60_000);
    expect(withEmail.requestBody.text).not.toContain('jane.doe@example.com');
    expect(withEmail.requestBody.text).toMatch(/\[redacted:email:/);
    const versions = (await (await fetch(`${control}/api/versions`, { headers })).json()) as { items: { name: string }[] };
    // The demo registers its own versions.
    expect(versions.items.map((v) => v.name).sort()).toEqual(['v1', 'v2', 'v3']);
    expect(await (await fetch(`${control}/metrics`, { headers })).text()).toMatch(/understudy_control_requests_total/);
    abort.abort();
    expect(await done).toBe(0);
  }, 90_000);
});
