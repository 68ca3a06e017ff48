/**
 * Fixtures for tests of the capture and of the packages above it (`@understudy/capture/testing`).
 * Not used by runtime code.
 */
import { BodyCapture } from './body-capture.js';
import { SseCapture } from './sse-capture.js';

/**
 * A live capture of `text` as the tap's tee feeds it: the reply's bytes cut into chunks at `cuts`
 * (each taken modulo the length + 1; repeats and zero-length pieces dropped), each chunk pushed to
 * the body capture and to the SSE capture with its arrival time (`arrivalAt(i)` for the `i`-th
 * piece, `i × 10` ms by default), then the stream ended (unless `ended` is false). `cap` bounds both, as the tap's capture
 * limit does.
 */
export function liveCapture(
  text: string,
  cuts: readonly number[],
  cap: number,
  arrivalAt: (piece: number) => number = (i) => i * 10,
  { ended = true }: { readonly ended?: boolean } = {},
): { body: BodyCapture; sse: SseCapture } {
  const bytes = Buffer.from(text, 'utf8');
  const body = new BodyCapture(cap);
  const sse = new SseCapture(cap, undefined, body);
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1))), bytes.length].sort((a, b) => a - b);
  let from = 0;
  for (const [i, to] of points.entries()) {
    if (to <= from) continue;
    const chunk = Buffer.from(bytes.subarray(from, to));
    body.push(chunk);
    sse.push(chunk, arrivalAt(i));
    from = to;
  }
  // Not ended: a stream held whole stays unscanned, as the tap hands it to a writer (`SseCapture.chunks`).
  if (ended) sse.end();
  return { body, sse };
}
