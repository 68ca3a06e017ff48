/** Runs a callback once, after the current turn's I/O callbacks (setImmediate, or a test's hand-run queue). */
export type ScheduleTurn = (run: () => void) => void;

/**
 * The capture side of the tee, done once per turn of the event loop instead of inside each
 * chunk's callback. When a thousand streams get an event in the same tick (an LLM gateway's
 * usual burst), each chunk's callback then only writes to its client and notes the chunk; every
 * stream's chunk is on its way before any of them is copied and scanned for capture, so the last
 * stream of the burst no longer waits for the capture work of all the others. A forward's pending
 * chunks are taken in arrival order, and {@link CaptureBatch.add}'s `take` is also called by the
 * forward itself before it reads its capture (at the response's end or failure), so nothing is
 * ever read half-taken. Holds only the chunks of one turn (views of that turn's socket reads).
 */
export class CaptureBatch {
  readonly #schedule: ScheduleTurn;
  #due: (() => void)[] = [];
  #spare: (() => void)[] = [];
  #scheduled = false;

  constructor(schedule: ScheduleTurn) {
    this.#schedule = schedule;
  }

  /** Calls `take` after this turn's callbacks; call once per forward per turn (the forward knows whether it is due). */
  add(take: () => void): void {
    this.#due.push(take);
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#schedule(() => this.#run());
  }

  #run(): void {
    this.#scheduled = false;
    // Swapped, not copied: a `take` that adds (it must not, but a new chunk may arrive while it runs) lands in the next turn.
    const due = this.#due;
    this.#due = this.#spare;
    this.#spare = due;
    try {
      for (const take of due) take();
    } finally {
      due.length = 0;
    }
  }
}

/** The process's batch, run by setImmediate: after the poll phase that delivered the chunks. */
export const turnCaptureBatch = new CaptureBatch((run) => setImmediate(run));
