/**
 * The streaming upstream, in its own process: every request gets `--chunks=` SSE events, one per
 * `--interval-ms=` (one shared ticker, so 10 000 streams cost one timer), each event padded to
 * `--chunk-bytes=` and carrying its send time (`performance.timeOrigin + now()`, comparable across
 * processes on one machine), then `data: [DONE]`.
 */
import { createServer, type ServerResponse } from 'node:http';
import { announceReady, argValue } from '../tap/child-ipc.js';

const chunks = Number(argValue('chunks', '200'));
const intervalMs = Number(argValue('interval-ms', '50'));
const chunkBytes = Number(argValue('chunk-bytes', '200'));

interface Stream {
  readonly res: ServerResponse;
  sent: number;
}

const live = new Set<Stream>();
const wallMs = (): number => performance.timeOrigin + performance.now();

function event(stream: Stream): string {
  const head = `data: {"i":${stream.sent},"t":${wallMs().toFixed(3)},"pad":"`;
  const tail = '"}\n\n';
  return head + 'x'.repeat(Math.max(0, chunkBytes - head.length - tail.length)) + tail;
}

function send(stream: Stream): void {
  if (stream.sent >= chunks) {
    live.delete(stream);
    stream.res.end('data: [DONE]\n\n');
    return;
  }
  stream.res.write(event(stream));
  stream.sent++;
}

const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const stream: Stream = { res, sent: 0 };
  res.on('close', () => live.delete(stream));
  send(stream);
  live.add(stream);
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 130_000;
server.requestTimeout = 0;
// The bench runs on one machine: a ticker, not a timer per stream.
setInterval(() => {
  for (const stream of live) send(stream);
}, intervalMs);
server.listen({ port: 0, host: '127.0.0.1', backlog: 65_535 }, () => announceReady(server.address()));
