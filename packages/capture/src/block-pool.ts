/**
 * Small chunks are copied into blocks of this size. A long stream arrives as thousands of chunks
 * of a few hundred bytes, and a Buffer kept per chunk costs about as much again in object
 * overhead (Buffer, ArrayBuffer, backing store) as the bytes it holds; a chunk at least this big
 * is kept as it came (copied when it is a view of a bigger buffer).
 */
export const blockBytes = 4096;

/**
 * Spare capture blocks at most, by default (8 MiB): what streams ending in one moment give back
 * for the streams starting after them. Past it a given-back block is left to the garbage collector.
 */
export const defaultSpareBlocks = 2048;

/**
 * The {@link blockBytes} blocks of finished captures, for the next ones. A new block is a new
 * ArrayBuffer and backing store on the proxy's thread, tracked by both the garbage collector and
 * the external-memory count, and its page is fresh memory faulted in as the first chunk is copied
 * into it: in a bench:streams CPU profile (1 000 × 40 KB), `allocUnsafeSlow` and the first copies
 * into new blocks were ~530 µs of the proxy's thread a stream. In steady traffic streams end as
 * others start, so a block given back is taken again before long.
 *
 * Reuse is only safe when nothing reads a block after its capture gave it back:
 * `BodyCapture.release()` gives its blocks here and refuses every later read of its bytes.
 */
export class BlockPool {
  readonly #spare: Buffer[] = [];
  readonly #max: number;
  #reused = 0;

  constructor(maxSpare = defaultSpareBlocks) {
    this.#max = maxSpare;
  }

  /** A block of {@link blockBytes}: a spare one (holding old bytes: write before reading), else a new one. */
  take(): Buffer {
    const spare = this.#spare.pop();
    if (spare === undefined) return Buffer.allocUnsafeSlow(blockBytes);
    this.#reused++;
    return spare;
  }

  /** Gives back a block taken from this pool, once, when nothing will read it again. */
  give(block: Buffer): void {
    if (this.#spare.length < this.#max) this.#spare.push(block);
  }

  /** Blocks taken again after they were given back, so far. */
  get reused(): number {
    return this.#reused;
  }

  /** Blocks kept for reuse now. */
  get spare(): number {
    return this.#spare.length;
  }
}

/** The blocks every capture of this thread shares by default. */
export const captureBlocks = new BlockPool();
