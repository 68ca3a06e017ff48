/**
 * The memory all in-flight captures of one process may hold together. Each exchange's copy is
 * capped on its own (`maxBodyBytes`), but ten thousand long streams each under that cap would
 * still hold gigabytes: past this budget a capture keeps no more bytes (its copy is cut and
 * flagged, the client's stream is untouched), so memory grows with the number of streams only
 * up to the budget, never with their size.
 */
export class CaptureBudget {
  readonly #limit: number;
  #held = 0;

  constructor(limitBytes: number) {
    this.#limit = limitBytes;
  }

  /** Reserves up to `bytes`; returns how many were granted (0 when the budget is spent). */
  take(bytes: number): number {
    const granted = Math.max(0, Math.min(bytes, this.#limit - this.#held));
    this.#held += granted;
    return granted;
  }

  /** Gives back bytes a finished capture no longer holds. */
  release(bytes: number): void {
    this.#held = Math.max(0, this.#held - bytes);
  }

  /** Bytes reserved right now. */
  get held(): number {
    return this.#held;
  }
}

/** A budget that never refuses (shadow and egress captures, tests). */
export const unboundedBudget: Pick<CaptureBudget, 'take' | 'release'> = { take: (bytes) => bytes, release: () => {} };
