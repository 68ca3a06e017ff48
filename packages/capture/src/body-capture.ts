import { type CapturedBody, UnderstudyError } from '@understudy/core';
import { type BlockPool, blockBytes, captureBlocks } from './block-pool.js';
import { type CaptureBudget, unboundedBudget } from './capture-budget.js';

/**
 * The capture side of the tee: holds up to `cap` bytes of a body (or what the shared in-flight
 * budget grants) and counts the rest. A body that arrives as one chunk is held by reference, never
 * copied; the chunks of a longer body are packed into {@link blockBytes} blocks as they arrive, so
 * an open stream holds about its bytes and pins none of the socket's buffers. The last copy
 * happens in {@link BodyCapture.body}, after the response is done. Full blocks come from a
 * {@link BlockPool} and go back to it at {@link BodyCapture.release}; from then on the capture
 * refuses to be read, so a block reused by another capture is never read as this one's bytes.
 */
export class BodyCapture {
  readonly #cap: number;
  readonly #budget: Pick<CaptureBudget, 'take' | 'release'>;
  readonly #pool: BlockPool;
  /** The pool's blocks this capture took (made on its first one: a body of one chunk takes none). */
  #pooled: Buffer[] | undefined;
  #released = false;
  /** Held bytes in order: big chunks as they came, and packed ranges of blocks. */
  readonly #parts: Buffer[] = [];
  /** The only chunk so far, held by reference until a second one arrives. */
  #lone: Buffer | undefined;
  #block: Buffer | undefined;
  #fill = 0;
  /** Where the block's bytes not yet in `#parts` start. */
  #open = 0;
  /** True when some held bytes sit in blocks. */
  #packed = false;
  #held = 0;
  #size = 0;
  #refused = false;

  constructor(cap: number, budget: Pick<CaptureBudget, 'take' | 'release'> = unboundedBudget, pool: BlockPool = captureBlocks) {
    this.#cap = cap;
    this.#budget = budget;
    this.#pool = pool;
  }

  push(chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#released) return;
    const room = this.#cap - this.#held;
    if (room <= 0 || this.#refused) return;
    const wanted = Math.min(chunk.length, room);
    const granted = this.#budget.take(wanted);
    if (granted < wanted) this.#refused = true;
    if (granted === 0) return;
    const kept = granted === chunk.length ? chunk : chunk.subarray(0, granted);
    this.#held += kept.length;
    if (this.#held === kept.length) {
      this.#lone = kept;
      return;
    }
    if (this.#lone !== undefined) {
      const lone = this.#lone;
      this.#lone = undefined;
      this.#keep(lone);
    }
    this.#keep(kept);
  }

  #keep(chunk: Buffer): void {
    if (chunk.length >= blockBytes) {
      this.#seal();
      // A view of a bigger buffer (one socket read holding several events) would pin all of it
      // while the budget counts only this view: such a chunk is copied, an own buffer kept as it came.
      this.#parts.push(chunk.byteLength === chunk.buffer.byteLength ? chunk : Buffer.from(chunk));
      return;
    }
    for (let from = 0; from < chunk.length; ) {
      if (this.#block === undefined || this.#fill === this.#block.length) {
        this.#seal();
        // No bigger than what may still be held: a small cap never allocates a whole block.
        const size = Math.min(blockBytes, chunk.length - from + Math.max(0, this.#cap - this.#held));
        this.#block = size === blockBytes ? this.#take() : Buffer.allocUnsafeSlow(size);
        this.#fill = 0;
        this.#open = 0;
      }
      this.#packed = true;
      const n = chunk.copy(this.#block, this.#fill, from);
      this.#fill += n;
      from += n;
    }
  }

  #take(): Buffer {
    const block = this.#pool.take();
    this.#pooled ??= [];
    this.#pooled.push(block);
    return block;
  }

  /** Moves the block's newly packed bytes into `#parts`. */
  #seal(): void {
    if (this.#block === undefined || this.#fill === this.#open) return;
    this.#parts.push(this.#block.subarray(this.#open, this.#fill));
    this.#open = this.#fill;
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

  /**
   * Returns the held bytes to the shared budget and the blocks to their pool, when the exchange
   * has been built (its bodies copied or packed). Every later read of the held bytes throws: they
   * may be another capture's by then. Once; a second call does nothing.
   */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this.#budget.release(this.#held);
    this.#parts.length = 0;
    this.#lone = undefined;
    this.#block = undefined;
    if (this.#pooled === undefined) return;
    for (const block of this.#pooled) this.#pool.give(block);
    this.#pooled = undefined;
  }

  #readable(): void {
    if (this.#released)
      throw new UnderstudyError('internal', 'a body capture was read after its release: its blocks may hold another capture by now');
  }

  /**
   * The held bytes as they sit, in order, without the copy {@link BodyCapture.body} makes of a
   * packed body: to scan or copy them once, where one piece is not needed (the end-of-stream SSE
   * scan, the packing of a finished exchange). Views of this capture's blocks: read them before
   * it is released, and do not keep them.
   */
  heldParts(): readonly Buffer[] {
    this.#readable();
    if (this.#lone !== undefined) return [this.#lone];
    this.#seal();
    return this.#parts;
  }

  body(): CapturedBody {
    this.#readable();
    let bytes: Buffer;
    if (this.#lone !== undefined) bytes = this.#lone;
    else {
      this.#seal();
      // A range of a block is copied out too: a 2 KB body must not keep its 4 KB block alive in the queue.
      bytes = this.#parts.length === 1 && !this.#packed ? (this.#parts[0] as Buffer) : Buffer.concat(this.#parts, this.#held);
      this.#packed = false;
      // Asked again (the SSE events, then the exchange): the same bytes, not another copy.
      this.#parts.length = 0;
      this.#parts.push(bytes);
      this.#block = undefined;
      this.#fill = 0;
      this.#open = 0;
    }
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      size: this.#size,
      truncated: this.#size > this.#held,
    };
  }
}
