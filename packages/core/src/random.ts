import { randomFillSync } from 'node:crypto';

/** Randomness as the rest of the code sees it; inject a seeded one for reproducible tests. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
}

/** Bytes of the CSPRNG fetched at once: one `randomFillSync` serves ~250 ids instead of one each. */
const poolBytes = 4096;

/**
 * Cryptographically random bytes, taken from node:crypto a pool at a time (as Node's own
 * `randomUUID` does): every id and sampling draw of a captured request asked the CSPRNG
 * separately, ~1.5 µs each. Each byte is handed out once; the pool is refilled when spent.
 */
function pooledRandomBytes(): (n: number) => Uint8Array {
  const pool = Buffer.allocUnsafeSlow(poolBytes);
  let at = poolBytes;
  return (n) => {
    const out = new Uint8Array(n);
    if (n > poolBytes) return randomFillSync(out);
    if (at + n > poolBytes) {
      randomFillSync(pool);
      at = 0;
    }
    out.set(pool.subarray(at, at + n));
    at += n;
    return out;
  };
}

const systemBytes = pooledRandomBytes();

export const systemRandom: Random = Object.freeze({
  next: () => {
    const b = systemBytes(6);
    return Buffer.from(b.buffer, b.byteOffset, 6).readUIntBE(0, 6) / 2 ** 48;
  },
  bytes: systemBytes,
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
