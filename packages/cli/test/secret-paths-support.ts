import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { correlationSigner } from '@understudy/capture';
import { seededRandom } from '@understudy/core';
import { createReplayer } from '@understudy/replay';
import { createApp } from '@understudy/server';
import type { Store } from '@understudy/store';
import { Agent, request } from 'undici';
import { afterAll, beforeAll } from 'vitest';
import { type RecordingPaths, startRecordingPaths } from '../../../replay/test/recording-paths.js';
import { untilTrue } from '../../../replay/test/support.js';

/** Every exchange as `GET /api/exchanges/:id` answers it (all pages), bodies in base64 decoded; and how many there were. */
export async function apiExchanges(store: Store, adminToken: string): Promise<{ count: number; text: string }> {
  const app = createApp({ store, adminToken });
  const auth = { authorization: `Bearer ${adminToken}` };
  let text = '';
  let count = 0;
  let cursor: string | null = null;
  do {
    const url = `/api/exchanges?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = (await (await app.request(url, { headers: auth })).json()) as { items: { id: string }[]; nextCursor: string | null };
    for (const { id } of page.items) {
      const one = (await (await app.request(`/api/exchanges/${id}`, { headers: auth })).json()) as Record<
        string,
        { encoding?: string; text?: string }
      >;
      text += JSON.stringify(one);
      for (const body of [one.requestBody, one.responseBody])
        if (body?.encoding === 'base64') text += Buffer.from(body.text ?? '', 'base64').toString('utf8');
    }
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  await app.close();
  return { count, text };
}

/**
 * What a stored byte, an export or a log line may hold of a secret: as written, JSON-escaped,
 * percent-encoded once or twice, and in base64 at each of the three alignments (an exported body).
 */
export function secretSpellings(secret: string): string[] {
  const once = encodeURIComponent(secret);
  const out = new Set([secret, JSON.stringify(secret).slice(1, -1), once, encodeURIComponent(once)]);
  for (const pad of ['', 'x', 'xx']) {
    const b64 = Buffer.from(pad + secret).toString('base64');
    const aligned = b64.slice(pad === '' ? 0 : 4, Math.floor((b64.length - 4) / 4) * 4);
    if (aligned.length >= 12) out.add(aligned);
  }
  return [...out];
}

/** The raw bytes of the files that exist among `files` (a SQLite file, its WAL, a log), as latin1 text. */
export function storedBytes(files: readonly string[]): string {
  return Buffer.concat(files.filter((f) => existsSync(f)).map((f) => readFileSync(f))).toString('latin1');
}

/**
 * The recording paths (tap, shadow, egress, importers, replayer over one store) started before a
 * file's tests and closed after them: the set-up every path-seeding test repeated. Read the
 * returned function inside a test (it throws before `beforeAll` ran).
 */
export function recordingPathsFixture(options: Parameters<typeof startRecordingPaths>[0]): () => RecordingPaths {
  let paths: RecordingPaths | undefined;
  beforeAll(async () => {
    paths = await startRecordingPaths(options);
  });
  afterAll(() => paths?.close());
  return () => {
    if (paths === undefined) throw new Error('recording paths not started: read the fixture inside a test');
    return paths;
  };
}

/**
 * For a test that starts real processes: the upstream servers it opens (pushed by the test) and one
 * undici dispatcher for its requests, both closed after the file's tests.
 */
export function processFixture(): { readonly servers: Server[]; readonly dispatcher: Agent } {
  const servers: Server[] = [];
  const dispatcher = new Agent({ connections: 4 });
  afterAll(async () => {
    await dispatcher.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });
  return { servers, dispatcher };
}

/** A JSON tool call through the egress proxy's `tools` destination at `/deploy`, signed as made for exchange `exchangeId`. */
export async function egressToolCall(paths: RecordingPaths, exchangeId: string, body: string): Promise<void> {
  const res = await request(`${paths.egressUrl}/d/tools/deploy`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-understudy-exchange': correlationSigner(paths.record.redactor.correlationKey()).value(exchangeId),
    },
    body,
  });
  await res.body.dump();
}

/**
 * Waits (bounded) until the live shadow recorded `shadows` exchanges, flushes the tap, then
 * replays every `/v1/*` exchange against `stable`, recording as the tap records.
 */
export async function replayAfterShadows(paths: RecordingPaths, shadows: number, seed: number): Promise<void> {
  const { store } = paths;
  const recorded = async () => (await store.exchanges.list({}, { limit: 200 })).items.filter((e) => e.role === 'shadow').length;
  await untilTrue(async () => (await recorded()) >= shadows);
  await paths.tap.flush();
  const replayer = createReplayer({ store, redactor: paths.record.redactor, prices: paths.record.prices, random: seededRandom(seed) });
  const run = await replayer.create({ target: 'stable', selection: { path: '/v1/*' } });
  await replayer.run(run.id);
  await replayer.close();
}
