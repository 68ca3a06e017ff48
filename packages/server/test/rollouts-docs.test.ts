import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManualClock } from '@understudy/core';
import { openStore, type Store } from '@understudy/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createApp } from '../src/create-app.js';
import { gateNow, seedGateEvidence } from './gate-evidence.js';

const docs = readFileSync(resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../docs/rollouts.md'), 'utf8');
const token = 'rollouts-docs-token-1';

type Yaml = Record<string, unknown>;
/** Every YAML document of the page's yaml blocks (the Rollout and Canary fragments are left out: they are not documents). */
const manifests: Yaml[] = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .flatMap((m) => parseAllDocuments(m[1] ?? '').map((d) => d.toJSON() as unknown))
  .filter((d): d is Yaml => typeof d === 'object' && d !== null && 'kind' in d);
const kind = (k: string): Yaml => {
  const found = manifests.find((m) => m.kind === k);
  if (found === undefined) throw new Error(`docs/rollouts.md has no ${k}`);
  return found;
};
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined), o);
const pathOf = (url: string): string => url.replace(/^https?:\/\/[^/]+/, '');
const withToken = (text: string): string => text.replace('<the control-plane token>', token);

/** Argo's `{$.a.b}` JSONPath and its `result == "x"` conditions: the slice the documented template uses. */
function argoMeasure(body: unknown, jsonPath: string, condition: string): boolean {
  const path = /^\{\$\.([\w.]+)\}$/.exec(jsonPath)?.[1];
  const cond = /^result == "(\w+)"$/.exec(condition)?.[1];
  if (path === undefined || cond === undefined) throw new Error(`unexpected template: ${jsonPath} / ${condition}`);
  return at(body, ...path.split('.')) === cond;
}

describe('docs/rollouts.md: the documented manifests work against the control plane', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;
  beforeEach(async () => {
    store = await openStore({ url: ':memory:' });
    app = createApp({ store, adminToken: token, clock: new ManualClock(gateNow) });
    await seedGateEvidence(store, { version: 'podinfo-canary', n: 500, regressions: 0 });
    await seedGateEvidence(store, { version: 'bad-canary', n: 500, regressions: 200 });
  });
  afterEach(async () => {
    await store.close();
  });

  it('the AnalysisTemplate: its web provider request, jsonPath and conditions give success, then failure', async () => {
    const template = kind('AnalysisTemplate');
    const metric = at(template, 'spec', 'metrics', 0);
    const web = at(metric, 'provider', 'web') as { url: string; headers: { key: string; value: string }[]; jsonPath: string };
    const secret = manifests.find((m) => m.kind === 'Secret' && at(m, 'metadata', 'name') === 'understudy');
    expect(at(secret, 'stringData', 'token')).toBe('<the control-plane token>');
    const request = (version: string) => {
      const render = (s: string) => s.replace('{{args.version}}', version).replace('{{args.token}}', token);
      const headers = Object.fromEntries(web.headers.map((h) => [h.key, render(h.value)]));
      return app.request(pathOf(render(web.url)), { headers });
    };
    const measure = async (version: string) => {
      const res = await request(version);
      expect(res.status).toBe(200);
      const body = (await res.json()) as unknown;
      return {
        success: argoMeasure(body, web.jsonPath, String(at(metric, 'successCondition'))),
        failure: argoMeasure(body, web.jsonPath, String(at(metric, 'failureCondition'))),
      };
    };
    expect(await measure('podinfo-canary')).toEqual({ success: true, failure: false });
    expect(await measure('bad-canary')).toEqual({ success: false, failure: true });
    // No evidence yet for a registered version: neither condition holds, so Argo records Inconclusive.
    await store.versions.upsert({ name: 'unseen', upstream: 'http://127.0.0.1:9', headers: {} });
    expect(await measure('unseen')).toEqual({ success: false, failure: false });
    // A name nobody registered or served (a typo in the Rollout's args): a 404, which Argo counts as a
    // measurement error (the analysis errors past its consecutiveErrorLimit), never a verdict.
    expect((await request('podinfo-canray')).status).toBe(404);
  });

  it("the Canary's webhooks: Flagger's payload to the documented URL advances a good version and halts a bad one", async () => {
    const hooks = at(kind('Canary'), 'spec', 'analysis', 'webhooks') as { url: string; metadata: Record<string, string> }[];
    expect(hooks.length).toBe(2);
    for (const hook of hooks) {
      const call = (version: string) =>
        app.request(pathOf(hook.url), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: 'podinfo',
            namespace: 'test',
            phase: 'Progressing',
            checksum: 'abc',
            metadata: { ...hook.metadata, token: withToken(hook.metadata.token ?? ''), version },
          }),
        });
      expect((await call('podinfo-canary')).status).toBe(200);
      expect((await call('bad-canary')).status).toBe(412);
    }
  });

  it("the MetricTemplate: Flagger's prometheus provider query, rendered, answers a value inside the Canary's thresholdRange", async () => {
    const template = kind('MetricTemplate');
    const secret = manifests.find((m) => m.kind === 'Secret' && at(m, 'metadata', 'name') === 'understudy-basic');
    const basic = Buffer.from(
      `${at(secret, 'stringData', 'username')}:${withToken(String(at(secret, 'stringData', 'password')))}`,
    ).toString('base64');
    const address = pathOf(String(at(template, 'spec', 'provider', 'address')));
    const query = (target: string) =>
      String(at(template, 'spec', 'query'))
        .replace('{{ target }}', target)
        .replace('{{ interval }}', '1m')
        .replace(/\s+/g, ' ');
    const value = async (target: string) => {
      // Flagger first checks the provider is online with vector(1).
      const online = await app.request(`${address}/api/v1/query?query=${encodeURIComponent('vector(1)')}`, {
        headers: { Authorization: `Basic ${basic}` },
      });
      expect(await online.json()).toMatchObject({ data: { result: [{ value: [gateNow / 1000, '1'] }] } });
      const res = await app.request(`${address}/api/v1/query?query=${encodeURIComponent(query(target))}`, {
        headers: { Authorization: `Basic ${basic}` },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
      return Number(body.data.result[0]?.value[1]);
    };
    const max = 0.05; // the documented thresholdRange
    expect(docs).toContain(`thresholdRange:\n          max: ${max}`);
    expect(await value('podinfo')).toBeLessThanOrEqual(max);
    expect(await value('bad')).toBeGreaterThan(max);
  });
});
