import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { describe, expect, it } from 'vitest';
import { type CapturedIo, captureIo } from '../../test/capture-io.js';
import { run } from '../run.js';

function capture(): CapturedIo {
  return captureIo({ env: { USER: 'carol' } });
}

describe('understudy canary', () => {
  it('starts a canary from flags, steers it, prints its ledger and verifies the chain', async () => {
    const c = capture();
    expect(await run(['versions', 'add', 'v2', '--upstream', 'http://127.0.0.1:9'], c.io)).toBe(0);
    expect(await run(['versions', 'add', 'stable', '--upstream', 'http://127.0.0.1:8'], c.io)).toBe(0);
    c.reset();
    const code = await run(
      [
        'canary',
        'start',
        '--candidate',
        'v2',
        '--steps',
        '5,50,100',
        '--interval',
        '10s',
        '--approve',
        '3',
        '--gate',
        'error_rate:0.01:critical',
        '--gate',
        'latency_p99:0.2',
        '--sticky',
        'json:$.metadata.conversation_id',
      ],
      c.io,
    );
    expect(c.err()).toBe('');
    expect(code).toBe(0);
    const id = c.out().trim();
    expect(id).toMatch(/^[0-9A-Z]{26}$/);

    const store = await openStore({ url: join(c.dir, 'test.db') });
    const stored = await store.canaries.get(id);
    await store.close();
    expect(stored?.spec).toMatchObject({
      intervalMs: 10_000,
      sticky: 'json:$.metadata.conversation_id',
      steps: [
        { weight: 5, approval: false },
        { weight: 50, approval: false },
        { weight: 100, approval: true },
      ],
      gates: [
        { kind: 'error_rate', threshold: 0.01, critical: true },
        { kind: 'latency_p99', threshold: 0.2, critical: false },
      ],
    });

    c.reset();
    expect(await run(['canary', 'pause', id, '--reason', 'lunch'], c.io)).toBe(0);
    expect(c.out()).toContain('paused');
    c.reset();
    expect(await run(['canary', 'status', id], c.io)).toBe(0);
    expect(c.out()).toMatch(/state paused/);
    expect(c.out()).toMatch(/#2 .* paused by cli:carol/);
    c.reset();
    expect(await run(['canary', 'verify', id], c.io)).toBe(0);
    expect(c.out()).toBe('ledger ok: 2 events, hash chain intact\n');
    c.reset();
    expect(await run(['canary', 'status', id, '--json'], c.io)).toBe(0);
    expect((JSON.parse(c.out()) as { events: unknown[] }).events).toHaveLength(2);
  });

  it('reads a spec file, and rejects bad input with exit 2 and one line', async () => {
    const c = capture();
    await run(['versions', 'add', 'v2', '--upstream', 'http://127.0.0.1:9'], c.io);
    await run(['versions', 'add', 'stable', '--upstream', 'http://127.0.0.1:8'], c.io);
    writeFileSync(join(c.dir, 'spec.json'), JSON.stringify({ candidate: 'v2', steps: [{ weight: 10 }, { weight: 100 }], fallback: false }));
    c.reset();
    expect(await run(['canary', 'start', '--spec', 'spec.json', '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toMatchObject({ state: 'pending', candidate: 'v2', spec: { fallback: false } });
    for (const args of [
      ['canary', 'start'],
      ['canary', 'start', '--candidate', 'v2', '--steps', '50,10'],
      ['canary', 'start', '--candidate', 'v2', '--interval', 'soon'],
      ['canary', 'start', '--candidate', 'ghost'],
      ['canary', 'status'],
      ['canary', 'explode', 'X'],
      ['canary', 'pause', 'NOPE'],
    ]) {
      c.reset();
      expect(await run(args, c.io)).toBe(2);
      expect(c.err().trim().split('\n')).toHaveLength(1);
    }
    // Already running on the route: a second canary is refused.
    c.reset();
    expect(await run(['canary', 'start', '--candidate', 'v2'], c.io)).toBe(2);
    expect(c.err()).toMatch(/already running/);
  });
});
