import type { SseEvent } from '@understudy/core';

/** The events an exchange redactor redacted last, with their redaction (a stream's body and its events are the same events). */
export interface RedactedEvents {
  readonly input: readonly SseEvent[];
  readonly output: readonly SseEvent[];
}

/** Whether two lists hold the same events (their arrival times aside). */
export function sameEvents(a: readonly SseEvent[], b: readonly SseEvent[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as SseEvent;
    const y = b[i] as SseEvent;
    if (x.data !== y.data || x.event !== y.event || x.id !== y.id) return false;
  }
  return true;
}

/**
 * `events` redacted as `done.input` was: an unchanged event is returned as given, a changed one is
 * the redacted event (its data, id and name) at its own arrival time.
 */
export function reuse(done: RedactedEvents, events: readonly SseEvent[]): SseEvent[] {
  return events.map((e, i) => {
    const redacted = done.output[i] as SseEvent;
    return redacted === done.input[i] ? e : { ...redacted, at: e.at };
  });
}
