import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An SSE upstream: `/big` streams `events` events of `eventBytes` each (`/big-held` then stays
 * open until `held` is ended); `/held` sends one event and waits.
 */
export async function sseUpstream(options: { events: number; eventBytes: number }) {
  const held = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (req.url === '/held') {
      res.write('data: {"first":true}\n\n');
      held.add(res);
      return;
    }
    const payload = `data: {"pad":"${'x'.repeat(options.eventBytes - 20)}"}\n\n`;
    let sent = 0;
    const pump = (): void => {
      while (sent < options.events) {
        sent++;
        if (!res.write(payload)) return void res.once('drain', pump);
      }
      res.write('data: {"usage":{"prompt_tokens":3,"completion_tokens":9}}\n\n');
      // `/big-held` keeps the stream open after its events, until the test ends it.
      if (req.url === '/big-held') held.add(res);
      else res.end();
    };
    pump();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    close: async () => {
      for (const res of held) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface Streamed {
  status: number;
  /** Set when the stream failed (reset, hang-up) instead of ending. */
  error?: string;
  bytes: number;
  firstEvent: Promise<void>;
  done: Promise<void>;
  body: () => string;
}

/** One streamed POST on its own connection; `firstEvent` resolves with the first body bytes. */
export function stream(url: string): Streamed {
  let firstEvent: () => void = () => {};
  let done: () => void = () => {};
  const out: Streamed = {
    status: 0,
    bytes: 0,
    firstEvent: new Promise((resolve) => {
      firstEvent = resolve;
    }),
    done: new Promise((resolve) => {
      done = resolve;
    }),
    body: () => text,
  };
  let text = '';
  const fail = (error: Error): void => {
    out.error = error.message;
    done();
  };
  const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
    out.status = res.statusCode ?? 0;
    res.setEncoding('latin1');
    res.on('data', (chunk: string) => {
      out.bytes += chunk.length;
      if (text.length < 4096) text += chunk;
      firstEvent();
    });
    res.on('end', () => done());
    res.on('error', fail);
  });
  req.on('error', fail);
  req.end('{"stream":true}');
  return out;
}

/** Waits for `promise`, failing after `ms` (the wait is on real sockets, not on a clock). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}
