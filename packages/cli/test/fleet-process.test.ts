/**
 * A PostgreSQL fleet as real processes (docs/fleet.md): three taps, two canary controllers and
 * the control plane on one database. A canary ramps while traffic is spread over every tap; the
 * active controller is killed with SIGKILL mid-ramp; the standby carries on at the same step once
 * the lease runs out; the ledger is whole; every request sent through any tap is stored once.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '@understudy/core';
import { openStore, type Store, storeDatabase } from '@understudy/store';
import { Agent, request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../../store/test/postgres.js';
import { eventually } from './eventually.js';
import { type SpawnedCli, spawnCli } from './spawn-cli.js';
import { startJsonUpstream } from './tap-process.js';

const token = 'fleet-test-token';
/** The controller's lease (canary-controller.ts default): how long a dead controller blocks its standby. */
const leaseTtlMs = 10_000;
/** Slack for a loaded machine: a standby's tick, process scheduling. */
const slackMs = 5_000;

/** The URL a role logged when it started listening (`--log-format json`). */
function listeningUrl(cli: SpawnedCli, message: string): string | undefined {
  for (const line of cli.stdout().split('\n')) {
    if (!line.includes(`"${message}"`)) continue;
    const url = /"url":"(http:\/\/[^"]+)"/.exec(line)?.[1];
    if (url !== undefined) return url;
  }
  return undefined;
}

interface LeaseRow {
  holder: string;
  fence: number;
  expires_at: number;
}

async function lease(store: Store): Promise<LeaseRow | undefined> {
  const row = await storeDatabase(store)
    .selectFrom('controller_leases')
    .select(['holder', 'fence', 'expires_at'])
    .where('name', '=', 'canary-controller')
    .executeTakeFirst();
  return row === undefined ? undefined : { holder: row.holder, fence: Number(row.fence), expires_at: Number(row.expires_at) };
}

describe.skipIf(!hasPostgres())('a PostgreSQL fleet of real processes', () => {
  const children: SpawnedCli[] = [];
  const upstreams: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await Promise.all(upstreams.map((u) => u.close()));
  });

  it('three taps, two controllers and the control plane: the ramp survives a SIGKILLed controller, the ledger is whole, every capture stored once', async () => {
    // The database URL carries a password (trust authentication ignores it): no role may print it.
    const dbPassword = 'fleet-db-Pw-7f3a9c';
    const db = ((await freshPostgresUrl()) ?? '').replace('postgres://postgres@', `postgres://postgres:${dbPassword}@`);
    const dir = mkdtempSync(join(tmpdir(), 'us-fleet-'));
    const stable = await startJsonUpstream({ served_by: 'stable' });
    // v2's upstream wants a credential: the version carries it as a header, which every process
    // keeps sealed in PostgreSQL under the fleet's one redaction key and every tap sends.
    const credential = 'Bearer sk-fleet-V2cred-9Qm4Tz7Lp2Xw';
    const v2Auth: (string | undefined)[] = [];
    const v2 = await startJsonUpstream({ served_by: 'v2' }, (headers) => v2Auth.push(headers.authorization));
    upstreams.push(stable, v2);
    // Every role reads one config: the two versions (registered by whichever process comes
    // first), and taps that poll their routing once in ten minutes, so within this test only
    // LISTEN/NOTIFY moves them.
    const config = join(dir, 'understudy.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        dataDir: join(dir, 'data'),
        versions: [
          { name: 'stable', upstream: stable.url },
          { name: 'v2', upstream: v2.url, headers: { authorization: credential } },
        ],
        tap: { host: '127.0.0.1', routingPollMs: 600_000 },
      }),
    );
    const env = { UNDERSTUDY_DB: db, UNDERSTUDY_ADMIN_TOKEN: token, UNDERSTUDY_REDACTION_KEY: 'fleet-redaction-key-3b8e1d5c7a' };
    const dispatcher = new Agent({ connections: 16 });
    let opened: Store | undefined;
    try {
      const spawnRole = (args: string[]) => {
        const cli = spawnCli([...args, '--config', config, '--log-format', 'json'], env, dir);
        children.push(cli);
        return cli;
      };
      const taps = [0, 1, 2].map(() => spawnRole(['tap', '--version', 'stable', '--port', '0']));
      const control = spawnRole(['control', '--port', '0']);
      const controllerA = spawnRole(['canary', 'run', '--holder', 'controller-a']);
      // All five started at once on an empty database: the migration lock lets each come up.
      const tapUrls = await Promise.all(taps.map((t) => eventually(() => listeningUrl(t, 'tap listening'), 60_000)));
      const controlUrl = await eventually(() => listeningUrl(control, 'control plane listening'), 60_000);
      const store = await openStore({ url: db });
      opened = store;
      // Controller A holds the lease before B starts, so A is the one to kill.
      await eventually(async () => ((await lease(store))?.holder === 'controller-a' ? true : undefined), 60_000);
      const controllerB = spawnRole(['canary', 'run', '--holder', 'controller-b']);
      await eventually(() => (/canary controller running/.test(controllerB.stdout()) ? true : undefined), 60_000);

      // Traffic: a bounded, paced client (two loops, ~100 req/s at most) spreading requests over
      // the three taps, each request with its own id.
      const pause = () => new Promise<void>((resolve) => systemClock.setTimeout(resolve, 20));
      const sent: { rid: number; tap: number; version: string; status: number }[] = [];
      const failures: string[] = [];
      let stop = false;
      let next = 0;
      const maxRequests = 20_000;
      const client = async () => {
        while (!stop && next < maxRequests) {
          const rid = next++;
          const tap = rid % tapUrls.length;
          try {
            const res = await request(`${tapUrls[tap]}/v1/chat/completions?rid=${rid}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ model: 'fleet', messages: [{ role: 'user', content: `request ${rid}` }] }),
              dispatcher,
            });
            await res.body.text();
            sent.push({ rid, tap, version: String(res.headers['x-understudy-version']), status: res.statusCode });
          } catch (error) {
            failures.push(`${rid}: ${String(error)}`);
          }
          await pause();
        }
      };
      const traffic = Promise.all(Array.from({ length: 2 }, client));

      // The canary, started through the control plane.
      const created = await request(`${controlUrl}/api/canaries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          candidate: 'v2',
          intervalMs: 200,
          steps: [10, 30, 60, 100].map((weight) => ({ weight, minRequests: 20 })),
          gates: [{ kind: 'error_rate', threshold: 0.05, minSamples: 20 }],
        }),
        dispatcher,
      });
      const canaryBody = (await created.body.json()) as { id: string };
      expect(created.statusCode).toBe(201);
      const id = canaryBody.id;

      // Mid-ramp (in the second step), the lease holder dies without a word.
      const atKill = await eventually(async () => {
        const c = await store.canaries.get(id);
        return c !== undefined && c.state === 'progressing' && c.stepIndex >= 1 ? true : undefined;
      }, 60_000).then(async () => {
        const before = await lease(store);
        controllerA.child.kill('SIGKILL');
        await controllerA.exit;
        const killedAt = systemClock.now();
        const canary = await store.canaries.get(id);
        return { lease: before, killedAt, step: canary?.stepIndex ?? -1, seq: (await store.canaries.events(id)).length };
      });
      expect(atKill.lease?.holder).toBe('controller-a');
      expect(atKill.step).toBeLessThan(3); // still ramping: the last step (100 %) not yet reached

      // The standby takes the lease once it expires (never before), and within the lease time of the kill.
      const takeover = await eventually(async () => {
        const l = await lease(store);
        return l?.holder === 'controller-b' ? l : undefined;
      }, leaseTtlMs + 30_000);
      expect(takeover.fence).toBe((atKill.lease?.fence ?? 0) + 1);
      // It took the lease at expires_at − ttl (renewals push expires_at later, so this is an upper bound).
      const tookAt = takeover.expires_at - leaseTtlMs;
      expect(tookAt).toBeGreaterThanOrEqual(atKill.lease?.expires_at ?? Number.POSITIVE_INFINITY);
      const firstByB = await eventually(async () => (await store.canaries.events(id, { afterSeq: atKill.seq }))[0], 30_000);
      expect(firstByB.at - atKill.killedAt).toBeLessThanOrEqual(leaseTtlMs + slackMs);
      // It carries on at the step A was in: every event records the step the canary stood at.
      expect((firstByB.data as { step: number }).step).toBe(atKill.step + 1);

      await eventually(async () => ((await store.canaries.get(id))?.state === 'promoted' ? true : undefined), 60_000);
      // A little more traffic after the promotion, then stop and let every request finish.
      const promotedAt = next;
      await eventually(() => (next > promotedAt + 30 ? true : undefined), 30_000);
      stop = true;
      await traffic;

      // Each tap flushes its captures on SIGTERM.
      for (const t of taps) t.child.kill('SIGTERM');
      expect(await Promise.all(taps.map((t) => t.exit))).toEqual([0, 0, 0]);

      // The ledger: a whole hash chain, sequence 1..n, every step entered exactly once and in order.
      const verified = (await (
        await request(`${controlUrl}/api/canaries/${id}/verify`, { headers: { authorization: `Bearer ${token}` }, dispatcher })
      ).body.json()) as { ok: boolean; events: number };
      expect(verified).toMatchObject({ ok: true });
      const events = await store.canaries.events(id, { limit: 10_000 });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(verified.events).toBe(events.length);
      expect(events.filter((e) => e.type === 'step').map((e) => (e.data as { toStep: number }).toStep)).toEqual([1, 2, 3, 4]);
      expect(events.filter((e) => e.type === 'promoted')).toHaveLength(1);

      // Traffic was spread: every tap served both versions (each learnt every step by NOTIFY).
      expect(failures).toEqual([]);
      expect(sent.every((s) => s.status === 200)).toBe(true);
      for (const tap of [0, 1, 2]) {
        const served = new Set(sent.filter((s) => s.tap === tap).map((s) => s.version));
        expect(served).toEqual(new Set(['stable', 'v2']));
      }

      // v2's credential reached its upstream on every request, yet no stored version holds it.
      expect(v2Auth.length).toBe(sent.filter((s) => s.version === 'v2').length);
      expect(new Set(v2Auth)).toEqual(new Set([credential]));
      const versionRows = await storeDatabase(store).selectFrom('versions').select('headers').execute();
      expect(JSON.stringify(versionRows)).not.toContain(credential.slice('Bearer '.length));

      // Every request sent through any tap is stored exactly once.
      const rows = await storeDatabase(store).selectFrom('exchanges').select(['query', 'version']).where('role', '=', 'live').execute();
      const stored = new Map<number, number>();
      for (const row of rows) {
        const rid = Number(/rid=(\d+)/.exec(row.query)?.[1] ?? Number.NaN);
        stored.set(rid, (stored.get(rid) ?? 0) + 1);
      }
      expect(rows.length).toBe(sent.length);
      expect([...stored.entries()].filter(([, n]) => n !== 1)).toEqual([]);
      expect(sent.filter((s) => stored.get(s.rid) !== 1).map((s) => s.rid)).toEqual([]);

      for (const c of [controllerB, control]) c.child.kill('SIGTERM');
      expect(await Promise.all([controllerB.exit, control.exit])).toEqual([0, 0]);
      // Banners and logs name the database without its password.
      for (const c of children) expect(`${c.stdout()}${c.stderr()}`).not.toContain(dbPassword);
      for (const c of children) expect(`${c.stdout()}${c.stderr()}`).not.toContain(credential.slice('Bearer '.length));
      expect(control.stdout()).toContain('postgres://postgres:redacted@127.0.0.1');
    } finally {
      await dispatcher.close();
      await opened?.close();
    }
  }, 180_000);
});
