import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { openStore, type Store } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlPlaneApp, createApp } from '../src/create-app.js';

const token = 'oversize-admin-token-0123';

/**
 * A caller who sends too big a body, as a user's HTTP client does it over a real loopback
 * socket: it must get the 413 JSON error, and its next request on the same client must work.
 */
describe('control plane: an oversized request body over a real socket', () => {
  let store: Store;
  let app: ControlPlaneApp;
  let server: ServerType;
  let port: number;

  beforeAll(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, adminToken: token });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
    await store.close();
  });

  it('answers 413 to a too-big declared length, and the same connection then serves the next request', async () => {
    const body = Buffer.alloc(400_000, 0x61);
    const response = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.includes('{"ok":true}')) socket.destroy();
      });
      socket.on('error', () => resolve(text));
      socket.on('close', () => resolve(text));
      socket.write(
        `POST /api/versions HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      socket.write(body);
      socket.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    });
    expect(response).toMatch(/^HTTP\/1\.1 413 /);
    expect(response).toContain('"code":"payload_too_large"');
    // Before, the refused body stayed unread and the connection was cut 500 ms later, unanswered.
    expect(response).toContain('{"ok":true}');
  });

  it('a fetch client sending 400 KB or 5 MB gets the 413 JSON every time, and its next request works', async () => {
    const outcomes: string[] = [];
    const sizes = [400_000, 5_000_000, 400_000, 5_000_000, 400_000, 400_000, 400_000, 400_000];
    for (const size of sizes) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/versions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x'.repeat(size), upstream: 'http://127.0.0.1:1' }),
        });
        const json = (await res.json()) as { error?: { code?: string } };
        outcomes.push(`${res.status} ${json.error?.code}`);
      } catch (error) {
        outcomes.push(`failed: ${String((error as { cause?: { code?: string } }).cause?.code ?? error)}`);
      }
      const next = await fetch(`http://127.0.0.1:${port}/api/versions`, { headers: { authorization: `Bearer ${token}` } });
      await next.arrayBuffer();
      outcomes.push(`next ${next.status}`);
    }
    expect(outcomes).toEqual(sizes.flatMap(() => ['413 payload_too_large', 'next 200']));
  });

  it('a Flagger webhook body that never ends is refused at the bound, before the token is checked or the body read whole', async () => {
    // 70 KB, then the client keeps the body open: the route must not wait for its end.
    const head = `content-type: application/json\r\ntransfer-encoding: chunked\r\n`;
    const chunk = Buffer.alloc(70_000, 0x20);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let response = '';
      socket.on('data', (data) => {
        response += data.toString('latin1');
        if (response.includes('\r\n\r\n') && response.includes('}}')) {
          socket.destroy();
          resolve(response);
        }
      });
      socket.on('error', () => resolve(response));
      socket.on('close', () => resolve(response));
      socket.write(`POST /api/gates/flagger HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n`);
      socket.write(`${chunk.length.toString(16)}\r\n`);
      socket.write(chunk);
      socket.write('\r\n');
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"payload_too_large"');
  }, 10_000);
});
