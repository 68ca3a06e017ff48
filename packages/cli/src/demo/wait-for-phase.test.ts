import { ManualClock } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { type PhaseProgress, waitForPhase } from './wait-for-phase.js';

/** Runs `waitForPhase` while moving the clock `stepMs` per poll; `at(t)` says where the phase stands at time t. */
async function run(at: (t: number) => PhaseProgress, stepMs = 1_000): Promise<string> {
  const clock = new ManualClock();
  const waiting = waitForPhase({ clock, pollMs: 1_000, stallMs: 100_000 }, async () => at(clock.monotonic()), 'canary v2').then(
    () => 'done',
    (e: Error) => e.message,
  );
  let outcome: string | undefined;
  void waiting.then((o) => {
    outcome = o;
  });
  for (let i = 0; i < 2_000 && outcome === undefined; i++) {
    await new Promise((r) => setImmediate(r));
    clock.advance(stepMs);
  }
  return outcome ?? 'still waiting';
}

// Found by the new-user walk: on a loaded machine `npm start`'s v2 canary reached 50 % after 78 s
// and its phase failed at 100 s in all, leaving the canary mid-ramp with the demo's traffic stopped.
describe('waitForPhase', () => {
  it('waits as long as the phase keeps moving on, each step slower than the stall limit in all', async () => {
    // Three steps of 80 s each: 240 s in all, never 100 s without a change.
    const steps = (t: number): PhaseProgress => ({ done: t >= 240_000, mark: `step ${Math.floor(t / 80_000)}` });
    expect(await run(steps)).toBe('done');
  });

  it('fails a phase that stops moving, naming where it stood', async () => {
    const stuck = (t: number): PhaseProgress => ({ done: false, mark: t < 30_000 ? 'step 0' : 'step 1' });
    expect(await run(stuck)).toBe('demo: canary v2 made no progress for 100 s (at step 1)');
  });
});
