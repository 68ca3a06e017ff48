/**
 * The stream load client, in its own process: opens `--streams=` concurrent SSE requests to
 * `--target=` (one connection each), started evenly over `--ramp-ms=`, and reports per stream
 * whether it completed (every event and `[DONE]`), its time to first byte, and for every event
 * its delay from the upstream's send time. Bounded: whatever is not done by `--deadline-ms=`
 * is aborted and counted as incomplete. Prints one JSON line (with the delays' p50/p99 per second of the run too).
 */
import { request } from 'node:http';
import { argValue } from '../tap/child-ipc.js';

const target = new URL(argValue('target'));
const streams = Number(argValue('streams'));
const rampMs = Number(argValue('ramp-ms', '5000'));
const deadlineMs = Number(argValue('deadline-ms', '60000'));
const expectEvents = Number(argValue('chunks', '200'));
const body = JSON.stringify({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'Tell me a long story.' }] });

const wallMs = (): number => performance.timeOrigin + performance.now();
const ttfb: number[] = [];
const delays: number[] = [];
/** The same delays by the second of the run they arrived in: where in the run (ramp, steady, streams ending) a tail sits. */
const delaysBySecond: number[][] = [];
const errors = new Map<string, number>();
/** Streams past the deadline, by how far they got: no response head, head but no event, some events. */
const late = { noResponse: 0, noEvent: 0, midStream: 0 };
let completed = 0;
let settled = 0;
const pending = new Set<() => void>();

function one(): Promise<void> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let events = 0;
    let done = false;
    let first = true;
    let carry = '';
    let finished = false;
    let responded = false;
    const finish = (error?: string): void => {
      if (finished) return;
      finished = true;
      pending.delete(abort);
      if (error !== undefined) errors.set(error, (errors.get(error) ?? 0) + 1);
      else if (done && events === expectEvents) completed++;
      else errors.set('incomplete', (errors.get('incomplete') ?? 0) + 1);
      settled++;
      resolve();
    };
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}`,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        responded = true;
        if (res.statusCode !== 200) {
          res.resume();
          finish(`status ${res.statusCode}`);
          return;
        }
        res.setEncoding('latin1');
        res.on('data', (chunk: string) => {
          const now = wallMs();
          if (first) {
            ttfb.push(performance.now() - t0);
            first = false;
          }
          const text = carry + chunk;
          const cut = text.lastIndexOf('\n\n');
          carry = cut === -1 ? text : text.slice(cut + 2);
          if (cut === -1) return;
          for (const line of text.slice(0, cut).split('\n')) {
            if (!line.startsWith('data: ')) continue;
            if (line === 'data: [DONE]') {
              done = true;
              continue;
            }
            const t = line.indexOf('"t":');
            events++;
            if (t === -1) continue;
            const delay = now - Number.parseFloat(line.slice(t + 4));
            delays.push(delay);
            const second = Math.floor((performance.now() - started) / 1000);
            const bucket = delaysBySecond[second] ?? [];
            delaysBySecond[second] = bucket;
            bucket.push(delay);
          }
        });
        res.on('end', () => finish());
        res.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
      },
    );
    const abort = (): void => {
      if (!responded) late.noResponse++;
      else if (events === 0) late.noEvent++;
      else late.midStream++;
      req.destroy();
      finish('deadline');
    };
    pending.add(abort);
    req.on('error', (e: NodeJS.ErrnoException) => finish(e.code ?? e.message));
    req.end(body);
  });
}

const all: Promise<void>[] = [];
const started = performance.now();
const deadline = setTimeout(() => {
  for (const abort of [...pending]) abort();
}, deadlineMs);
for (let i = 0; i < streams; i++) {
  const at = (rampMs * i) / streams;
  const wait = at - (performance.now() - started);
  if (wait > 1) await new Promise((r) => setTimeout(r, wait));
  all.push(one());
}
await Promise.all(all);
clearTimeout(deadline);

function pct(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

process.stdout.write(
  `${JSON.stringify({
    streams,
    completed,
    settled,
    errors: Object.fromEntries(errors),
    late,
    seconds: (performance.now() - started) / 1000,
    ttfbMs: { p50: pct(ttfb, 50), p99: pct(ttfb, 99) },
    delayMs: { p50: pct(delays, 50), p99: pct(delays, 99), samples: delays.length },
    delayBySecond: Array.from(delaysBySecond, (d = []) => ({ samples: d.length, p50: pct(d, 50), p99: pct(d, 99) })),
  })}\n`,
);
process.exit(0);
