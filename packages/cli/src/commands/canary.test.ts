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

  it('user audit 3: --approve and --min-requests apply to a spec file steps, and an approval step that does not exist is refused', async () => {
    const c = capture();
    await run(['versions', 'add', 'v2', '--upstream', 'http://127.0.0.1:9'], c.io);
    await run(['versions', 'add', 'stable', '--upstream', 'http://127.0.0.1:8'], c.io);
    const steps = [
      { weight: 10, minRequests: 500, minDurationMs: 60_000 },
      { weight: 100, minRequests: 500 },
    ];
    writeFileSync(join(c.dir, 'spec.json'), JSON.stringify({ candidate: 'v2', steps }));
    // Past the last step, or step 0: the approval would never be asked for, the canary would promote unapproved.
    for (const args of [
      ['--candidate', 'v2', '--approve', '9'],
      ['--candidate', 'v2', '--steps', '10,100', '--approve', '3'],
      ['--spec', 'spec.json', '--approve', '3'],
      ['--candidate', 'v2', '--approve', '0'],
    ]) {
      c.reset();
      expect(await run(['canary', 'start', ...args], c.io)).toBe(2);
      expect(c.err()).toMatch(/^understudy canary: --approve [0-9] names no step: the canary has [25] steps \(1-[25]\)\n$/);
    }
    c.reset();
    expect(await run(['canary', 'start', '--spec', 'spec.json', '--approve', '2', '--json'], c.io)).toBe(0);
    const started = JSON.parse(c.out()) as { id: string; spec: { steps: unknown[] } };
    expect(started.spec.steps).toEqual([
      { weight: 10, minRequests: 500, minDurationMs: 60_000, approval: false },
      { weight: 100, minRequests: 500, minDurationMs: 0, approval: true },
    ]);
    c.reset();
    expect(await run(['canary', 'rollback', started.id], c.io)).toBe(0);
    c.reset();
    expect(await run(['canary', 'start', '--spec', 'spec.json', '--min-requests', '80', '--json', '--allow-weak-evidence'], c.io)).toBe(0);
    expect((JSON.parse(c.out()) as { spec: { steps: unknown[] } }).spec.steps).toEqual([
      { weight: 10, minRequests: 80, minDurationMs: 60_000, approval: false },
      { weight: 100, minRequests: 80, minDurationMs: 0, approval: false },
    ]);
  });

  it('defect 8: refuses --min-requests below a gate minimum, shows progress and gate figures, tails the ledger, verifies as JSON', async () => {
    const c = capture();
    await run(['versions', 'add', 'v2', '--upstream', 'http://127.0.0.1:9'], c.io);
    await run(['versions', 'add', 'stable', '--upstream', 'http://127.0.0.1:8'], c.io);
    c.reset();
    expect(await run(['canary', 'start', '--candidate', 'v2', '--steps', '10,50', '--min-requests', '20'], c.io)).toBe(2);
    expect(c.err()).toBe(
      'understudy canary: --min-requests 20 is below gate error_rate\'s minSamples 30: its verdict would still be "hold" when a ' +
        "step's minimum is met; raise --min-requests to 30 or pass --allow-weak-evidence\n",
    );
    c.reset();
    expect(
      await run(['canary', 'start', '--candidate', 'v2', '--steps', '10,50', '--min-requests', '40', '--actor', 'deploy-bot'], c.io),
    ).toBe(0);
    const id = c.out().trim();

    // A controller step into the first weight, with an analysis that held for lack of data.
    const store = await openStore({ url: join(c.dir, 'test.db') });
    const canary = await store.canaries.get(id);
    if (canary === undefined) throw new Error('no canary');
    const entered = await store.canaries.apply(id, {
      generation: canary.generation,
      action: 'step:0',
      at: 2_000,
      patch: { state: 'progressing', stepIndex: 0, weight: 10, stepStartedAt: 2_000, analysisStartedAt: 2_000 },
      events: [{ type: 'step', actor: 'controller', data: { toWeight: 10 } }],
    });
    const hold = { outcome: 'hold', critical: false, reason: 'not enough data' };
    await store.canaries.apply(id, {
      generation: entered?.canary.generation ?? 0,
      action: 'analysis:1',
      at: 3_000,
      patch: { looks: 1 },
      events: [
        {
          type: 'analysis',
          actor: 'controller',
          data: {
            look: 1,
            n: { stable: 130, candidate: 12, candidateInStep: 12, comparisonsInStep: 0 },
            gates: [
              {
                gate: 'error_rate',
                kind: 'error_rate',
                ...hold,
                evidence: { nStable: 130, nCandidate: 12, estimate: 0.01, lower: -0.2, upper: 0.3 },
              },
              { gate: 'latency', kind: 'latency', ...hold, evidence: { nStable: 130, nCandidate: 12 } },
              {
                gate: 'divergence',
                kind: 'divergence',
                ...hold,
                evidence: { nCandidate: 8, estimate: 0.2, lower: -0.1, upper: 0.5, window: 'step 1', windowFrom: 2_000, windowTo: 3_000 },
              },
            ],
            decision: { action: 'stay', reason: 'step 1: waiting for evidence: error_rate 12/30, latency 12/30' },
          },
        },
      ],
    });
    await store.close();
    c.reset();
    expect(await run(['canary', 'status', id, '--tail', '2'], c.io)).toBe(0);
    const text = c.out();
    expect(text).toMatch(/^progress to step 2: requests 12\/40, time \d+s\/0s; waiting for evidence: error_rate 12\/30, latency 12\/30$/m);
    expect(text).toMatch(
      /^ {2}error_rate +hold estimate \+0\.0100 {2}bound \[-0\.2000, \+0\.3000\] {2}n 12\/130 stable — not enough data$/m,
    );
    // The divergence gate judges the current step only: its figures say so.
    expect(text).toMatch(/^ {2}divergence +hold estimate \+0\.2000 {2}bound \[-0\.1000, \+0\.5000\] {2}n 8 in step 1 — not enough data$/m);
    expect(text).toMatch(/^ledger \(last 2 of 3\):$/m);
    expect(text).not.toMatch(/#1 .* created by deploy-bot/);
    // --tail 0 is none of the ledger (slice(-0) is the whole array: it printed all of it).
    c.reset();
    expect(await run(['canary', 'status', id, '--tail', '0'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^ledger \(last 0 of 3\):$/m);
    expect(c.out()).not.toMatch(/^ {2}#\d/m);
    c.reset();
    expect(await run(['canary', 'status', id, '--tail', '0', '--json'], c.io)).toBe(0);
    expect((JSON.parse(c.out()) as { events: unknown[] }).events).toEqual([]);
    c.reset();
    expect(await run(['canary', 'status', id, '--json'], c.io)).toBe(0);
    const status = JSON.parse(c.out()) as { progress: unknown; gates: unknown[]; events: { actor: string }[] };
    expect(status.progress).toMatchObject({
      nextStep: 2,
      requests: { n: 12, min: 40 },
      waitingFor: [
        { gate: 'error_rate', n: 12, min: 30 },
        { gate: 'latency', n: 12, min: 30 },
      ],
    });
    expect(status.gates).toHaveLength(3);
    expect(status.events[0]?.actor).toBe('deploy-bot');
    c.reset();
    expect(await run(['canary', 'verify', id, '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ ok: true, events: 3, brokenAt: null, reason: null });
  });
});
