import type { Clock } from '@understudy/core';

export interface SseFrame {
  readonly event?: string;
  readonly data: string;
}

/**
 * A `text/event-stream` response that sends one frame per read, optionally spaced by
 * `gapMs` on the injected clock, so a proxy in front sees chunks arrive over time.
 */
export function sseResponse(
  frames: readonly SseFrame[],
  options: { clock: Clock; gapMs: number; headers?: Record<string, string> },
): Response {
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const frame = frames[next++];
      if (frame === undefined) {
        controller.close();
        return;
      }
      if (next > 1 && options.gapMs > 0) await new Promise<void>((resolve) => options.clock.setTimeout(resolve, options.gapMs));
      const head = frame.event === undefined ? '' : `event: ${frame.event}\n`;
      controller.enqueue(encoder.encode(`${head}data: ${frame.data}\n\n`));
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...options.headers },
  });
}
