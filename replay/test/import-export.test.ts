import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hopByHopHeaders } from '@understudy/capture';
import { seededRandom } from '@understudy/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJsonl } from '../src/export-exchanges.js';
import { importExchanges } from '../src/import-exchanges.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, type Running, tempStore } from './support.js';

const fixtures = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../data/fixtures');
const fixture = (name: string) => join(fixtures, name);
const scratch = (name: string) => join(mkdtempSync(join(tmpdir(), 'us-import-')), name);

async function exportAll(store: Awaited<ReturnType<typeof tempStore>>['store']): Promise<string> {
  let text = '';
  await exportJsonl(store, {}, (chunk) => {
    text += chunk;
  });
  return text;
}

describe('import and export', () => {
  let agent: Running;
  beforeAll(async () => {
    agent = await demoAgent('good', 3);
  });
  afterAll(() => agent.close());

  it('imports the HAR recorded by Chromium and replays it against the demo agent', async () => {
    const { store } = await tempStore();
    const result = await importExchanges(store, fixture('demo-agent.har'), { random: seededRandom(1) });
    expect(result).toMatchObject({ format: 'har', imported: 10, skipped: 0, duplicates: 0 });
    const page = await store.exchanges.list({}, { limit: 20 });
    const streamed = page.items.filter((e) => e.streamed);
    expect(streamed).toHaveLength(1);
    expect(page.items.every((e) => e.status === 200 && e.requestBody.size > 0 && !(':authority' in e.requestHeaders))).toBe(true);
    expect(page.items.map((e) => e.path).sort()).toContain('/v1/messages');

    const replayer = createReplayer({ store });
    const run = await replayer.create({ target: agent.url });
    const outcome = await replayer.run(run.id);
    expect(outcome.summary.done).toBe(10);
    expect(outcome.summary.errors).toBe(0);
    expect(outcome.summary.verdicts.regression).toBe(0);
    expect(outcome.summary.endpoints.map((e) => e.endpoint).sort()).toEqual(['POST /v1/chat/completions', 'POST /v1/messages']);
    await replayer.close();
    await store.close();
  });

  it('imports GoReplay records: request + original response, replayed response as a child', async () => {
    const { store } = await tempStore();
    const result = await importExchanges(store, fixture('demo-agent.gor'), { random: seededRandom(2), version: 'prod' });
    expect(result).toMatchObject({ format: 'goreplay', imported: 12, skipped: 0 });
    const live = await store.exchanges.list({ role: 'live' }, { limit: 50 });
    expect(live.items).toHaveLength(6);
    const first = live.items.at(-1);
    expect(first).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      status: 200,
      version: 'prod',
      startedAt: 1_763_700_000_000,
    });
    const children = await store.exchanges.list({ parentId: first?.id ?? '' });
    expect(children.items).toHaveLength(1);
    expect(children.items[0]).toMatchObject({ role: 'replay', durationMs: 3 });
    // The chunked response was de-chunked into the JSON body.
    const chunked = live.items.at(-2);
    expect(JSON.parse(new TextDecoder().decode(chunked?.responseBody.bytes))).toHaveProperty('choices');
    await store.close();
  });

  it('round-trips JSONL exactly once recorded: import → export → import → export', async () => {
    const { store } = await tempStore();
    const original = readFileSync(fixture('demo-agent.jsonl'), 'utf8');
    const result = await importExchanges(store, fixture('demo-agent.jsonl'));
    expect(result).toMatchObject({ format: 'jsonl', imported: 10 });
    const exported = await exportAll(store);
    // Recording applied the one header policy (the fixture's hop-by-hop fields are gone) and read
    // the events of a stream saved without them; nothing else changed.
    const comparable = (line: string) => {
      const e = JSON.parse(line) as { requestHeaders: Record<string, string>; responseHeaders: Record<string, string>; sseEvents: unknown };
      for (const h of [e.requestHeaders, e.responseHeaders]) for (const name of hopByHopHeaders) delete h[name];
      e.sseEvents = null;
      return JSON.stringify(e);
    };
    expect(exported.trim().split('\n').map(comparable)).toEqual(original.trim().split('\n').map(comparable));
    const again = scratch('again.jsonl');
    writeFileSync(again, exported);
    const { store: second } = await tempStore();
    await importExchanges(second, again);
    expect(await exportAll(second)).toBe(exported);
    await second.close();
    // Importing the same file again adds nothing.
    expect(await importExchanges(store, fixture('demo-agent.jsonl'))).toMatchObject({ imported: 0, duplicates: 10 });
    await store.close();
  });

  // `understudy export` of a store with replay runs, imported again: the replay rows lost the
  // markers Understudy itself sent (x-understudy-shadow, -replay, -exchange), so the second export
  // differed from the first (400 of 45 863 lines in a user's store).
  it("keeps a shadow or replay row's own x-understudy-* markers on import, and drops them on a live row", async () => {
    const { store } = await tempStore();
    const live = JSON.parse(readFileSync(fixture('demo-agent.jsonl'), 'utf8').split('\n')[0] ?? '{}') as Record<string, unknown> & {
      id: string;
      requestHeaders: Record<string, string>;
    };
    const marks = {
      'x-understudy-exchange': `${live.id}; attempt=01RUNATTEMPT0000000000000A`,
      'x-understudy-replay': '01RUN00000000000000000000A',
      'x-understudy-shadow': '1',
    };
    const replayRow = {
      ...live,
      id: '01REPLAYROW00000000000000A',
      role: 'replay',
      parentId: live.id,
      requestHeaders: { ...live.requestHeaders, ...marks },
    };
    const forged = { ...live, id: '01FORGEDLIVE0000000000000A', requestHeaders: { ...live.requestHeaders, 'x-understudy-shadow': '1' } };
    const file = scratch('marks.jsonl');
    writeFileSync(file, [live, replayRow, forged].map((e) => JSON.stringify(e)).join('\n'));
    expect(await importExchanges(store, file)).toMatchObject({ imported: 3 });
    const replayed = await store.exchanges.get(replayRow.id);
    expect(replayed?.requestHeaders).toMatchObject(marks);
    expect((await store.exchanges.get(forged.id))?.requestHeaders).not.toHaveProperty('x-understudy-shadow');
    // And the round trip of such a store is exact.
    const exported = await exportAll(store);
    const again = scratch('marks-again.jsonl');
    writeFileSync(again, exported);
    const { store: second } = await tempStore();
    await importExchanges(second, again);
    expect(await exportAll(second)).toBe(exported);
    await second.close();
    await store.close();
  });

  it('reports a corrupted JSONL line by number and imports nothing, or skips it on request', async () => {
    const { store } = await tempStore();
    const lines = readFileSync(fixture('demo-agent.jsonl'), 'utf8').split('\n');
    lines[6] = lines[6]?.slice(0, 40) ?? '';
    lines[8] = (lines[8] ?? '').replace('"method":"POST"', '"method":7');
    const file = scratch('broken.jsonl');
    writeFileSync(file, lines.join('\n'));
    await expect(importExchanges(store, file)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^line 7: not JSON/),
    });
    expect(await store.exchanges.count()).toBe(0);
    const skipped = await importExchanges(store, file, { skipInvalid: true });
    expect(skipped).toMatchObject({ imported: 8, skipped: 2 });
    expect(skipped.problems.map((p) => p.where)).toEqual(['line 7', 'line 9']);
    expect(skipped.problems[1]?.reason).toMatch(/at method/);
    await store.close();
  });

  it('names a bad HAR entry and a corrupted GoReplay record by line', async () => {
    const { store } = await tempStore();
    const har = JSON.parse(readFileSync(fixture('demo-agent.har'), 'utf8')) as { log: { entries: { request: { url: string } }[] } };
    const third = har.log.entries[2];
    if (third !== undefined) third.request.url = 'not a url';
    const harFile = scratch('bad.har');
    writeFileSync(harFile, JSON.stringify(har));
    await expect(importExchanges(store, harFile)).rejects.toThrow(/^entry 3: invalid HAR entry at request\.url/);

    const gor = readFileSync(fixture('demo-agent.gor'), 'utf8').split('\n');
    const at = gor.findIndex((l, i) => i > 0 && /^1 /.test(l));
    gor[at] = '1 garbage';
    const gorFile = scratch('bad.gor');
    writeFileSync(gorFile, gor.join('\n'));
    await expect(importExchanges(store, gorFile)).rejects.toThrow(new RegExp(`^line ${at + 1}: not a GoReplay record header`));
    expect(await store.exchanges.count()).toBe(0);
    await store.close();
  });

  it('refuses a GoReplay record whose payload is not HTTP, naming its record number', async () => {
    const { store } = await tempStore();
    const ok = `1 aaa 1700000000000000000\nGET /ok HTTP/1.1\r\nHost: a\r\n\r\n`;
    const bad = `1 bbb 1700000000000000000\nNOT HTTP AT ALL\r\n\r\n`;
    const file = scratch('not-http.gor');
    writeFileSync(file, [ok, bad].join('\n🐵🙈🙉\n'));
    await expect(importExchanges(store, file, { format: 'goreplay' })).rejects.toThrow(/record 2.*not an HTTP request/);
    expect(await store.exchanges.count()).toBe(0);
    await store.close();
  });

  it('applies the capture body cap to imports and flags the cut', async () => {
    const { store } = await tempStore();
    const body = JSON.stringify({ text: 'x'.repeat(1_100_000) });
    const file = scratch('big.gor');
    writeFileSync(
      file,
      `1 ccc 1700000000000000000\nPOST /big HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    await importExchanges(store, file, { format: 'goreplay' });
    const [e] = (await store.exchanges.list()).items;
    expect(e?.requestBody).toMatchObject({ size: body.length, truncated: true });
    expect(e?.requestBody.bytes.length).toBe(1024 * 1024);
    await store.close();
  });
});
