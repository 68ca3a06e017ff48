/**
 * A Map that forgets its oldest entries past `limit`: the egress proxy's per-exchange state
 * (recent recordings, attempt cursors, call counters) must not grow with traffic.
 */
export class BoundedMap<K, V> {
  readonly #limit: number;
  readonly #map = new Map<K, V>();

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.#limit) {
      const oldest = this.#map.keys().next();
      if (oldest.done === true) return;
      this.#map.delete(oldest.value);
    }
  }

  get size(): number {
    return this.#map.size;
  }
}
