// npm run bench:correlation — what signing and verifying `x-understudy-exchange` costs per call
// (the tap signs every captured request; the egress proxy verifies every tool call). A
// micro-measure on one thread: `correlationSigner` as shipped (HMAC-SHA256, RFC 2104, key imported
// once), an HMAC keyed by a raw Buffer on every call, and — for the record only, never shipped —
// the secret-prefix SHA3-256 that 6524e2d put in its place. Rounds alternate the contenders so
// load drifts across all of them; the median of the rounds is printed.
// Options: --calls 200000 (per round)  --rounds 15
import { createHmac, hash } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { correlationSigner } from '@understudy/capture';

const { values } = parseArgs({ options: { calls: { type: 'string' }, rounds: { type: 'string' } } });
const calls = Number(values.calls ?? 200_000);
const rounds = Number(values.rounds ?? 15);
const key = Buffer.alloc(32, 7);
const signer = correlationSigner(key);
const prefix = `${key.toString('hex')}\n`;
const signed = signer.value('01JB6XQ0000000000000000001', 'ATTEMPT0001');

// Each contender makes the whole header value the tap sends (the same formatting for all) and
// returns its length, so the work cannot be dropped.
const value = (id: string, sig: string): string => `${id}; attempt=ATTEMPT0001; sig=${sig}`;
const contenders: Record<string, (i: number) => number> = {
  'sign (shipped: HMAC, KeyObject)': (i) => signer.value(`01JB6XQ${i}`, 'ATTEMPT0001').length,
  'verify (shipped)': () => (signer.read({ 'x-understudy-exchange': signed }).verified ? 1 : 0),
  'HMAC, Buffer key per call': (i) =>
    value(`01JB6XQ${i}`, createHmac('sha256', key).update(`01JB6XQ${i}\nATTEMPT0001`).digest().subarray(0, 16).toString('base64url'))
      .length,
  'SHA3-256 secret prefix (6524e2d, not shipped)': (i) =>
    value(`01JB6XQ${i}`, hash('sha3-256', `${prefix}01JB6XQ${i}\nATTEMPT0001`, 'buffer').subarray(0, 16).toString('base64url')).length,
};

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`correlation sign bench: node ${process.version}, ${cpus().length} cores, load ${load()}; ${rounds} rounds × ${calls} calls`);

const samples = new Map<string, number[]>(Object.keys(contenders).map((name) => [name, []]));
let sink = 0;
for (const f of Object.values(contenders)) for (let i = 0; i < 20_000; i++) sink += f(i);
for (let r = 0; r < rounds; r++) {
  for (const [name, f] of Object.entries(contenders)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink += f(i);
    samples.get(name)?.push(Number(process.hrtime.bigint() - start) / calls);
  }
}
for (const [name, ns] of samples) {
  const sorted = [...ns].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const range = `${((sorted[0] ?? 0) / 1000).toFixed(2)}-${((sorted.at(-1) ?? 0) / 1000).toFixed(2)}`;
  console.log(`${name.padEnd(48)} ${(median / 1000).toFixed(2)} µs/call (rounds ${range})`);
}
console.log(`load after ${load()} (checksum ${sink % 997})`);
