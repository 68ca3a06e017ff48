/**
 * Words interned to small integers, so that the fact rules look a word up once and then compare,
 * count and index plain numbers instead of hashing the same strings again in every set and map
 * (an answer's words go through a dozen look-ups on their way to a verdict). A word is found from
 * its place in a text (no substring is made for a word already known).
 *
 * One table serves every answer compared with each other: two answers' ids mean the same word
 * only when they come from the same table. The table in use is bounded: past {@link maxWords}
 * the next answer read starts a fresh one (see {@link currentWordIds}), and an answer read from
 * an older table is read again by whoever compares it with a newer one.
 */
export class WordIds {
  /** The word of each id. */
  readonly words: string[] = [];
  readonly #hashes: number[] = [];
  // Open addressing: slot → id + 1 (0 = empty), at most half full.
  #table = new Int32Array(1024);
  /** Per id: numbers memoized by a reader (see {@link memo}); `undefined` until asked. */
  readonly #memos: (number | undefined)[][] = [];
  /** Per id: lists of ids memoized by a reader (see {@link listMemo}). */
  readonly #lists: (readonly number[] | undefined)[][] = [];
  /** Per id: objects memoized by a reader (see {@link objectMemo}). */
  readonly #objects: unknown[][] = [];

  /** The id of `text.slice(start, end)`, interned on first sight. */
  idOf(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const table = this.#table;
    const mask = table.length - 1;
    let slot = h & mask;
    for (;;) {
      const at = table[slot] as number;
      if (at === 0) break;
      const id = at - 1;
      if (this.#hashes[id] === h && sameRange(this.words[id] as string, text, start, end)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.words.length;
    this.words.push(start === 0 && end === text.length ? text : text.slice(start, end));
    this.#hashes.push(h);
    table[slot] = id + 1;
    if (this.words.length * 2 > table.length) this.#grow();
    return id;
  }

  /** The id of `word` when the table holds it, else -1 (nothing is interned). */
  find(word: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
    const table = this.#table;
    const mask = table.length - 1;
    let slot = h & mask;
    for (;;) {
      const at = table[slot] as number;
      if (at === 0) return -1;
      const id = at - 1;
      if (this.#hashes[id] === h && this.words[id] === word) return id;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of `word`, interned on first sight. */
  id(word: string): number {
    return this.idOf(word, 0, word.length);
  }

  get size(): number {
    return this.words.length;
  }

  /**
   * A slot of memoized per-word numbers (a word's content form, say): `slot` is a small integer
   * owned by one reader, the array is indexed by word id.
   */
  memo(slot: number): (number | undefined)[] {
    let m = this.#memos[slot];
    if (m === undefined) {
      m = [];
      this.#memos[slot] = m;
    }
    return m;
  }

  /** Like {@link memo}, for a list of ids per word (the words a token splits into, say). */
  listMemo(slot: number): (readonly number[] | undefined)[] {
    let m = this.#lists[slot];
    if (m === undefined) {
      m = [];
      this.#lists[slot] = m;
    }
    return m;
  }

  /**
   * Like {@link memo}, for an object per word (the clause token a chunk of text makes, say): the
   * reader owning `slot` stores one type there, `null` for "none".
   */
  objectMemo<T>(slot: number): (T | null | undefined)[] {
    let m = this.#objects[slot];
    if (m === undefined) {
      m = [];
      this.#objects[slot] = m;
    }
    return m as (T | null | undefined)[];
  }

  #grow(): void {
    const table = new Int32Array(this.#table.length * 2);
    const mask = table.length - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = (this.#hashes[id] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = id + 1;
    }
    this.#table = table;
  }
}

function sameRange(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Memo slots of {@link WordIds.memo}, one per reader. */
export const memoSlots = Object.freeze({
  contentForm: 0,
  lowerCase: 1,
  language: 2,
  tokenContent: 3,
  mayHoldValue: 4,
  chunkWords: 5,
  polarityCue: 6,
  nameWords: 7,
  editCue: 8,
  chunkToken: 9,
  direction: 10,
  framingWord: 11,
  articleNext: 12,
  negatingPrefix: 13,
  clauseCue: 14,
  placeForms: 15,
});

/** Words a table holds before the next answer starts a fresh one (a run with an ever-new vocabulary stays bounded). */
export const maxWords = 100_000;

let current = new WordIds();

/**
 * Memo `slot` (see {@link WordIds.memo}) of the current table when `id` is `word`'s id there, else
 * undefined: for a reader handed a token without its table (a token read with the current table
 * carries an id that names its word there; one read with an older table most likely does not, and
 * its word is then looked at again).
 */
export function currentMemo(id: number | undefined, word: string, slot: number): (number | undefined)[] | undefined {
  return id !== undefined && current.words[id] === word ? current.memo(slot) : undefined;
}

/**
 * `compute(word)` (a small integer: a flag or a kind), remembered in memo `slot` of the current
 * table when `id` is `word`'s id there ({@link currentMemo}), else computed each time. `compute`
 * must be a function of the word alone.
 */
export function wordNumber(id: number | undefined, word: string, slot: number, compute: (word: string) => number): number {
  const memo = currentMemo(id, word, slot);
  if (memo === undefined || id === undefined) return compute(word);
  let n = memo[id];
  if (n === undefined) {
    n = compute(word);
    memo[id] = n;
  }
  return n;
}

/** The table the next answer is read with: the current one, or a fresh one once it is full. */
export function currentWordIds(): WordIds {
  if (current.size >= maxWords) current = new WordIds();
  return current;
}

// Dense numbering of one pair's ids, by id (0 = not seen): reused, reset after each pair.
let dense = new Int32Array(1024);

/** `ids` renumbered through `seen` (0 = not seen yet), counting new symbols in `count` (module-level: tsx names each named closure it creates). */
function renumber(ids: readonly number[], seen: Int32Array, count: { symbols: number }): number[] {
  const out = new Array<number>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    let d = seen[id] as number;
    if (d === 0) {
      d = ++count.symbols;
      seen[id] = d;
    }
    out[i] = d - 1;
  }
  return out;
}

/**
 * Two id sequences of one table renumbered 0, 1, 2… in order of first appearance, `a` first, and
 * how many distinct ids they hold: small integers for counting arrays and the LCS's mask table,
 * whatever the size of the table.
 */
export function denseIds(a: readonly number[], b: readonly number[], words: WordIds): { a: number[]; b: number[]; symbols: number } {
  if (dense.length < words.size) dense = new Int32Array(Math.max(words.size, dense.length * 2));
  const count = { symbols: 0 };
  const da = renumber(a, dense, count);
  const db = renumber(b, dense, count);
  for (const id of a) dense[id] = 0;
  for (const id of b) dense[id] = 0;
  return { a: da, b: db, symbols: count.symbols };
}

// Per id, the stamp of the last list that held it (see uniqueIds): reused, never reset.
let stamps = new Int32Array(1024);
let stamp = 0;

/** A stamp no id of `stamps` holds, `stamps` sized for every id of `words`. */
function nextStamp(words: WordIds): number {
  if (stamps.length < words.size) {
    stamps = new Int32Array(Math.max(words.size, stamps.length * 2));
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    stamps.fill(0);
    stamp = 0;
  }
  return ++stamp;
}

/** Each id of `ids` (of table `words`) once, in order of first appearance. */
export function uniqueIds(ids: readonly number[], words: WordIds): number[] {
  const mark = nextStamp(words);
  const out: number[] = [];
  for (const id of ids) {
    if (stamps[id] === mark) continue;
    stamps[id] = mark;
    out.push(id);
  }
  return out;
}
