import type { PackedItems, WriterItem } from './sqlite-worker-messages.js';

/**
 * A batch as a writer thread is sent it: the unbuilt items that are bytes copied into one buffer
 * (`packed`, to transfer), the others as they are (`rest`, cloned). Cloned one by one, each byte
 * item costs the proxy's thread a serialised object and the writer a new buffer, view and object
 * (held, and copied by its scavenges, until the batch is stored); transferred, the writer gets
 * one buffer per batch and builds each item from a view of it.
 */
export function packItems(batch: readonly WriterItem[], buffers?: BatchBuffers): { rest: WriterItem[]; packed: PackedItems | undefined } {
  let count = 0;
  let total = 0;
  for (const item of batch) {
    const bytes = itemBytes(item);
    if (bytes === undefined) continue;
    count++;
    total += bytes.byteLength;
  }
  if (count === 0) return { rest: [...batch], packed: undefined };
  const rest: WriterItem[] = [];
  // Not from Node's shared pool (which is never transferred): a buffer of its own, not zero-filled
  // (or one a writer thread handed back, see BatchBuffers).
  const out = buffers === undefined ? Buffer.allocUnsafeSlow(total) : Buffer.from(buffers.take(total), 0, total);
  const ends = new Uint32Array(count);
  let at = 0;
  let i = 0;
  for (const item of batch) {
    const bytes = itemBytes(item);
    if (bytes === undefined) {
      rest.push(item);
      continue;
    }
    out.set(bytes, at);
    at += bytes.byteLength;
    ends[i++] = at;
  }
  return { rest, packed: { bytes: out.buffer, ends } };
}

/**
 * The batch buffers a writer thread hands back once it has stored their batch, for the next
 * batches. A new buffer per batch is fresh memory (≈ 300 KB at 2 000 exchanges a second, past
 * malloc's mmap threshold): every 4 KB page of it is faulted in on the proxy's thread as the
 * batch is copied, ≈ 10 µs a fault on the bench's VM, and unmapped again when the writer lets it
 * go. A buffer comes back transferred, so the writer keeps no view of it. At most two are kept,
 * and a new one is made a power of two (at least 64 KB), so that the next batches fit.
 */
export class BatchBuffers {
  readonly #spare: ArrayBuffer[] = [];

  /** A buffer of at least `bytes`: a spare one that fits, or a new one. */
  take(bytes: number): ArrayBuffer {
    for (let i = 0; i < this.#spare.length; i++) {
      const spare = this.#spare[i] as ArrayBuffer;
      if (spare.byteLength < bytes) continue;
      this.#spare.splice(i, 1);
      return spare;
    }
    let size = 64 * 1024;
    while (size < bytes) size *= 2;
    return Buffer.allocUnsafeSlow(size).buffer;
  }

  /** A buffer handed back; kept when fewer than two are, else the smaller of it and the smallest kept is let go. */
  give(buffer: ArrayBuffer): void {
    if (buffer.byteLength === 0) return;
    if (this.#spare.length < 2) {
      this.#spare.push(buffer);
      return;
    }
    const smallest = this.#spare[0] as ArrayBuffer;
    const other = this.#spare[1] as ArrayBuffer;
    const at = smallest.byteLength <= other.byteLength ? 0 : 1;
    if ((this.#spare[at] as ArrayBuffer).byteLength < buffer.byteLength) this.#spare[at] = buffer;
  }

  /** Bytes the spare buffers hold. */
  get spareBytes(): number {
    return this.#spare.reduce((n, b) => n + b.byteLength, 0);
  }
}

/** The unbuilt items of {@link packItems}' buffer, each a view of it, in the batch's order. */
export function* packedItems(packed: PackedItems): Generator<Uint8Array> {
  let start = 0;
  for (const end of packed.ends) {
    yield new Uint8Array(packed.bytes, start, end - start);
    start = end;
  }
}

function itemBytes(item: WriterItem): Uint8Array | undefined {
  if (!('unbuilt' in item)) return undefined;
  return item.unbuilt instanceof Uint8Array ? item.unbuilt : undefined;
}
