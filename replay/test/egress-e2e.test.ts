import { correlationSigner, createRedactor, openSealed } from '@understudy/capture';
import { type Exchange, parseConfig, type Random, seededRandom } from '@understudy/core';
import { createDemoAgentApp, createDemoToolsApp, demoToolDefinitions } from '@understudy/demo-agent';
import { createEgress, type Egress } from '@understudy/egress';
import type { Store } from '@understudy/store';
import { createTap, storeSink, type Tap } from '@understudy/tap';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createReplayer } from '../src/replayer.js';
import { createShadowWorker } from '../src/shadow-worker.js';
import { listen, tempStore } from './support.js';

const redactionKey = 'test-redaction-key-0123456789abcdef';
const tools = demoToolDefinitions;

/**
 * The regressed agent's draws, scripted: no crash (0.5), a wrong argument (0.2), the
 * neighbouring order rather than ten times the amount (0.9); then plain answers.
 */
function wrongOrderRandom(): Random {
  const script = [0.5, 0.2, 0.9];
  return { next: () => script.shift() ?? 0.5, bytes: (n) => new Uint8Array(n) };
}

/** The `side_effect` category's differences in a stored report (undefined when absent). */
function sideEffectDifferences(report: unknown): unknown[] | undefined {
  const categories = (report as { categories?: { name: string; differences: unknown[] }[] } | undefined)?.categories;
  return categories?.find((c) => c.name === 'side_effect')?.differences;
}

describe('side-effect isolation end to end (tap → agent → egress proxy → orders service)', () => {
  const running: { close(): Promise<void> }[] = [];
  const demoTools = createDemoToolsApp();
  let store: Store;
  let egress: Egress;
  let tap: Tap;
  let tapUrl: string;
  let egressUrl: string;
  let live: Exchange;

  beforeAll(async () => {
    ({ store } = await tempStore());
    const toolsServer = await listen(demoTools.app);
    const modelServer = await listen(createDemoAgentApp({ variant: 'good', random: seededRandom(9) }));
    const config = parseConfig({
      egress: {
        destinations: [
          { name: 'orders', baseUrl: toolsServer.url, policy: 'record' },
          { name: 'model', baseUrl: modelServer.url, policy: 'passthrough' },
        ],
      },
      tap: { shadow: { version: 'candidate', rate: 1 } },
    });
    egress = createEgress({ config: config.egress, store, redactionKey });
    const egressServer = await listen(egress.app.fetch);
    egressUrl = egressServer.url;
    const agentTools = { baseUrl: `${egressUrl}/d/orders` };
    const production = await listen(createDemoAgentApp({ variant: 'good', random: seededRandom(1), tools: agentTools }));
    const candidate = await listen(createDemoAgentApp({ variant: 'good', random: seededRandom(2), tools: agentTools }));
    const regressed = await listen(createDemoAgentApp({ variant: 'regressed', random: wrongOrderRandom(), tools: agentTools }));
    await store.versions.upsert({ name: 'stable', upstream: production.url, headers: {} });
    await store.versions.upsert({ name: 'candidate', upstream: candidate.url, headers: {} });
    await store.versions.upsert({ name: 'regressed', upstream: regressed.url, headers: {} });
    tap = createTap({
      config: config.tap,
      version: { name: 'stable', upstream: production.url, headers: {} },
      shadowVersion: { name: 'candidate', upstream: candidate.url, headers: {} },
      sink: storeSink(store),
      redactionKey,
      random: seededRandom(5),
    });
    const tapServer = await listen(tap.app.fetch);
    tapUrl = tapServer.url;
    running.push(toolsServer, modelServer, production, candidate, regressed, egressServer, tapServer);
  });

  afterAll(async () => {
    for (const r of running.reverse()) await r.close();
    await tap.close();
    await egress.close();
    await store.close();
  });

  it('a live request refunds once; its live shadow is answered from the recording; forged correlation headers never reach the agent', async () => {
    const res = await request(`${tapUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-understudy-exchange': 'forged', 'x-understudy-shadow': '1' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Please refund $25 for order #10001' }], tools }),
    });
    const reply = (await res.body.json()) as { choices: { message: { content: string } }[] };
    expect(res.statusCode).toBe(200);
    expect(reply.choices[0]?.message.content).toContain('refund of $25.00 for 10001');
    expect(demoTools.counts()).toMatchObject({ refunds: 1, refundedOrders: ['10001'] });

    // The live shadow runs after the client's response; wait for it to be stored (bounded).
    const shadow = await vi.waitFor(
      async () => {
        await tap.flush();
        const found = (await store.exchanges.list({ role: 'shadow' }, { limit: 5 })).items[0];
        if (found === undefined) throw new Error('no shadow exchange yet');
        return found;
      },
      { timeout: 5_000, interval: 20 },
    );
    const parent = await store.exchanges.get(shadow.parentId ?? '');
    if (parent === undefined) throw new Error('the live exchange is missing');
    live = parent;
    await egress.flush();
    // The agent saw the tap's id (not "forged") and no shadow mark: the call was live, recorded under the exchange.
    const recorded = await store.toolCalls.recorded(live.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ role: 'live', method: 'POST', path: '/refunds', status: 201, outcome: 'forwarded' });
    const [shadowCall] = await store.toolCalls.ofAttempt(shadow.id);
    expect(shadowCall).toMatchObject({ role: 'shadow', exchangeId: live.id, outcome: 'replayed', matchedId: recorded[0]?.id });
    // Replayed rows keep the live recording's bytes: sealed at rest, the refund id only inside.
    expect(Buffer.from(shadowCall?.responseBody ?? []).toString()).not.toContain('rf_1');
    expect(opened(shadowCall?.responseBody)).toContain('"refund_id":"rf_1"');
    expect(demoTools.counts().refunds).toBe(1);

    const worker = createShadowWorker({ store });
    expect(await worker.tick()).toBe(1);
    const comparison = await store.shadowComparisons.get(shadow.id);
    expect(sideEffectDifferences(comparison?.report)).toEqual([]);
  });

  it('replaying the same request twice leaves the count at 1 while the candidate gets the recorded response', async () => {
    const replayer = createReplayer({ store, redactionKey });
    for (let i = 0; i < 2; i++) {
      const run = await replayer.create({ target: 'candidate' });
      const outcome = await replayer.run(run.id);
      expect(outcome.summary.done).toBe(1);
      const [result] = (await store.replays.listResults(run.id)).items;
      expect(result?.candidateStatus).toBe(200);
      const calls = await store.toolCalls.ofAttempt(result?.candidateId ?? '');
      expect(calls.map((c) => [c.outcome, c.match, c.exchangeId])).toEqual([['replayed', 'matched', live.id]]);
      expect(Buffer.from(calls[0]?.responseBody ?? []).toString()).not.toContain('rf_1');
      expect(opened(calls[0]?.responseBody)).toContain('"refund_id":"rf_1"');
      expect(sideEffectDifferences(result?.report)).toEqual([]);
    }
    await replayer.close();
    expect(demoTools.counts()).toMatchObject({ refunds: 1, refundedOrders: ['10001'] });
  });

  it('a candidate that refunds a different order is blocked, never reaches the tools, and is a side_effect regression', async () => {
    const replayer = createReplayer({ store, redactionKey });
    const run = await replayer.create({ target: 'regressed' });
    await replayer.run(run.id);
    await replayer.close();
    const [result] = (await store.replays.listResults(run.id)).items;
    const calls = await store.toolCalls.ofAttempt(result?.candidateId ?? '');
    expect(calls.map((c) => [c.method, c.path, c.status, c.outcome, c.match])).toEqual([['POST', '/refunds', 409, 'blocked', 'unmatched']]);
    expect(Buffer.from(calls[0]?.requestBody ?? []).toString()).toContain('10002');
    expect(result?.verdict).toBe('regression');
    const report = result?.report as { categories: { name: string; differences: { kind: string; candidate: unknown }[] }[] };
    // The unrecorded refund, and the recorded one it did not make.
    expect(report.categories.find((c) => c.name === 'side_effect')?.differences).toMatchObject([
      { kind: 'side_effect_unmatched', candidate: 1 },
      { kind: 'side_effect_missing', candidate: 0 },
    ]);
    expect(demoTools.counts()).toMatchObject({ refunds: 1, refundedOrders: ['10001'] });
  });

  it('forwards passthrough destinations in live and shadow alike, recording tokens', async () => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'How long does shipping take?' }] });
    const signer = correlationSigner(createRedactor(parseConfig({}).tap.redaction, redactionKey).correlationKey());
    const headers = { 'content-type': 'application/json', 'x-understudy-exchange': signer.value('PT1') };
    const first = await request(`${egressUrl}/d/model/v1/chat/completions`, { method: 'POST', headers, body });
    await first.body.dump();
    const second = await request(`${egressUrl}/d/model/v1/chat/completions`, {
      method: 'POST',
      headers: { ...headers, 'x-understudy-exchange': signer.value('PT1', 'PT1A'), 'x-understudy-shadow': '1' },
      body,
    });
    const answer = (await second.body.json()) as { usage: { prompt_tokens: number } };
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    await egress.flush();
    const [recorded] = await store.toolCalls.recorded('PT1');
    const [shadowed] = await store.toolCalls.ofAttempt('PT1A');
    expect(recorded).toMatchObject({ outcome: 'forwarded', policy: 'passthrough', inputTokens: answer.usage.prompt_tokens });
    expect(recorded?.outputTokens).toBeGreaterThan(0);
    expect(shadowed).toMatchObject({ outcome: 'forwarded', match: 'matched', inputTokens: answer.usage.prompt_tokens });
  });
});

/** A sealed recording's plain text, under the test's redaction key. */
function opened(bytes: Uint8Array | undefined): string {
  const key = createRedactor(parseConfig({}).tap.redaction, redactionKey).sealingKey();
  return Buffer.from(openSealed(bytes ?? new Uint8Array(0), key) ?? []).toString();
}
