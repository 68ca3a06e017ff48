/**
 * `understudy start` runs the tap beside the canary controller and the control plane: a routing
 * change made in that process is in force in its tap when the change is visible at all. The
 * tap's poll is set to an hour, so nothing but the in-memory push can move it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';
import type { SpawnedCli } from './spawn-cli.js';
import { startUnderstudy } from './start-process.js';
import { startJsonUpstream } from './tap-process.js';

const token = 'instant-routing-token';

describe('instant routing in one process (understudy start)', () => {
  const upstreams: { close(): Promise<void> }[] = [];
  let cli: SpawnedCli | undefined;
  afterAll(async () => {
    if (cli !== undefined && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    await Promise.all(upstreams.map((u) => u.close()));
  });

  it('the controller steps and an API rollback are in force in the tap by the time either is visible, with an hour between polls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'us-instant-'));
    const stable = await startJsonUpstream({ served_by: 'stable' });
    const v2 = await startJsonUpstream({ served_by: 'v2' });
    upstreams.push(stable, v2);
    const config = join(dir, 'understudy.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        versions: [
          { name: 'stable', upstream: stable.url },
          { name: 'v2', upstream: v2.url },
        ],
        tap: { routingPollMs: 3_600_000 },
      }),
    );
    const env = { UNDERSTUDY_DB: join(dir, 'u.db'), UNDERSTUDY_ADMIN_TOKEN: token };
    const { cli: started, tapUrl, controlUrl } = await startUnderstudy(['--config', config], env, dir);
    cli = started;
    const dispatcher = new Agent({ connections: 4 });
    try {
      const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const served = async () => {
        const res = await request(`${tapUrl}/v1/chat/completions`, { method: 'POST', body: '{}', dispatcher });
        await res.body.text();
        return res.headers['x-understudy-version'];
      };
      expect(await served()).toBe('stable');

      // One step at 100 %, held there (it needs far more requests than this test sends).
      const created = await request(`${controlUrl}/api/canaries`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ candidate: 'v2', intervalMs: 100, steps: [{ weight: 100, minRequests: 100_000 }] }),
        dispatcher,
      });
      expect(created.statusCode).toBe(201);
      const { id } = (await created.body.json()) as { id: string };
      // The controller's step commits and is visible through the API; by then the tap serves it.
      await eventually(async () => {
        const res = await request(`${controlUrl}/api/canaries/${id}`, { headers: auth, dispatcher });
        return ((await res.body.json()) as { state: string }).state === 'progressing' ? true : undefined;
      }, 30_000);
      for (let i = 0; i < 5; i++) expect(await served()).toBe('v2');

      // A rollback through the control plane: in force when its answer arrives.
      const rolledBack = await request(`${controlUrl}/api/canaries/${id}/rollback`, {
        method: 'POST',
        headers: auth,
        body: '{}',
        dispatcher,
      });
      expect(rolledBack.statusCode).toBe(200);
      await rolledBack.body.text();
      for (let i = 0; i < 5; i++) expect(await served()).toBe('stable');

      started.child.kill('SIGTERM');
      expect(await started.exit).toBe(0);
    } finally {
      await dispatcher.close();
    }
  }, 120_000);
});
