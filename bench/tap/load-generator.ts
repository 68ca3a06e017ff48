/**
 * The load generator, in its own process so that it never shares an event loop with a proxy.
 * It runs one job at a time sent by the benchmark over IPC, on an undici Pool per job, and
 * answers with counts and sorted latency samples. Every loop is bounded in count and time.
 */
import { systemClock } from '@understudy/core';
import { Pool } from 'undici';
import { chatRequest, streamRequest } from './chat-fixture.js';
import type {
  CheckJob,
  CheckResult,
  ClosedJob,
  ClosedResult,
  JobMessage,
  LoadResult,
  OpenJob,
  OpenResult,
  ReplyMessage,
  SseJob,
  SseResult,
  SseTargetResult,
  Target,
} from './load-jobs.js';
import { Samples } from './samples.js';

const now = (): number => performance.now();
const sampleCapacity = 400_000;
/** A job never runs longer than its planned duration plus this. */
const jobGraceMs = 20_000;
const lateMs = 2;

function openPool(target: Target, connections: number): Pool {
  return new Pool(target.origin, { connections, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000, keepAliveTimeout: 30_000 });
}

/** Sends one chat request and reads the whole body; resolves to the status. */
async function call(pool: Pool, target: Target, body: string): Promise<number> {
  const res = await pool.request({
    path: target.path,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body,
  });
  for await (const _chunk of res.body) {
    // Drain: a response counts once its last byte is in.
  }
  return res.statusCode;
}

async function check(job: CheckJob): Promise<CheckResult> {
  const pool = openPool(job.target, 1);
  try {
    const res = await pool.request({
      path: job.target.path,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...job.target.headers },
      body: job.stream ? streamRequest : chatRequest,
    });
    const text = await res.body.text();
    const contentType = String(res.headers['content-type'] ?? '');
    return { kind: 'check', status: res.statusCode, contentType, body: text.slice(0, 64 * 1024) };
  } finally {
    await pool.close();
  }
}

async function closedLoop(job: ClosedJob): Promise<ClosedResult> {
  const pool = openPool(job.target, job.connections);
  const samples = new Samples(sampleCapacity);
  const start = now();
  const measureFrom = start + job.warmupMs;
  const end = measureFrom + job.durationMs;
  const maxPerCaller = 2_000_000;
  let completed = 0;
  let errors = 0;
  let sent = 0;
  const caller = async (): Promise<void> => {
    for (let i = 0; i < maxPerCaller && now() < end; i++) {
      const t0 = now();
      sent++;
      let ok = false;
      try {
        ok = (await call(pool, job.target, chatRequest)) === 200;
      } catch {
        ok = false;
      }
      const t1 = now();
      // Count what ends inside the window: the standard throughput definition.
      if (t1 < measureFrom || t1 > end) continue;
      if (!ok) errors++;
      else {
        completed++;
        samples.add(t1 - t0);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: job.connections }, caller));
  } finally {
    await pool.close();
  }
  return { kind: 'closed', sent, completed, errors, seconds: job.durationMs / 1000, latencies: samples.sorted() };
}

async function openLoop(job: OpenJob): Promise<OpenResult> {
  const lanes = job.targets.map((target) => ({
    target,
    pool: openPool(target, job.connections),
    samples: new Samples(sampleCapacity),
    sent: 0,
    ok: 0,
    errors: 0,
  }));
  const interval = 1000 / job.rate;
  const slots = Math.ceil((job.rate * (job.warmupMs + job.durationMs)) / 1000);
  const warmupSlots = Math.ceil((job.rate * job.warmupMs) / 1000);
  const total = slots * lanes.length;
  let late = 0;
  let settled = 0;
  const start = now();
  const finished = new Promise<void>((resolve) => {
    const settle = (): void => {
      settled++;
      if (settled === total) resolve();
    };
    const dispatch = (lane: (typeof lanes)[number], measured: boolean): void => {
      const t0 = now();
      if (measured) lane.sent++;
      call(lane.pool, lane.target, chatRequest).then(
        (status) => {
          const t1 = now();
          if (measured) {
            if (status === 200) {
              lane.ok++;
              lane.samples.add(t1 - t0);
            } else lane.errors++;
          }
          settle();
        },
        () => {
          if (measured) lane.errors++;
          settle();
        },
      );
    };
    let next = 0;
    // Timers fire about every millisecond; each tick sends every slot now due, so the schedule
    // holds even when a tick comes late. Within a slot the lane order rotates.
    const timer = systemClock.setInterval(() => {
      const t = now();
      while (next < slots && start + next * interval <= t) {
        const measured = next >= warmupSlots;
        if (measured && t - (start + next * interval) > lateMs) late++;
        for (let k = 0; k < lanes.length; k++) {
          const lane = lanes[(next + k) % lanes.length];
          if (lane !== undefined) dispatch(lane, measured);
        }
        next++;
      }
      if (next >= slots) timer.cancel();
    }, 1);
  });
  const deadline = job.warmupMs + job.durationMs + jobGraceMs;
  try {
    await Promise.race([finished, sleep(deadline)]);
  } finally {
    await Promise.all(lanes.map((l) => l.pool.close().catch(() => undefined)));
  }
  return {
    kind: 'open',
    late,
    targets: lanes.map((l) => ({
      name: l.target.name,
      sent: l.sent,
      ok: l.ok,
      // Requests still unanswered at the deadline count as errors.
      errors: Math.max(l.errors, l.sent - l.ok),
      latencies: l.samples.sorted(),
      samplesDropped: l.samples.dropped,
    })),
  };
}

async function sse(job: SseJob): Promise<SseResult> {
  const pools = job.targets.map((t) => openPool(t, 1));
  const stats = job.targets.map(() => ({
    ttfb: new Samples(job.streamsPerTarget),
    total: new Samples(job.streamsPerTarget),
    errors: 0,
    incomplete: 0,
  }));
  const deadline = now() + job.streamsPerTarget * job.targets.length * 200 + jobGraceMs;
  try {
    for (let i = 0; i < job.streamsPerTarget * job.targets.length && now() < deadline; i++) {
      const k = i % job.targets.length;
      const target = job.targets[k];
      const pool = pools[k];
      const stat = stats[k];
      if (target === undefined || pool === undefined || stat === undefined) break;
      try {
        const t0 = now();
        const res = await pool.request({
          path: target.path,
          method: 'POST',
          headers: { 'content-type': 'application/json', ...target.headers },
          body: streamRequest,
        });
        let first = Number.NaN;
        let text = '';
        for await (const chunk of res.body) {
          if (Number.isNaN(first)) first = now();
          if (text.length < 64 * 1024) text += (chunk as Buffer).toString('utf8');
        }
        const t1 = now();
        if (res.statusCode !== 200 || Number.isNaN(first)) {
          stat.errors++;
          continue;
        }
        stat.ttfb.add(first - t0);
        stat.total.add(t1 - t0);
        if (text.split('data: ').length - 1 !== job.expectedEvents) stat.incomplete++;
      } catch {
        stat.errors++;
      }
    }
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  const targets: SseTargetResult[] = job.targets.map((t, k) => {
    const s = stats[k];
    return {
      name: t.name,
      ttfb: s?.ttfb.sorted() ?? new Float64Array(0),
      total: s?.total.sorted() ?? new Float64Array(0),
      errors: s?.errors ?? 0,
      incomplete: s?.incomplete ?? 0,
    };
  });
  return { kind: 'sse', targets };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => systemClock.setTimeout(resolve, ms));
}

function run(message: JobMessage): Promise<LoadResult> {
  const { job } = message;
  switch (job.kind) {
    case 'check':
      return check(job);
    case 'closed':
      return closedLoop(job);
    case 'open':
      return openLoop(job);
    case 'sse':
      return sse(job);
  }
}

process.on('message', (message: JobMessage) => {
  run(message).then(
    (result) => process.send?.({ id: message.id, result } satisfies ReplyMessage),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies ReplyMessage),
  );
});
process.once('disconnect', () => process.exit(0));
process.send?.({ type: 'ready', port: 0 });
