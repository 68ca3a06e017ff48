/**
 * The soak's upstream, run as its own process: `/v1/chat/completions` answers a small JSON chat
 * completion at once; with `"stream": true` it streams `events` SSE chunks `gapMs` apart, as a
 * long LLM answer does. Prints its URL on stdout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@understudy/core';

const events = Number(process.env.SOAK_SSE_EVENTS ?? '50');
const gapMs = Number(process.env.SOAK_SSE_GAP_MS ?? '100');
const answer = JSON.stringify({
  id: 'chatcmpl-soak',
  object: 'chat.completion',
  model: 'soak',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Your order ships in two days.' } }],
  usage: { prompt_tokens: 40, completion_tokens: 8 },
});

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const streamed = Buffer.concat(chunks).includes('"stream":true');
    if (!streamed) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    let sent = 0;
    const next = (): void => {
      if (res.destroyed) return;
      if (sent === events) {
        res.end('data: [DONE]\n\n');
        return;
      }
      sent++;
      res.write(`data: {"choices":[{"index":0,"delta":{"content":"word ${sent} "}}]}\n\n`);
      systemClock.setTimeout(next, gapMs);
    };
    next();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
