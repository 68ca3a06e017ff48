/**
 * The benchmark's upstream, in its own process: `POST /v1/chat/completions` answers a ~2 KB chat
 * completion, or an SSE stream when the request asks for one (first chunk at once, then one
 * every `--chunk-ms`). `GET /__count` tells how many completions it served, so the benchmark can
 * check that a contender really reached it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { systemClock } from '@understudy/core';
import { chatCompletion, sseChunks } from './chat-fixture.js';
import { announceReady, argValue } from './child-ipc.js';

const chunkMs = Number(argValue('chunk-ms', '3'));
const maxRequestBytes = 64 * 1024;
let served = 0;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxRequestBytes) parts.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function stream(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let next = 0;
  const send = (): void => {
    const chunk = sseChunks[next++];
    if (chunk === undefined || res.destroyed) {
      res.end();
      return;
    }
    res.write(chunk);
    if (next < sseChunks.length) systemClock.setTimeout(send, chunkMs);
    else res.end();
  };
  send();
}

const server = createServer(async (req, res) => {
  if (req.method === 'GET' && req.url === '/__count') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(String(served));
    return;
  }
  const body = await readBody(req).catch(() => '');
  if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
    return;
  }
  served++;
  if (/"stream"\s*:\s*true/.test(body)) {
    stream(res);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': chatCompletion.length }).end(chatCompletion);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => announceReady(server.address()));
