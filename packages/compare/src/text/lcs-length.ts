/**
 * Length of the longest common subsequence of two integer sequences, bit-parallel
 * (Crochemore et al. 2001: `V' = (V + (V & M[y])) | (V & ~M[y])`, zero bits of V count the LCS).
 * O(|a|·|b| / 32) word operations with no allocation per step: the same number a Myers diff
 * derives, without its O((N+M)·D) cost on heavily reworded text where D ≈ N. Symbols are
 * small non-negative integers (interned tokens).
 */
export function lcsLength(a: readonly number[], b: readonly number[]): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  const words = (m + 31) >>> 5;
  // One flat mask table: a row of `words` per distinct symbol of `a`.
  let maxSymbol = 0;
  for (const s of a) if (s > maxSymbol) maxSymbol = s;
  for (const s of b) if (s > maxSymbol) maxSymbol = s;
  const row = new Int32Array(maxSymbol + 1).fill(-1);
  let rows = 0;
  for (const s of a) if (row[s] === -1) row[s] = rows++;
  const masks = new Uint32Array(rows * words);
  for (let i = 0; i < m; i++) {
    const at = (row[a[i] as number] as number) * words + (i >>> 5);
    masks[at] = (masks[at] as number) | (1 << (i & 31));
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (const y of b) {
    const r = row[y] as number;
    if (r === -1) continue;
    const base = r * words;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w] as number;
      const mw = masks[base + w] as number;
      const sum = vw + ((vw & mw) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = (sum >>> 0) | (vw & ~mw);
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if (((v[i >>> 5] as number) & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}
