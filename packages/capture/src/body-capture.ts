import type { CapturedBody } from '@understudy/core';
import { type CaptureBudget, unboundedBudget } from './capture-budget.js';

/**
 * The capture side of the tee: keeps references to chunks until `cap` bytes are held (or the
 * shared in-flight budget refuses more) and counts the rest. Chunks are never copied on the
 * forwarding path; the one copy happens in {@link BodyCapture.body}, after the response is done.
 */
export class BodyCapture {
  readonly #cap: number;
  readonly #budget: Pick<CaptureBudget, 'take' | 'release'>;
  readonly #chunks: Buffer[] = [];
  #held = 0;
  #size = 0;
  #refused = false;

  constructor(cap: number, budget: Pick<CaptureBudget, 'take' | 'release'> = unboundedBudget) {
    this.#cap = cap;
    this.#budget = budget;
  }

  push(chunk: Buffer): void {
    this.#size += chunk.length;
    const room = this.#cap - this.#held;
    if (room <= 0 || this.#refused) return;
    const wanted = Math.min(chunk.length, room);
    const granted = this.#budget.take(wanted);
    if (granted < wanted) this.#refused = true;
    if (granted === 0) return;
    const kept = granted === chunk.length ? chunk : chunk.subarray(0, granted);
    this.#chunks.push(kept);
    this.#held += kept.length;
  }

  /** Bytes seen so far (the true size, past the cap too). */
  get size(): number {
    return this.#size;
  }

  /** Bytes held for capture. */
  get held(): number {
    return this.#held;
  }

  /** True when the shared budget, not this body's cap, cut the copy short. */
  get cutByBudget(): boolean {
    return this.#refused;
  }

  /** Returns the held bytes to the shared budget; call once, when the exchange has been built. */
  release(): void {
    this.#budget.release(this.#held);
  }

  body(): CapturedBody {
    const bytes = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#held);
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      size: this.#size,
      truncated: this.#size > this.#held,
    };
  }
}
