import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIdGenerator, type Exchange, exchangeRoles, seededRandom, systemClock } from '@understudy/core';
import {
  exchangeToJsonLine,
  goReplayRecord,
  goReplaySeparator,
  importExchanges,
  parseGoReplay,
  parseHar,
  parseJsonLine,
} from '@understudy/replay';
import { openStore, type Store } from '@understudy/store';
import { testExchange, testJsonBody } from '@understudy/store/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzParams, typedOutcome } from './fuzz-settings.js';
import { mutationsOf } from './mutate.js';

const parseOptions = () => ({
  ids: createIdGenerator({ clock: systemClock, random: seededRandom(1) }),
  idAt: () => {},
  version: 'imported',
});

/** What every importer must yield: well-formed exchanges, or a problem that says where and why. */
function checkItems(items: Iterable<{ ok: true; value: Exchange[] } | { ok: false; problem: { where: string; reason: string } }>): number {
  let n = 0;
  for (const item of items) {
    if (++n > 10_000) throw new Error('an importer yielded more items than its input could hold');
    if (item.ok) for (const e of item.value) checkExchange(e);
    else {
      expect(item.problem.where).toMatch(/^(file|entry \d+|line \d+)$/);
      expect(item.problem.reason.length).toBeGreaterThan(0);
    }
  }
  return n;
}

function checkExchange(e: Exchange): void {
  expect(e.method.length).toBeGreaterThan(0);
  expect(e.path.startsWith('/')).toBe(true);
  // What JSONL export can carry back in: an import must not store what it could not re-import.
  expect(e.status === null || (Number.isInteger(e.status) && e.status >= 100 && e.status <= 599)).toBe(true);
  expect(exchangeRoles).toContain(e.role);
  expect(e.requestBody.bytes).toBeInstanceOf(Uint8Array);
  expect(e.responseBody.bytes).toBeInstanceOf(Uint8Array);
  // Whatever an import stores, an export must be able to carry back in.
  expect(parseJsonLine(exchangeToJsonLine(e), 1)).toEqual(e);
}

const text = fc.string({ unit: 'binary', maxLength: 60 });
/** A value that is sometimes right for a field and often not. */
const fieldValue = (right: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 3, arbitrary: right },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true }),
  fc.constantFrom('http://', 'https://', 'http://[', 'http://a b/', 'HTTP://x/%zz', 'http://x:99999/', 'ftp://x/'),
  text.map((t) => `http://${t}`),
);
const nameValues = fc.array(fc.record({ name: fieldValue(text), value: fieldValue(text) }), { maxLength: 4 });
const harEntry = fc.record(
  {
    startedDateTime: fieldValue(fc.constantFrom('2026-01-01T00:00:00Z', '2026-13-45T99:00:00Z', 'yesterday', '0')),
    time: fieldValue(fc.double()),
    request: fieldValue(
      fc.record({
        method: fieldValue(fc.constantFrom('GET', 'post', '', 'PATCH')),
        url: fieldValue(url),
        headers: fieldValue(nameValues),
        postData: fieldValue(fc.record({ text: fieldValue(text), encoding: fieldValue(fc.constantFrom('base64', 'utf8', '')) })),
      }),
    ),
    response: fieldValue(
      fc.record({
        status: fieldValue(fc.integer({ min: -1, max: 1000 })),
        headers: fieldValue(nameValues),
        content: fieldValue(fc.record({ size: fieldValue(fc.integer()), text: fieldValue(text), mimeType: fieldValue(text) })),
        _error: fieldValue(fc.option(text)),
      }),
    ),
    timings: fieldValue(fc.record({ wait: fieldValue(fc.double()), send: fieldValue(fc.double()) })),
  },
  { requiredKeys: [] },
);

const validHarEntry = {
  startedDateTime: '2026-01-01T00:00:00Z',
  time: 12.5,
  request: {
    method: 'POST',
    url: 'https://agent.example/v1/chat/completions?x=1',
    headers: [{ name: 'content-type', value: 'application/json' }],
    postData: { mimeType: 'application/json', text: '{"messages":[]}' },
  },
  response: {
    status: 200,
    headers: [{ name: 'content-type', value: 'text/event-stream' }],
    content: { size: 20, mimeType: 'text/event-stream', text: 'ZGF0YTogW0RPTkVdCgo=', encoding: 'base64' },
  },
  timings: { blocked: 1, dns: -1, connect: 2, send: 0, wait: 5 },
};

const rawHttpRequest = fc
  .tuple(
    fc.constantFrom('GET', 'POST', '', 'X'),
    fc.oneof(fc.constantFrom('/', '/v1/chat/completions', '*', 'http://h/x', ''), text),
    fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9', ''),
    fc.array(fc.tuple(text, text), { maxLength: 3 }),
    fc.oneof(text, fc.constantFrom('5\r\nhello\r\n0\r\n\r\n', 'zz\r\n')),
    fc.boolean(),
  )
  .map(([m, p, v, hs, body, chunked]) => {
    const head = [`${m} ${p} ${v}`, ...hs.map(([k, val]) => `${k}: ${val}`), ...(chunked ? ['Transfer-Encoding: chunked'] : [])];
    return `${head.join('\r\n')}\r\n\r\n${body}`;
  });
const rawHttpResponse = fc
  .tuple(fc.constantFrom('HTTP/1.1 200 OK', 'HTTP/1.1 abc', 'HTTP/1.1', 'HTTP/1.1 99999 x', 'garbage'), text)
  .map(([line, body]) => `${line}\r\ncontent-type: application/json\r\n\r\n${body}`);
const goRecord = fc
  .tuple(
    fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3>,
    fc.constantFrom('a1', 'b2', 'c3'),
    fc.bigInt(0n, 10n ** 19n),
    fc.bigInt(0n, 10n ** 12n),
  )
  .chain(([type, id, ts, lat]) => (type === 1 ? rawHttpRequest : rawHttpResponse).map((raw) => goReplayRecord(type, id, ts, lat, raw)));

function validExchange(over: Partial<Exchange> = {}): Exchange {
  return testExchange('01JXAMPLE0000000000000000', {
    startedAt: 1_767_225_600_000,
    query: 'a=1',
    requestHeaders: { 'content-type': 'application/json' },
    requestBody: testJsonBody({ messages: [] }),
    ttfbMs: 1,
    durationMs: 2,
    ...over,
  });
}

describe('fuzz: importers', () => {
  it('HAR: any text yields exchanges or located problems, never a crash', () => {
    const doc = fc.oneof(
      text,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.array(harEntry, { maxLength: 4 }).map((entries) => JSON.stringify({ log: { entries } })),
      fc.array(mutationsOf(validHarEntry), { minLength: 1, maxLength: 3 }).map((entries) => JSON.stringify({ log: { entries } })),
    );
    fc.assert(
      fc.property(doc, (t) => {
        checkItems(parseHar(t, parseOptions()));
      }),
      fuzzParams('importers/har', 10_000),
    );
  });

  it('GoReplay: any bytes and any records yield exchanges or located problems, never a crash', () => {
    const data = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      fc.array(goRecord, { maxLength: 5 }).map((records) => Buffer.from(records.join(''), 'latin1')),
      fc.array(fc.oneof(goRecord, text), { maxLength: 5 }).map((parts) => Buffer.from(parts.join(goReplaySeparator), 'utf8')),
    );
    fc.assert(
      fc.property(data, (bytes) => {
        checkItems(parseGoReplay(bytes, parseOptions()));
      }),
      fuzzParams('importers/goreplay', 10_000),
    );
  });

  it('JSONL: any line parses to an exchange or is refused as invalid_input naming its line', () => {
    const template = JSON.parse(exchangeToJsonLine(validExchange())) as Record<string, unknown>;
    const line = fc.oneof(
      text,
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      mutationsOf(template).map((v) => JSON.stringify(v)),
    );
    fc.assert(
      fc.property(line, fc.nat(100_000), (l, n) => {
        const outcome = typedOutcome(() => parseJsonLine(l, n));
        if (outcome.ok) checkExchange(outcome.value);
        else {
          expect(outcome.error.code).toBe('invalid_input');
          expect(outcome.error.message.startsWith(`line ${n}: `)).toBe(true);
        }
      }),
      fuzzParams('importers/jsonl', 10_000),
    );
  });

  it('JSONL: an exchange survives export and import byte for byte', () => {
    const exchange = fc
      .record({
        method: fc.constantFrom('GET', 'POST'),
        path: text.map((t) => `/${t}`),
        query: text,
        body: fc.uint8Array({ maxLength: 64 }),
        status: fc.option(fc.integer({ min: 100, max: 599 })),
        header: text,
      })
      .map((r) =>
        validExchange({
          method: r.method,
          path: r.path,
          query: r.query,
          status: r.status,
          requestHeaders: { 'x-h': r.header },
          requestBody: { bytes: r.body, size: r.body.length, truncated: false },
        }),
      );
    fc.assert(
      fc.property(exchange, (e) => {
        expect(parseJsonLine(exchangeToJsonLine(e), 1)).toEqual(e);
      }),
      fuzzParams('importers/jsonl-roundtrip', 5_000),
    );
  });

  describe('whole files into a store', () => {
    let store: Store;
    let dir: string;
    beforeAll(async () => {
      store = await openStore({ url: ':memory:' });
      dir = mkdtempSync(join(tmpdir(), 'understudy-fuzz-import-'));
    });
    afterAll(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a file whole or refuses it with invalid_input and stores nothing', async () => {
      const good = exchangeToJsonLine(validExchange());
      const file = fc.record({
        format: fc.constantFrom('har', 'goreplay', 'jsonl') as fc.Arbitrary<'har' | 'goreplay' | 'jsonl'>,
        lines: fc.array(fc.oneof(fc.constant(good), text, goRecord), { maxLength: 4 }),
      });
      let n = 0;
      await fc.assert(
        fc.asyncProperty(file, async ({ format, lines }) => {
          const path = join(dir, `f${n++}`);
          writeFileSync(path, lines.join('\n'));
          const before = await store.exchanges.count();
          try {
            const result = await importExchanges(store, path, { format, random: seededRandom(n) });
            expect(await store.exchanges.count()).toBe(before + result.imported);
          } catch (error) {
            expect(error).toMatchObject({ name: 'UnderstudyError', code: 'invalid_input' });
            expect(await store.exchanges.count()).toBe(before);
          }
        }),
        fuzzParams('importers/files', 1_000),
      );
    });
  });
});
