import type { SseEvent } from '@understudy/core';
import { parseSse } from '@understudy/core';
import type { ExchangeRedactor } from './redactor.js';

/**
 * A raw event stream's text: its complete events are parsed and redacted together (on their
 * reassembled text), then written back when anything changed; a trailing event without its
 * blank line (a body cut at the cap) is redacted line by line. `parsed`, the events of all of
 * `s`, stand for the head's when `s` has no CR: every event then ends at a `\n\n`, so the
 * head (through the last one) holds exactly them. With a CR the head is parsed here.
 */
export function redactSseText(s: string, redactor: ExchangeRedactor, json: (s: string) => string, parsed?: readonly SseEvent[]): string {
  const end = completeEventsEnd(s);
  const head = s.slice(0, end);
  const tail = s.slice(end);
  let out = head;
  if (head !== '') {
    // A head ending in a CR: in `s` a character other than LF follows it, so it ends the blank line
    // there; alone, the parser would wait to see whether an LF follows (and drop the last event).
    const events = parsed !== undefined && !s.includes('\r') ? parsed : parseSse(head.endsWith('\r') ? `${head}\n` : head);
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
 * line changed, so a clean stream is stored byte for byte. Lines end as the parser reads them
 * (LF, CRLF or a lone CR): a CR-only stream's head is not one long `data:` line.
 */
function redactFieldLines(head: string, text: (s: string) => string): string {
  let out = '';
  let copied = 0;
  const crs = head.includes('\r');
  const redactLine = (at: number, end: number): void => {
    const line = head.slice(at, end);
    const redacted = text(line);
    if (redacted !== line) {
      out += head.slice(copied, at) + redacted;
      copied = end;
    }
  };
  if (!crs) {
    // Lines end at LFs only: a stream of data lines and blank lines (most of them) holds no other
    // line start, found natively instead of stepping through every line.
    for (const at of otherLineStarts(head)) {
      const lf = head.indexOf('\n', at);
      redactLine(at, lf === -1 ? head.length : lf);
    }
    return copied === 0 ? head : out + head.slice(copied);
  }
  for (let at = 0; at < head.length; ) {
    // A line ends at an LF or a CR (a CRLF's LF then ends an empty line, skipped).
    const end = lineEnd(head, at, crs);
    if (end > at && !head.startsWith('data:', at)) redactLine(at, end);
    at = end + 1;
  }
  return copied === 0 ? head : out + head.slice(copied);
}

/** An LF that starts a line other than a data line or a blank one (an `id:`, an `event:`, a comment). */
const otherLine = /\n(?!data:|\n|$)/g;

/**
 * Where each line of `text` (lines ended by LF alone) that is neither empty nor a `data:` line
 * starts, left to right.
 */
export function otherLineStarts(text: string): number[] {
  const starts: number[] = [];
  if (text !== '' && text.charAt(0) !== '\n' && !text.startsWith('data:')) starts.push(0);
  otherLine.lastIndex = 0;
  for (let m = otherLine.exec(text); m !== null; m = otherLine.exec(text)) starts.push(m.index + 1);
  return starts;
}

/** Where the line starting at `at` ends: its first CR (looked for when `crs`: `s` has one) or LF, or the end of `s`. */
function lineEnd(s: string, at: number, crs: boolean): number {
  const lf = s.indexOf('\n', at);
  const cr = crs ? s.indexOf('\r', at) : -1;
  if (lf === -1) return cr === -1 ? s.length : cr;
  return cr === -1 ? lf : Math.min(lf, cr);
}

/**
 * Where the last complete event of `s` ends: just past its last blank line, reading line ends as
 * the parser does (LF, CRLF or a lone CR; a CR at the very end may be half a CRLF, so it ends
 * nothing yet). 0 when there is none. Cutting after the last `\r\n\r\n` instead left the last
 * event of a CRLF stream out of the events redacted together (its second CRLF went to the tail),
 * so a secret completed in it stayed spelled across the stored deltas; a CR-only stream had no
 * head at all.
 */
function completeEventsEnd(s: string): number {
  if (!s.includes('\r')) {
    const blank = s.lastIndexOf('\n\n');
    return blank === -1 ? 0 : blank + 2;
  }
  let end = 0;
  let start = 0;
  let lf = -2;
  let cr = -2;
  for (;;) {
    if (lf !== -1 && lf < start) lf = s.indexOf('\n', start);
    if (cr !== -1 && cr < start) cr = s.indexOf('\r', start);
    const nl = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (nl === -1 || (nl + 1 === s.length && s.charCodeAt(nl) === 13)) return end;
    const next = nl + (s.charCodeAt(nl) === 13 && s.charCodeAt(nl + 1) === 10 ? 2 : 1);
    // An empty line: the event before it (if any) is complete.
    if (nl === start) end = next;
    start = next;
  }
}

function writeEvent(e: SseEvent): string {
  let out = '';
  if (e.event !== undefined) out += `event: ${e.event}\n`;
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  for (const line of e.data.split('\n')) out += `data: ${line}\n`;
  return `${out}\n`;
}
