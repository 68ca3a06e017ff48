import type { SseEvent } from '@understudy/core';

/**
 * A redaction placeholder as the capture writes it, `[redacted:<kind>:<12 hex of a keyed digest>]`
 * (`@understudy/capture`'s `placeholderFor`). The digest tells equal secrets apart from different
 * ones inside one exchange and across echoes; between two answers it only says that production and
 * a candidate hold different secrets — a new API key, a reset link's token, a temporary password —
 * which is what they are expected to do, not a change of fact. So answers are compared with the
 * digest left out (`[redacted:api_key]`): a secret of another kind, one dropped or one added is
 * still a difference, and a real change beside it is still found.
 */
const placeholder = /\[redacted:([a-z0-9_]{1,32}):[0-9a-f]{12}\]/g;

/** `text` with each placeholder's digest left out (the same string when it holds none). */
export function withoutPlaceholderDigests(text: string): string {
  return text.includes('[redacted:') ? text.replace(placeholder, '[redacted:$1]') : text;
}

/** The events with each placeholder's digest left out of their data (the same array when none holds one). */
export function eventsWithoutPlaceholderDigests(events: readonly SseEvent[]): readonly SseEvent[] {
  if (!events.some((e) => e.data.includes('[redacted:'))) return events;
  return events.map((e) => (e.data.includes('[redacted:') ? { ...e, data: withoutPlaceholderDigests(e.data) } : e));
}
