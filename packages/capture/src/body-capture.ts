import type { CapturedBody } from '@understudy/core';

/**
 * The capture side of the tee: keeps references to chunks until `cap` bytes are held and
 * counts the rest. Chunks are never copied on the forwarding path; the one copy happens in
 * {@link BodyCapture.body}, after the response is done.
 */
export class BodyCapture {
  readonly #cap: number;
  readonly #chunks: Buffer[] = [];
  #held = 0;
  #size = 0;

  constructor(cap: number) {
    this.#cap = cap;
  }

  push(chunk: Buffer): void {
    this.#size += chunk.length;
    const room = this.#cap - this.#held;
    if (room <= 0) return;
    const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
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

  body(): CapturedBody {
    const bytes = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#held);
    return {
      bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      size: this.#size,
      truncated: this.#size > this.#held,
    };
  }
}
