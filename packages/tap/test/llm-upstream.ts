import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** What the upstream saw of one request, for assertions on what the tap forwarded. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface LlmUpstream {
  readonly url: string;
  readonly seen: SeenRequest[];
  /** Bytes served by `/binary/:n`, kept to compare with what the client got. */
  readonly binary: Map<number, Buffer>;
  /** `/sse/gated` sends its first event and then waits for this to be called. */
  releaseGate(): void;
  close(): Promise<void>;
}

const text = 'Hello from the shadow. The tap records every word of this answer.';

/**
 * A small, realistic LLM upstream: OpenAI chat completions and Anthropic messages, streamed
 * (SSE) and not, with `usage`; plus routes for proxy edge cases (echo, binary, gzip, large,
 * gated SSE, slow headers, death mid-stream).
 */
export async function startLlmUpstream(): Promise<LlmUpstream> {
  const seen: SeenRequest[] = [];
  const binary = new Map<number, Buffer>();
  let release: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      void route(req, res, body).catch((error: unknown) => res.destroy(error as Error));
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://upstream');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      const b = JSON.stringify(value);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(b), ...headers });
      res.end(b);
    };
    if (url.pathname.endsWith('/chat/completions')) {
      const input = JSON.parse(body.toString('utf8')) as { model: string; stream?: boolean; stream_options?: { include_usage?: boolean } };
      if (input.stream !== true) {
        json(200, {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1_700_000_000,
          model: `${input.model}-2024-07-18`,
          choices: [{ index: 0, message: { role: 'assistant', content: text }, logprobs: null, finish_reason: 'stop' }],
          usage: { prompt_tokens: 21, completion_tokens: 13, total_tokens: 34 },
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const base = { id: 'chatcmpl-2', object: 'chat.completion.chunk', created: 1_700_000_000, model: `${input.model}-2024-07-18` };
      const words = text.split(' ');
      for (const [i, w] of words.entries()) {
        const delta = i === 0 ? { role: 'assistant', content: w } : { content: ` ${w}` };
        res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }], usage: null })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: null })}\n\n`);
      if (input.stream_options?.include_usage === true) {
        res.write(
          `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 21, completion_tokens: words.length, total_tokens: 21 + words.length } })}\n\n`,
        );
      }
      res.end('data: [DONE]\n\n');
      return;
    }
    if (url.pathname.endsWith('/messages')) {
      const input = JSON.parse(body.toString('utf8')) as { model: string; stream?: boolean };
      const message = { id: 'msg_1', type: 'message', role: 'assistant', model: input.model, stop_reason: null, stop_sequence: null };
      if (input.stream !== true) {
        json(200, {
          ...message,
          content: [{ type: 'text', text }],
          stop_reason: 'end_turn',
          usage: { input_tokens: 30, output_tokens: 14 },
        });
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      send('message_start', { type: 'message_start', message: { ...message, content: [], usage: { input_tokens: 30, output_tokens: 1 } } });
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
      for (const w of text.split(' '))
        send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `${w} ` } });
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 14 },
      });
      send('message_stop', { type: 'message_stop' });
      res.end();
      return;
    }
    if (url.pathname === '/echo') {
      json(
        200,
        { method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8') },
        { 'set-cookie': 'session=abc123secret' },
      );
      return;
    }
    if (url.pathname === '/echo-sse') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ note: 'contact stream.seeded0009@example.org', ssn: 'SEEDED-deep-email-0006' })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    const bin = /^\/binary\/(\d+)$/.exec(url.pathname);
    if (bin !== null) {
      const n = Number(bin[1]);
      const bytes = binary.get(n) ?? randomBytes(n);
      binary.set(n, bytes);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': n });
      res.end(bytes);
      return;
    }
    if (url.pathname === '/gzip') {
      const plain = Buffer.from(JSON.stringify({ message: 'compressed hello', repeat: 'abc'.repeat(200) }));
      const encoded = gzipSync(plain);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': encoded.length });
      res.end(encoded);
      return;
    }
    const large = /^\/large\/(\d+)$/.exec(url.pathname);
    if (large !== null) {
      const n = Number(large[1]);
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Chunked on purpose (no content-length): a streamed large body.
      for (let sent = 0; sent < n; sent += 65_536) res.write(pattern(sent, Math.min(65_536, n - sent)));
      res.end();
      return;
    }
    if (url.pathname === '/sse/gated') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('id: 1\nevent: first\ndata: one\n\n');
      await gate;
      res.end('id: 2\ndata: two\ndata: lines\n\n');
      return;
    }
    if (url.pathname === '/slow') return; // never answers: the tap's headers timeout fires
    if (url.pathname === '/die') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial ');
      res.flushHeaders();
      setImmediate(() => res.socket?.destroy());
      return;
    }
    json(404, { error: 'no route' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    binary,
    releaseGate: () => {
      release();
      gate = Promise.resolve();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Deterministic bytes for offset `from`: the test can rebuild what it expects. */
export function pattern(from: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = (from + i) % 251;
  return out;
}
