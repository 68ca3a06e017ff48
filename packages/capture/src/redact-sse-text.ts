import type { SseEvent } from '@understudy/core';
import { parseSse } from '@understudy/core';
import type { ExchangeRedactor } from './redactor.js';

/**
 * A raw event stream's text: its complete events are parsed and redacted together (on their
 * reassembled text), then written back when anything changed; a trailing event without its
 * blank line (a body cut at the cap) is redacted line by line. `parsed`, the events of all of
 * `s`, stand for the head's when `s` has no CR: every event then ends at a `\n\n`, so the
 * head (through the last one) holds exactly them. With a CR the head is cut differently
 * (`\r\n\r\n` only; a lone CR ends a line too) and is parsed here.
 */
export function redactSseText(s: string, redactor: ExchangeRedactor, json: (s: string) => string, parsed?: readonly SseEvent[]): string {
  const end = Math.max(s.lastIndexOf('\n\n'), s.lastIndexOf('\r\n\r\n'));
  const head = end === -1 ? '' : s.slice(0, end + 2);
  const tail = end === -1 ? s : s.slice(end + 2);
  let out = head;
  if (head !== '') {
    const events = parsed !== undefined && !s.includes('\r') ? parsed : parseSse(head);
    const redacted = redactor.events(events);
    if (redacted.some((e, i) => e !== events[i])) out = redacted.map(writeEvent).join('');
    else out = redactFieldLines(head, redactor.text);
  }
  const redactedTail = tail
    .split('\n')
    .map((line) => (line.startsWith('data:') ? `data:${json(line.slice(5))}` : json(line)))
    .join('\n');
  return out + redactedTail;
}

/**
 * `head` with the patterns run over each line that is not data (an `id:`, an `event:` name, a
 * comment): the events' data was clean, but a key may stand in those. The same string when no
 * line changed, so a clean stream is stored byte for byte.
 */
function redactFieldLines(head: string, text: (s: string) => string): string {
  let out = '';
  let copied = 0;
  for (let at = 0; at < head.length; ) {
    const newline = head.indexOf('\n', at);
    const end = newline === -1 ? head.length : newline;
    if (end > at && !head.startsWith('data:', at)) {
      const line = head.slice(at, end);
      const redacted = text(line);
      if (redacted !== line) {
        out += head.slice(copied, at) + redacted;
        copied = end;
      }
    }
    at = end + 1;
  }
  return copied === 0 ? head : out + head.slice(copied);
}

function writeEvent(e: SseEvent): string {
  let out = '';
  if (e.event !== undefined) out += `event: ${e.event}\n`;
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  for (const line of e.data.split('\n')) out += `data: ${line}\n`;
  return `${out}\n`;
}
