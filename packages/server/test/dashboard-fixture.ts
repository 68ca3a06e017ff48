import { createCanaryController, createCanaryService } from '@understudy/canary';
import { type Exchange, ManualClock, noUsage, systemRandom } from '@understudy/core';
import { compareExchanges } from '@understudy/replay';
import type { Store } from '@understudy/store';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** What a captured body tries to do to a page that renders it unescaped. */
export const hostilePayload = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

function chat(id: string, over: Partial<Exchange> & { answer: string; tool?: { name: string; args: object } }): Exchange {
  const message: Record<string, unknown> = { role: 'assistant', content: over.answer };
  if (over.tool !== undefined)
    message.tool_calls = [
      { id: 'call_1', type: 'function', function: { name: over.tool.name, arguments: JSON.stringify(over.tool.args) } },
    ];
  const body = JSON.stringify({
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    model: 'demo',
    choices: [{ index: 0, message, finish_reason: over.tool === undefined ? 'stop' : 'tool_calls' }],
    usage: { prompt_tokens: 40, completion_tokens: over.answer.split(' ').length, total_tokens: 60 },
  });
  const request = JSON.stringify({
    model: 'demo',
    messages: [{ role: 'user', content: `How long do I have to return order #A-1042? ${hostilePayload}` }],
  });
  const { answer: _a, tool: _t, ...rest } = over;
  return {
    id,
    startedAt: 1_800_000_000_000,
    method: 'POST',
    path: '/v1/chat/completions',
    query: '',
    requestHeaders: { 'content-type': 'application/json', authorization: '[redacted:authorization:b28074e7f4d0]' },
    requestBody: { bytes: utf8(request), size: request.length, truncated: false },
    status: 200,
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: { bytes: utf8(body), size: body.length, truncated: false },
    streamed: false,
    sseEvents: null,
    ttfbMs: 120,
    durationMs: 180,
    version: 'v1',
    role: 'live',
    parentId: null,
    usage: { ...noUsage, inputTokens: 40, outputTokens: 20 },
    error: null,
    ...rest,
  };
}

export interface DashboardFixture {
  readonly liveId: string;
  readonly comparisonId: string;
  readonly canaryId: string;
  readonly clock: ManualClock;
}

/** Every dashboard page over the fixture's records: the lists and one of each detail page. */
export function dashboardPaths(fx: DashboardFixture): string[] {
  return [
    '/',
    '/comparisons',
    `/comparisons/${fx.comparisonId}`,
    '/replays',
    '/canaries',
    `/canaries/${fx.canaryId}`,
    '/exchanges',
    `/exchanges/${fx.liveId}`,
  ];
}

/**
 * A live answer and a shadow answer to it, compared by the real engine and stored: the
 * comparison's id (its page shows the changed facts with their evidence).
 */
export async function seedComparison(
  store: Store,
  ids: { live: string; shadow: string },
  answers: { live: string; shadow: string },
): Promise<string> {
  const live = chat(ids.live, { answer: answers.live });
  const shadow = chat(ids.shadow, { answer: answers.shadow, role: 'shadow', version: 'v3', parentId: ids.live });
  return storeComparison(store, live, shadow, live.startedAt);
}

/** A live exchange and its shadow copy, stored with their comparison by the real engine. */
async function storeComparison(store: Store, live: Exchange, shadow: Exchange, at: number): Promise<string> {
  await store.exchanges.insertMany([live, shadow]);
  const report = compareExchanges(shadow, live);
  await store.shadowComparisons.insertMany([
    {
      exchangeId: shadow.id,
      parentId: live.id,
      endpoint: report.endpoint,
      verdict: report.verdict,
      score: report.score,
      scoreOverNoise: report.scoreOverNoise,
      report,
      createdAt: at,
    },
  ]);
  return shadow.id;
}

/**
 * A store as a short demo leaves it: a live answer with a hostile payload in it, the regressed
 * candidate's shadow answer (a wrong tool and a wrong fact), their comparison by the real
 * compare engine (its `fact` category names the changed fact), and a canary the real
 * controller has walked into its first step.
 */
export async function seedDashboard(store: Store): Promise<DashboardFixture> {
  const clock = new ManualClock(1_800_000_000_000);
  await store.versions.upsert({ name: 'v1', upstream: 'http://127.0.0.1:1', headers: {} });
  await store.versions.upsert({ name: 'v3', upstream: 'http://127.0.0.1:2', headers: {} });
  const live = chat('01LIVE0000000000000000000A', {
    answer: `You can return any item within 30 days of delivery. ${hostilePayload}`,
    tool: { name: 'get_order', args: { order_id: 'A-1042' } },
  });
  const shadow = chat('01SHADOW00000000000000000A', {
    answer: 'Items can be returned up to 14 days after they arrive. Please note that our team is always here to help.',
    tool: { name: 'refund_order', args: { order_id: 'A-1042', amount: 0 } },
    role: 'shadow',
    version: 'v3',
    parentId: '01LIVE0000000000000000000A',
    durationMs: 540,
  });
  await storeComparison(store, live, shadow, clock.now());

  const service = createCanaryService({ store, clock, random: systemRandom });
  const canary = await service.create(
    { stable: 'v1', candidate: 'v3', steps: [{ weight: 10, minDurationMs: 600_000 }, { weight: 50 }, { weight: 100 }], intervalMs: 1000 },
    'ops-bot',
  );
  const controller = createCanaryController({ store, clock, holder: 'fixture' });
  for (let i = 0; i < 4; i++) {
    await controller.tick();
    clock.advance(1000);
  }
  await controller.stop();
  return { liveId: live.id, comparisonId: shadow.id, canaryId: canary.id, clock };
}
