/**
 * How much of production's answers the compare engine keeps read, per thread: the answers (and
 * their characters) whose readings (fact sheets, token ids) are kept, least recently used
 * forgotten first. 0 answers keeps none: every answer is read again on each comparison.
 */
export interface AnswerCacheLimits {
  readonly answers: number;
  readonly chars: number;
}

/**
 * 256 answers of at most 1 M characters together. A ~1.6 KB chat answer's fact sheet holds ≈ 45 KB
 * once read and ≈ 125 KB with what the rules derive from it (bench:compare), so ≈ 32 MB per
 * thread at 256 chat answers; the characters bound long answers (1 M characters ≈ 60 MB of sheets).
 */
export const defaultAnswerCacheLimits: AnswerCacheLimits = Object.freeze({ answers: 256, chars: 1024 * 1024 });

/**
 * A reading of production's answers kept by the answer's text (its content: two copies of one
 * answer hit the same entry), bounded by {@link AnswerCacheLimits}. In Understudy's use the same
 * recorded production answers (the original and its baselines) are compared with many candidates
 * (each replay of a release, each candidate version, live-shadow re-runs): what depends on one
 * answer alone is read once, not once per candidate. A reading must be a function of the text (and
 * of what {@link AnswerCache.get}'s caller checks on it, such as its word table).
 */
export class AnswerCache<V> {
  // A Map keeps insertion order: the first key is the least recently used.
  readonly #entries = new Map<string, V>();
  #chars = 0;
  #limits: AnswerCacheLimits;

  constructor(limits: AnswerCacheLimits = defaultAnswerCacheLimits) {
    this.#limits = limits;
  }

  /** The reading kept for `text`, made the most recently used; `undefined` when none is kept. */
  get(text: string): V | undefined {
    const v = this.#entries.get(text);
    if (v === undefined) return undefined;
    this.#entries.delete(text);
    this.#entries.set(text, v);
    return v;
  }

  /** Keeps `value` as the reading of `text` (replacing one kept), then forgets the least recently used past the limits. */
  set(text: string, value: V): void {
    if (this.#entries.delete(text)) this.#chars -= text.length;
    if (this.#limits.answers <= 0 || text.length > this.#limits.chars) return;
    this.#entries.set(text, value);
    this.#chars += text.length;
    this.#trim();
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Applies new limits, forgetting what no longer fits. */
  limit(limits: AnswerCacheLimits): void {
    this.#limits = limits;
    this.#trim();
  }

  #trim(): void {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#limits.answers && this.#chars <= this.#limits.chars) return;
      this.#entries.delete(key);
      this.#chars -= key.length;
    }
  }
}

// Every cache of production's readings in this thread, so one call sets their limits.
const caches: AnswerCache<unknown>[] = [];
let current: AnswerCacheLimits = defaultAnswerCacheLimits;

/** A cache of production's answers under the thread's limits (see {@link limitAnswerCaches}). */
export function answerCache<V>(): AnswerCache<V> {
  const cache = new AnswerCache<V>(current);
  caches.push(cache as AnswerCache<unknown>);
  return cache;
}

/**
 * Sets how much of production's answers this thread keeps read (every reading the engine keeps);
 * returns the limits in force before. `{ answers: 0 }` reads every answer afresh (a cold run).
 */
export function limitAnswerCaches(limits: Partial<AnswerCacheLimits>): AnswerCacheLimits {
  const before = current;
  current = Object.freeze({ ...current, ...limits });
  for (const c of caches) c.limit(current);
  return before;
}
