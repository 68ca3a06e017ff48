import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock, systemRandom } from '@understudy/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createCanaryController } from '../src/canary-controller.js';
import { createCanaryService } from '../src/canary-service.js';
import { chat, demoAgent, type Served, type TapRig, tapRig, webhookReceiver } from './loopback.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const users = Array.from({ length: 60 }, (_, i) => `user-${i}`);

describe('canary end to end: real tap, real demo agents', () => {
  const open: { close(): Promise<void> }[] = [];
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    children.length = 0;
    for (const o of open.reverse()) await o.close();
    open.length = 0;
  });

  async function rig(candidateVariant: 'good' | 'regressed'): Promise<{ rig: TapRig; stable: Served; candidate: Served }> {
    const stable = await demoAgent('good', 1);
    const candidate = await demoAgent(candidateVariant, 2);
    const r = await tapRig(stable.url);
    open.push(stable, candidate, r);
    await r.store.versions.upsert({ name: 'v2', upstream: candidate.url, headers: {} });
    return { rig: r, stable, candidate };
  }

  /** Sends a batch of requests, one per user, and returns which version served each user. */
  async function batch(r: TapRig, round: number): Promise<Map<string, string>> {
    const served = new Map<string, string>();
    await Promise.all(
      users.map(async (user, i) => {
        const res = await chat(r.url, user, round + i);
        served.set(user, res.version);
      }),
    );
    await r.tap.flush();
    return served;
  }

  it('rolls a regressed candidate back by itself; the ledger shows the failing gate; then no request reaches it', async () => {
    const { rig: r, candidate } = await rig('regressed');
    const service = createCanaryService({ store: r.store, clock: systemClock, random: systemRandom });
    const controller = createCanaryController({ store: r.store, clock: systemClock, holder: 'e2e' });
    const canary = await service.create(
      {
        candidate: 'v2',
        sticky: 'header:x-user',
        intervalMs: 100,
        steps: [{ weight: 50, minRequests: 100_000 }, { weight: 100 }],
        gates: [
          { kind: 'error_rate', threshold: 0, minSamples: 30 },
          { kind: 'latency', threshold: 0.2, minSamples: 30 },
        ],
      },
      'e2e',
    );
    await controller.tick();
    expect(await r.untilApplied(await r.store.routing.revision('stable'), 1000)).toBe(true);
    for (let round = 0; round < 40; round++) {
      await batch(r, round);
      await controller.tick();
      if ((await r.store.canaries.get(canary.id))?.state === 'rolled_back') break;
    }
    const after = await r.store.canaries.get(canary.id);
    expect(after?.state).toBe('rolled_back');
    const events = await r.store.canaries.events(canary.id);
    const last = events.findLast((e) => e.type === 'analysis')?.data as {
      gates: { gate: string; outcome: string; evidence: Record<string, number> }[];
      n: { stable: number; candidate: number };
    };
    const failing = last.gates.filter((g) => g.outcome === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(after?.reason).toContain(failing[0]?.gate);
    expect(failing[0]?.evidence.nCandidate).toBeGreaterThanOrEqual(30);
    expect(last.n.candidate).toBeGreaterThan(0);
    expect(events.at(-1)?.type).toBe('rolled_back');
    expect(await service.verify(canary.id)).toMatchObject({ ok: true });

    // The taps poll routing every 100 ms here; a second is the contract. Once the tap applied
    // the rollback's routing, no request may reach the candidate any more.
    expect(await r.untilApplied(await r.store.routing.revision('stable'), 1000)).toBe(true);
    expect(r.watcher.current()).toMatchObject({ candidate: null, weight: 0 });
    const hits = candidate.hits();
    const finalBatch = await batch(r, 200);
    expect([...finalBatch.values()].every((v) => v === 'stable')).toBe(true);
    expect(candidate.hits()).toBe(hits);
  });

  it('promotes a good candidate step by step: approval waits, webhooks are called, sticky keys never switch back', async () => {
    const { rig: r } = await rig('good');
    const hooks = await webhookReceiver((body) => (body.kind === 'gate' ? { pass: true, reason: 'qa ok' } : { pass: true }));
    open.push(hooks);
    const service = createCanaryService({ store: r.store, clock: systemClock, random: systemRandom });
    const controller = createCanaryController({ store: r.store, clock: systemClock, holder: 'e2e' });
    const canary = await service.create(
      {
        candidate: 'v2',
        sticky: 'header:x-user',
        intervalMs: 100,
        steps: [
          { weight: 10, minRequests: 5 },
          { weight: 50, minRequests: 20, approval: true },
          { weight: 100, minRequests: 20 },
        ],
        gates: [
          { kind: 'error_rate', threshold: 0.05, minSamples: 20 },
          { kind: 'webhook', name: 'qa', url: `${hooks.url}/gate` },
        ],
        webhooks: [{ url: `${hooks.url}/events` }],
      },
      'e2e',
    );
    await controller.tick();
    const history = new Map<string, string[]>();
    let approvedAt = -1;
    for (let round = 0; round < 60; round++) {
      const before = await r.store.canaries.get(canary.id);
      if (before?.state === 'promoted') break;
      // Wait for the tap to apply the routing the controller wrote before judging stickiness.
      expect(await r.untilApplied(await r.store.routing.revision('stable'), 1000)).toBe(true);
      const served = await batch(r, round);
      for (const [user, version] of served) history.set(user, [...(history.get(user) ?? []), version]);
      await controller.tick();
      const now = await r.store.canaries.get(canary.id);
      if (now?.state === 'awaiting_approval') {
        // It stays there, however many windows pass, until someone approves.
        for (let i = 0; i < 3; i++) {
          await batch(r, round);
          await controller.tick();
          expect((await r.store.canaries.get(canary.id))?.state).toBe('awaiting_approval');
        }
        await service.act(canary.id, 'approve', 'release-manager');
        approvedAt = round;
      }
    }
    expect(approvedAt).toBeGreaterThanOrEqual(0);
    expect(await r.store.canaries.get(canary.id)).toMatchObject({ state: 'promoted' });
    expect(await r.store.routing.get('stable')).toMatchObject({ primary: 'v2', candidate: null });
    // After promotion the route serves the candidate to everyone.
    expect(await r.untilApplied(await r.store.routing.revision('stable'), 1000)).toBe(true);
    expect([...(await batch(r, 999)).values()].every((v) => v === 'v2')).toBe(true);

    // Stickiness: once a user reached the candidate, it never went back to stable.
    let movedUsers = 0;
    for (const versions of history.values()) {
      const first = versions.indexOf('v2');
      if (first === -1) continue;
      movedUsers++;
      expect(versions.slice(first).every((v) => v === 'v2')).toBe(true);
    }
    expect(movedUsers).toBeGreaterThan(0);

    const events = await r.store.canaries.events(canary.id);
    expect(events.filter((e) => e.type === 'step').map((e) => (e.data as { toStep: number }).toStep)).toEqual([1, 2, 3]);
    expect(events.find((e) => e.type === 'approved')?.actor).toBe('release-manager');
    const kinds = new Set(hooks.calls.map((c) => c.kind));
    for (const kind of ['pre-rollout', 'step', 'confirm-promotion', 'event', 'gate']) expect(kinds.has(kind)).toBe(true);
    const step = hooks.calls.find((c) => c.kind === 'step') as { canary?: Record<string, unknown>; at?: number } | undefined;
    expect(step?.canary).toMatchObject({ id: canary.id, stable: 'stable', candidate: 'v2', state: 'progressing', step: 1, weight: 10 });
    expect(typeof step?.at).toBe('number');
    const event = hooks.calls.find((c) => c.kind === 'event') as { event?: { type: string; actor: string } } | undefined;
    expect(event?.event).toMatchObject({ type: expect.any(String), actor: expect.any(String) });
    const gateCall = hooks.calls.find((c) => c.kind === 'gate') as { gate?: string; window?: { from: number; to: number } } | undefined;
    expect(gateCall?.gate).toBe('qa');
    expect(gateCall?.window?.to).toBeGreaterThan(gateCall?.window?.from ?? Number.POSITIVE_INFINITY);
  });

  it('a controller killed with SIGKILL mid-ramp is replaced by one that resumes at the same step', async () => {
    const { rig: r } = await rig('good');
    const service = createCanaryService({ store: r.store, clock: systemClock, random: systemRandom });
    const canary = await service.create(
      {
        candidate: 'v2',
        sticky: 'header:x-user',
        intervalMs: 200,
        steps: [5, 10, 20, 40, 100].map((weight) => ({ weight, minRequests: 3 })),
        gates: [{ kind: 'error_rate', threshold: 0.05, minSamples: 20 }],
      },
      'e2e',
    );
    const controllerProcess = (): ChildProcess => {
      const child = spawn(
        process.execPath,
        ['--conditions=source', '--import', 'tsx', 'packages/cli/src/main.ts', 'canary', 'run', '--holder', 'node-a'],
        {
          cwd: repo,
          env: { ...process.env, UNDERSTUDY_DB: r.file },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      children.push(child);
      return child;
    };
    const first = controllerProcess();
    let killedAt: { step: number; generation: number } | undefined;
    for (let round = 0; round < 300 && killedAt === undefined; round++) {
      await batch(r, round);
      const now = await r.store.canaries.get(canary.id);
      if (now !== undefined && now.stepIndex >= 1) {
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
        const after = await r.store.canaries.get(canary.id);
        killedAt = { step: after?.stepIndex ?? -1, generation: after?.generation ?? -1 };
      }
    }
    expect(killedAt).toBeDefined();
    // While no controller runs, nothing moves.
    await batch(r, 500);
    expect((await r.store.canaries.get(canary.id))?.stepIndex).toBe(killedAt?.step);

    controllerProcess();
    for (let round = 0; round < 400; round++) {
      if ((await r.store.canaries.get(canary.id))?.state === 'promoted') break;
      await batch(r, round);
    }
    expect((await r.store.canaries.get(canary.id))?.state).toBe('promoted');
    const steps = (await r.store.canaries.events(canary.id))
      .filter((e) => e.type === 'step')
      .map((e) => (e.data as { toStep: number }).toStep);
    expect(steps).toEqual([1, 2, 3, 4, 5]); // every step entered exactly once, none repeated after the kill
    expect(await service.verify(canary.id)).toMatchObject({ ok: true });
  }, 120_000);
});
