import type { PackedItems, WriterItem } from './sqlite-worker-messages.js';

/**
 * A batch as a writer thread is sent it: the unbuilt items that are bytes copied into one buffer
 * (`packed`, to transfer), the others as they are (`rest`, cloned). Cloned one by one, each byte
 * item costs the proxy's thread a serialised object and the writer a new buffer, view and object
 * (held, and copied by its scavenges, until the batch is stored); transferred, the writer gets
 * one buffer per batch and builds each item from a view of it.
 */
export function packItems(batch: readonly WriterItem[]): { rest: WriterItem[]; packed: PackedItems | undefined } {
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
  // Not from Node's shared pool (which is never transferred): a buffer of its own, not zero-filled.
  const out = Buffer.allocUnsafeSlow(total);
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
