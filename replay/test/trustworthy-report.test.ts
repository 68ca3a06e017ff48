import { describe, expect, it } from 'vitest';
import { formatSummary } from '../src/format-summary.js';
import { createReplayer } from '../src/replayer.js';
import { demoAgent, recordTraffic, tempStore } from './support.js';

describe('a replay report that cannot pass on missing evidence', () => {
  it('defect 6: a baseline that never answered fails the run with its own report line, unless allowed', async () => {
    const { store } = await tempStore();
    const production = await demoAgent('good', 3);
    await store.exchanges.insertMany(await recordTraffic(production.url, 6));
    // The baseline version is down: nothing listens on port 9.
    await store.versions.upsert({ name: 'stable', upstream: 'http://127.0.0.1:9', headers: {} });
    const replayer = createReplayer({ store });
    try {
      const run = await replayer.create({ target: production.url, baseline: 'stable', retries: 0 });
      const { summary } = await replayer.run(run.id);
      expect(summary.baselineCoverage).toMatchObject({ pairs: 0, replayed: 6, share: 0, sufficient: false });
      expect(summary.passed).toBe(false);
      expect(summary.thresholds).toContainEqual({ name: 'baselineShare', limit: 0.8, actual: 0, breached: true });
      expect(formatSummary(summary)).toMatch(
        /^baseline: only 0 of 6 replayed requests got a baseline answer \(0\.0%, minimum 80\.0%\): the noise floor is missing$/m,
      );

      const allowed = await replayer.create({ target: production.url, baseline: 'stable', retries: 0, allowMissingBaseline: true });
      const ok = (await replayer.run(allowed.id)).summary;
      expect(ok.passed).toBe(true);
      expect(formatSummary(ok)).toMatch(/noise floor is missing \(allowed by --allow-missing-baseline\)$/m);

      // A baseline that answers gives a full noise floor and no such line.
      await store.versions.upsert({ name: 'stable', upstream: production.url, headers: {} });
      const full = await replayer.create({ target: production.url, baseline: 'stable' });
      const good = (await replayer.run(full.id)).summary;
      expect(good.baselineCoverage).toMatchObject({ pairs: 6, share: 1, sufficient: true });
      expect(formatSummary(good)).not.toMatch(/^baseline:/m);
    } finally {
      await replayer.close();
      await production.close();
      await store.close();
    }
  });

  it('defect 7: skips captures with a truncated or uncaptured request body, counted by reason, unless forced', async () => {
    const { store } = await tempStore();
    const production = await demoAgent('good', 4);
    const [whole, cut, lost] = await recordTraffic(production.url, 3);
    if (whole === undefined || cut === undefined || lost === undefined) throw new Error('no traffic');
    const half = cut.requestBody.bytes.slice(0, 20);
    await store.exchanges.insertMany([
      whole,
      { ...cut, requestBody: { bytes: half, size: cut.requestBody.size, truncated: true } },
      // An older tap kept no body when the upstream was unreachable: the request announced one.
      {
        ...lost,
        requestHeaders: { ...lost.requestHeaders, 'content-length': String(lost.requestBody.size) },
        requestBody: { bytes: new Uint8Array(0), size: 0, truncated: false },
        status: 502,
        error: { code: 'upstream_unreachable', message: 'connection refused' },
      },
    ]);
    const replayer = createReplayer({ store });
    try {
      const run = await replayer.create({ target: production.url, retries: 0 });
      const { summary } = await replayer.run(run.id);
      expect(summary.skipped).toEqual({ total: 2, reasons: { request_body_truncated: 1, request_body_not_captured: 1 } });
      expect(summary.verdicts.regression).toBe(0);
      expect(summary.done).toBe(3);
      expect(formatSummary(summary)).toMatch(
        /^skipped 2 unreplayable captures \(request_body_truncated 1, request_body_not_captured 1\); --include-unreplayable replays them$/m,
      );
      expect(await store.scan.count({ role: 'replay' })).toBe(1);

      const forced = await replayer.create({ target: production.url, retries: 0, includeUnreplayable: true });
      const all = (await replayer.run(forced.id)).summary;
      expect(all.skipped.total).toBe(0);
      expect(all.verdicts.match + all.verdicts.noise + all.verdicts.regression + all.verdicts.error).toBe(3);
    } finally {
      await replayer.close();
      await production.close();
      await store.close();
    }
  });
});
