import { randomBytes } from 'node:crypto';

/** Randomness as the rest of the code sees it; inject a seeded one for reproducible tests. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
}

export const systemRandom: Random = Object.freeze({
  next: () => {
    const b = randomBytes(6);
    return b.readUIntBE(0, 6) / 2 ** 48;
  },
  bytes: (n: number) => new Uint8Array(randomBytes(n)),
});

/** A small, fast, seedable generator (mulberry32): reproducible runs, not cryptography. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    bytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}
