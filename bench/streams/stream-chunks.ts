/**
 * Stream `k`'s chunks as bench/streams/sse-upstream.ts sends them: `events` events of `chunkBytes`
 * bytes, one a chunk, then `[DONE]`. Each stream's events carry their own send times (`t`), as the
 * upstream's do, so no two streams hold the same event: with one stream built over and over, the
 * redaction's memory of short clean texts answered every event of every build after the first, and
 * a build measured ~40 % under what the writer pays for streams it has not seen.
 */
export function streamChunks(k: number, events: number, chunkBytes: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < events; i++) {
    const head = `data: {"i":${i},"t":${(1_764_000_000_000 + k * 10_000 + i * 50 + (k % 997) / 1000).toFixed(3)},"pad":"`;
    const tail = '"}\n\n';
    out.push(Buffer.from(head + 'x'.repeat(Math.max(0, chunkBytes - head.length - tail.length)) + tail));
  }
  out.push(Buffer.from('data: [DONE]\n\n'));
  return out;
}
