/**
 * A set of word ids (see word-ids.ts), built once and then only asked: open addressing in one
 * typed array, so building it allocates one array and a look-up hashes a small integer — cheaper
 * than a `Set` for the per-answer word sets the fact rules ask thousands of times per pair.
 */
export class IdSet {
  // Slot → id + 1 (0 = empty), at most half full.
  readonly #slots: Int32Array;
  readonly #mask: number;

  constructor(ids: readonly number[]) {
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.#slots = new Int32Array(size);
    this.#mask = size - 1;
    for (const id of ids) this.#add(id);
  }

  has(id: number): boolean {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = slotOf(id, mask); ; s = (s + 1) & mask) {
      const at = slots[s] as number;
      if (at === 0) return false;
      if (at === id + 1) return true;
    }
  }

  #add(id: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    for (let s = slotOf(id, mask); ; s = (s + 1) & mask) {
      const at = slots[s] as number;
      if (at === id + 1) return;
      if (at === 0) {
        slots[s] = id + 1;
        return;
      }
    }
  }
}

/** Where `id`'s probe starts (Fibonacci hashing: consecutive ids spread over the table). */
function slotOf(id: number, mask: number): number {
  return Math.imul(id, 0x9e3779b1) & mask;
}
