import { connect, type Socket } from 'node:net';
import { systemClock } from '@understudy/core';
import { sleep } from '../tap/sleep.js';

/** How the opening went, as the opener reports it. */
export interface OpenerReport {
  /** Epoch ms the first connection was started. */
  readonly openedAt: number;
  /** Epoch ms the last one connected. */
  readonly lastConnectedAt: number;
  readonly connected: number;
  readonly stillOpen: number;
  /** Errors, and answers the server gave before the body was complete (`answered`), by kind. */
  readonly closedEarly: Readonly<Record<string, number>>;
}

export interface SlowUploadsOptions {
  readonly target: string;
  readonly count: number;
  /** Epoch ms to start opening. */
  readonly at: number;
  /** Epoch ms to close them all. */
  readonly until: number;
  /** Spread the opening over this long (0: as fast as possible, one burst). */
  readonly rampMs: number;
}

/**
 * At `at`, opens `count` connections, each sending a request head and one byte of a 1 000-byte
 * body, then one more byte every 5 s — inside the tap's 10 s body idle timeout, so the server
 * must hold them — and closes them at `until`.
 */
export async function openSlowUploads(options: SlowUploadsOptions): Promise<OpenerReport> {
  const { hostname, port } = new URL(options.target);
  const head = `POST /v1/chat/completions HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{`;
  const sockets: Socket[] = [];
  const closedEarly: Record<string, number> = {};
  let connected = 0;
  let open = 0;
  let lastConnectedAt = 0;
  const openOne = (): void => {
    const s = connect(Number(port), hostname);
    s.on('error', (error: Error & { code?: string }) => {
      closedEarly[error.code ?? 'error'] = (closedEarly[error.code ?? 'error'] ?? 0) + 1;
    });
    // An answer to an upload that never finished its body: the server refused or timed it out.
    s.once('data', () => {
      closedEarly.answered = (closedEarly.answered ?? 0) + 1;
    });
    s.once('connect', () => {
      connected++;
      open++;
      lastConnectedAt = systemClock.now();
    });
    s.once('close', () => {
      open--;
    });
    s.write(head);
    sockets.push(s);
  };

  while (systemClock.now() < options.at) await sleep(Math.min(20, options.at - systemClock.now()));
  const openedAt = systemClock.now();
  for (let i = 0; i < options.count; i++) {
    openOne();
    const due = openedAt + ((i + 1) * options.rampMs) / options.count;
    if (options.rampMs > 0 && systemClock.now() < due) await sleep(due - systemClock.now());
  }
  const trickle = systemClock.setInterval(() => {
    for (const s of sockets) if (!s.destroyed) s.write(' ');
  }, 5_000);
  while (systemClock.now() < options.until) await sleep(Math.min(200, options.until - systemClock.now()));
  trickle.cancel();
  const stillOpen = open;
  for (const s of sockets) s.destroy();
  return { openedAt, lastConnectedAt, connected, stillOpen, closedEarly };
}

/** The opener's options from its command line (`--target= --count= --at= --until= [--ramp-ms=]`). */
export function openerArgs(argValue: (name: string, fallback?: string) => string): SlowUploadsOptions {
  return {
    target: argValue('target'),
    count: Number(argValue('count')),
    at: Number(argValue('at')),
    until: Number(argValue('until')),
    rampMs: Number(argValue('ramp-ms', '0')),
  };
}
