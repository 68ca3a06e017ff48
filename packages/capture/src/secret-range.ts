/** One secret found in a text: where it stands and what kind it is. */
export interface SecretRange {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /**
   * Found only once the text's `%XX` escapes were decoded: the secret as decoded (its placeholder
   * is the one the same secret gets anywhere else), replaced by a percent-encoded placeholder so
   * the URL or form value it stands in stays one.
   */
  readonly decoded?: string;
  /**
   * Found only once the text's invisible characters were left out (a key split by a zero-width
   * space): the secret as it reads (its placeholder is the one the same secret gets anywhere else).
   */
  readonly visible?: string;
}

/** A range of a folded reading of a text, mapped back to the text (its secret as it reads, or as decoded). */
export function mappedRange(r: SecretRange, reading: string, from: readonly number[]): SecretRange {
  const start = from[r.start] as number;
  const end = from[r.end] as number;
  return r.decoded === undefined
    ? { start, end, kind: r.kind, visible: reading.slice(r.start, r.end) }
    : { start, end, kind: r.kind, decoded: r.decoded };
}

/**
 * Ranges in order with overlapping ones merged into one (the earlier kind wins), so nothing is
 * half-replaced. A range grown by a merge covers more than the secret it was found as, so it is
 * replaced as written.
 */
export function mergeRanges(ranges: readonly SecretRange[]): SecretRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last === undefined || r.start >= last.end) merged.push(r);
    else if (r.end > last.end) merged[merged.length - 1] = { start: last.start, end: r.end, kind: last.kind };
  }
  return merged;
}
