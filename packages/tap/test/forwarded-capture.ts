import type { BodyCapture, SseCapture } from '@understudy/capture';
import type { ForwardCapture, ForwardResult } from '../src/forward/forward-result.js';

/** A finished event-stream reply's capture as `forward()` hands it on: both bodies and the stream's SSE capture. */
export function streamCapture(
  request: BodyCapture,
  response: BodyCapture,
  sse: Pick<SseCapture, 'events' | 'arrivals' | 'usage' | 'dropped' | 'chunks'>,
  requestHeaders: readonly string[] = ['host', '127.0.0.1', 'content-type', 'application/json'],
): ForwardCapture {
  return {
    requestHeaders,
    request,
    responseHeaders: ['content-type', 'text/event-stream'],
    response,
    sseEvents: () => sse.events,
    sseArrivals: () => sse.arrivals(),
    streamUsage: () => sse.usage(),
    sseDropped: () => sse.dropped,
    sseChunks: () => sse.chunks(),
    cutByBudget: false,
    keep: () => () => {},
  };
}

/** A forwarded streamed POST that went well, with `capture`; `fields` override the rest. */
export function streamResult(capture: ForwardCapture | null, fields: Partial<ForwardResult> = {}): ForwardResult {
  return {
    startedAt: 1_764_633_600_000,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    status: 200,
    clientStatus: 200,
    streamed: true,
    ttfbMs: 2,
    durationMs: 120,
    error: null,
    capture,
    ...fields,
  };
}
