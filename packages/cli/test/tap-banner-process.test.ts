import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJsonUpstream, startTapProcess } from './tap-process.js';

/**
 * After `canary promote`, the route `stable` serves the promoted version. A tap restarted with its
 * old `--upstream` serves that version too, but its banner and `tap listening` line named the old
 * one (`version stable at <old upstream>`): the operator read the opposite of the truth.
 */
describe('understudy tap restarted after a promotion says which version its route serves', () => {
  let old: Awaited<ReturnType<typeof startJsonUpstream>>;
  let promoted: Awaited<ReturnType<typeof startJsonUpstream>>;
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'us-banner-'));
    old = await startJsonUpstream({ who: 'old' });
    promoted = await startJsonUpstream({ who: 'v2' });
    const store = await openStore({ url: join(dir, 'captures.db') });
    await store.versions.upsert({ name: 'stable', upstream: old.url, headers: {} });
    await store.versions.upsert({ name: 'v2', upstream: promoted.url, headers: {} });
    await store.routing.ensure('stable', 'stable', 1);
    await store.routing.set(
      { route: 'stable', primary: 'v2', candidate: null, weight: 0, sticky: null, fallback: true, canaryId: null },
      2,
    );
    await store.close();
  });
  afterAll(async () => {
    await old.close();
    await promoted.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the route, the version it serves and that version upstream in the listening line', async () => {
    const tap = await startTapProcess(old.url, { UNDERSTUDY_DB: join(dir, 'captures.db') }, dir);
    try {
      const line = tap
        .output()
        .split('\n')
        .find((l) => l.includes('"msg":"tap listening"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({ route: 'stable', serves: 'v2', upstream: promoted.url });
    } finally {
      tap.cli.child.kill('SIGTERM');
      expect(await tap.cli.exit).toBe(0);
    }
  }, 60_000);
});
