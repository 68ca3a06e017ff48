import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chatBytePairs } from './chat-pairs.js';
import { currentEngine, type Engine, engineAt } from './engine-at.js';

// `node --conditions=source --import tsx bench/compare/speed-vs.ts [--base REF] [--rounds N] [--replay | --diff | --equal-baseline]`
//
// This worktree's compare engine against the one at REF (default: the merge-base with main) on
// bench:compare's ~2 KB chat pairs, end to end (canonicalize both from bytes + compare + verdict).
// On a shared machine absolute rates swing with the load, so the two run in alternating 150 ms
// slices in one process (which side goes first alternates by round) and the figure is the median ratio of adjacent slices, in pairs per
// CPU-second of this process. Run it through /work/bin/bench.
//
// --replay times a replay's call pattern instead: per item the baseline answer is compared with
// the original, then the candidate with the original and that baseline (two comparisons that read
// the original and the baseline each twice); a "pair" is one item.
//
// --diff times `understudy diff ORIGINAL CANDIDATE --baseline B` instead: compareWithBaselines with
// the baseline of the replay pattern (its noise estimate compares the baseline with the original,
// then the candidate is compared); a "pair" is one such call.
//
// --equal-baseline times --diff's call with a candidate that says word for word what the baseline
// says (a copy of its bytes: what a deterministic agent's replay often returns).
//
// --cold: neither engine keeps production's answers read (`limitAnswerCaches({ answers: 0 })`,
// where the engine has it); by default an engine that has it keeps them (the 200 originals: warm).

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    rounds: { type: 'string', default: '30' },
    replay: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    'equal-baseline': { type: 'boolean', default: false },
    cold: { type: 'boolean', default: false },
  },
});
const { engine: base, ref, sha } = await engineAt(values.base);
// --head REF: this side loaded as the base is (exported from git), not through the package: an A/A
// run (--base X --head X) then reads ×1.00, where one engine exported and one imported did not.
const current = values.head === undefined ? await currentEngine() : (await engineAt(values.head)).engine;
const bytePairs = chatBytePairs();
const endpoint = 'POST /v1/chat/completions';

function runner(engine: Engine): (slice: number) => number {
  // An engine from before answer-cache.ts has no such limit (and keeps nothing).
  if (values.cold === true) (engine as Partial<Engine>).limitAnswerCaches?.({ answers: 0 });
  const noise = new engine.NoiseModel();
  for (const p of bytePairs.slice(0, 50)) noise.addBaseline(engine.canonicalize(p.a), engine.canonicalize(p.b), endpoint);
  let k = 0;
  return (ms) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < ms) {
      const p = bytePairs[k % bytePairs.length];
      // The replay's candidate: an answer no nearby item uses (no memo sees it again soon).
      const q = bytePairs[(k++ + 100) % bytePairs.length];
      if (p !== undefined && values['equal-baseline'] === true) {
        const candidate = engine.canonicalize({ ...p.b, body: p.b.body.slice() });
        engine.compareWithBaselines(candidate, engine.canonicalize(p.a), [engine.canonicalize(p.b)], { endpoint });
      } else if (p !== undefined && q !== undefined && values.diff === true) {
        const baselines = [engine.canonicalize(p.b)];
        engine.compareWithBaselines(engine.canonicalize(q.b), engine.canonicalize(p.a), baselines, { endpoint });
      } else if (p !== undefined && q !== undefined && values.replay === true) {
        const original = engine.canonicalize(p.a);
        const baseline = engine.canonicalize(p.b);
        engine.compareResponses(baseline, original, { endpoint, noise: null });
        engine.compareResponses(engine.canonicalize(q.b), original, { endpoint, noise, baselines: [baseline] });
      } else if (p !== undefined) engine.compareResponses(engine.canonicalize(p.b), engine.canonicalize(p.a), { endpoint, noise });
      n++;
    }
    const c = process.cpuUsage(c0);
    return n / ((c.user + c.system) / 1e6);
  };
}
const runBase = runner(base);
const runCurrent = runner(current);
runBase(500);
runCurrent(500);
const rates = { base: [] as number[], current: [] as number[] };
// Each round runs both sides, the side first alternating (base first in even rounds): the side
// run second pays for the garbage the first left and finds the caches as the first left them. With
// the order fixed, the same two engines read x0.96 one way round and x1.18 the other (2026-12-03,
// load 4-5, issue-11-speed).
for (let r = 0; r < Number(values.rounds); r++) {
  if (r % 2 === 0) {
    rates.base.push(runBase(150));
    rates.current.push(runCurrent(150));
  } else {
    rates.current.push(runCurrent(150));
    rates.base.push(runBase(150));
  }
}
const median = (xs: readonly number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
const ratios = rates.current.map((c, i) => c / (rates.base[i] ?? c));
const sorted = [...ratios].sort((x, y) => x - y);
console.log(
  `${values.cold === true ? 'cold, ' : ''}${values['equal-baseline'] === true ? 'diff, candidate = the baseline, ' : values.replay === true ? 'replay pattern, ' : values.diff === true ? 'diff with a baseline, ' : ''}speed vs ${ref} (${sha.slice(0, 9)}): base ${median(rates.base).toFixed(0)}, this worktree ${median(rates.current).toFixed(0)} pairs per CPU-second (medians of ${ratios.length} slices); ratio of adjacent slices: median ×${median(ratios).toFixed(2)}, quartiles ×${(sorted[Math.floor(sorted.length / 4)] ?? 0).toFixed(2)}–×${(sorted[Math.floor((3 * sorted.length) / 4)] ?? 0).toFixed(2)}; load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ')}`,
);
