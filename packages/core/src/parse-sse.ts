import type { SseEvent } from './exchange.js';
import { SseParser } from './sse-parser.js';

/**
 * Parses a whole saved `text/event-stream` body with the same {@link SseParser} the tap
 * uses on a live stream, so a file and a capture of the same bytes yield the same events
 * (WHATWG HTML §9.2.6: an event without its closing blank line is discarded). Arrival times
 * are unknown in a saved file, so every `at` is 0.
 */
export function parseSse(text: string, maxEventBytes = Number.MAX_SAFE_INTEGER): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event), maxEventBytes);
  parser.push(text, 0);
  parser.end();
  return events;
}
