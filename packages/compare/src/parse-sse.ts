import type { SseEvent } from '@understudy/core';

/**
 * Parses `text/event-stream` text into events (WHATWG HTML §9.2.6): `field: value` lines,
 * multi-line `data` joined by `\n`, comments ignored, an event dispatched on a blank line.
 * Arrival times are unknown in a saved file, so every `at` is 0.
 */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let id: string | undefined;
  const dispatch = (): void => {
    if (data.length > 0) {
      const e: { at: number; data: string; event?: string; id?: string } = { at: 0, data: data.join('\n') };
      if (event !== undefined) e.event = event;
      if (id !== undefined) e.id = id;
      events.push(e);
    }
    data = [];
    event = undefined;
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line === '') {
      dispatch();
      continue;
    }
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  }
  dispatch();
  return events;
}
