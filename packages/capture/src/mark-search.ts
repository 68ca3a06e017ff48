/**
 * Whether `mark` lies in the first `length` bytes of `bytes`: a native search, bounded without a
 * view of those bytes (a `subarray` is a heap object; the end-of-stream SSE scan asks this at
 * every event that spans two held blocks).
 */
export function markWithin(bytes: Buffer, length: number, mark: Buffer): boolean {
  // Searched backwards from the last place a mark can start and still end by `length`.
  return length >= mark.length && bytes.lastIndexOf(mark, length - mark.length) !== -1;
}

/**
 * Whether `mark` straddles the seam between the first `carried` bytes of `carry` and the bytes
 * `from`–`to` of `own`: its first bytes end the one and the rest start the other. Compared byte by
 * byte in place (a mark is a few bytes): no joined copy of the seam, no view of either side.
 */
export function markAcross(carry: Buffer, carried: number, own: Buffer, from: number, to: number, mark: Buffer): boolean {
  const n = mark.length;
  for (let before = Math.min(n - 1, carried); before >= 1; before--) {
    const after = n - before;
    // Fewer own bytes than the rest of the mark: so for every shorter start too.
    if (after > to - from) return false;
    let k = 0;
    while (k < before && carry[carried - before + k] === mark[k]) k++;
    if (k < before) continue;
    while (k < n && own[from + k - before] === mark[k]) k++;
    if (k === n) return true;
  }
  return false;
}
