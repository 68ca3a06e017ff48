import type { Clock } from '@understudy/core';

/** Where a demo phase stands at one poll: finished, and a mark that changes whenever it moves on. */
export interface PhaseProgress {
  readonly done: boolean;
  /** A canary's state and step, a count of captures: equal marks mean nothing happened. */
  readonly mark: string;
}

export interface PhaseWait {
  readonly clock: Clock;
  readonly pollMs: number;
  /** How long a phase may go without moving on before it fails. */
  readonly stallMs: number;
  readonly signal?: AbortSignal;
}

/**
 * Polls `check` on the injected clock until the phase is done. It fails when the phase has not
 * moved on for `stallMs`, not when it takes longer than that in all: on a loaded machine the
 * demo's traffic is slower and a canary takes longer per step, yet it is still progressing.
 */
export async function waitForPhase(wait: PhaseWait, check: () => Promise<PhaseProgress>, what: string): Promise<void> {
  let deadline = wait.clock.monotonic() + wait.stallMs;
  let mark: string | undefined;
  for (;;) {
    const now = await check();
    if (now.done) return;
    if (now.mark !== mark) {
      mark = now.mark;
      deadline = wait.clock.monotonic() + wait.stallMs;
    }
    if (wait.signal?.aborted === true) throw new Error(`demo stopped while waiting for ${what}`);
    if (wait.clock.monotonic() > deadline)
      throw new Error(`demo: ${what} made no progress for ${wait.stallMs / 1000} s (at ${mark ?? 'the start'})`);
    await new Promise<void>((resolve) => wait.clock.setTimeout(resolve, wait.pollMs));
  }
}
