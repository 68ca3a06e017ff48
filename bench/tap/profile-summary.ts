import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const shortUrl = (url: string): string => url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(packages|bench)\//, '$1/');

/**
 * The functions with the most self time in a `.cpuprofile`, as shares of the busy (non-idle)
 * time: enough to say where a missed target goes without opening a profiler UI.
 */
export function profileSummary(path: string, top = 12): string {
  return summarize(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile, top);
}

function summarize(profile: CpuProfile, top: number): string {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const frame = frames.get(id);
    if (frame === undefined) return;
    if (frame.functionName === '(idle)') {
      idle += dt;
      return;
    }
    busy += dt;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url === '' ? '' : `${shortUrl(frame.url)}:${frame.lineNumber + 1}`}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const lines = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, t]) => `  ${((t / busy) * 100).toFixed(1).padStart(5)} %  ${key}`);
  return [`busy ${(busy / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms; top self time (share of busy):`, ...lines].join('\n');
}

/**
 * {@link profileSummary} of the busiest `windowMs` of a profile only (the window with the least
 * idle time), leaving out start-up and shut-down (`skipStartMs`, `skipEndMs`): where a burst went, rather than a whole run's average.
 */
export function busiestWindowSummary(
  path: string,
  options: { windowMs: number; top: number; skipStartMs?: number; skipEndMs?: number },
): string {
  const { windowMs, top } = options;
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const at: number[] = [];
  let t = 0;
  for (const dt of profile.timeDeltas) {
    t += dt;
    at.push(t);
  }
  const isIdle = (i: number): boolean => frames.get(profile.samples[i] ?? -1)?.functionName === '(idle)';
  // Two pointers over the samples: the window [at[lo], at[lo] + windowMs) with the most busy time.
  let best = { lo: at.length, hi: at.length, busy: -1 };
  let busy = 0;
  const end = (at.at(-1) ?? 0) - (options.skipEndMs ?? 0) * 1000;
  let hi = at.findIndex((x) => x >= (options.skipStartMs ?? 0) * 1000);
  if (hi === -1) hi = at.length;
  for (let lo = hi; lo < at.length && (at[lo] ?? 0) + windowMs * 1000 <= end; lo++) {
    while (hi < at.length && (at[hi] ?? 0) < (at[lo] ?? 0) + windowMs * 1000) {
      if (!isIdle(hi)) busy += profile.timeDeltas[hi] ?? 0;
      hi++;
    }
    if (busy > best.busy) best = { lo, hi, busy };
    if (!isIdle(lo)) busy -= profile.timeDeltas[lo] ?? 0;
  }
  const window: CpuProfile = {
    nodes: profile.nodes,
    samples: profile.samples.slice(best.lo, best.hi),
    timeDeltas: profile.timeDeltas.slice(best.lo, best.hi),
  };
  const seconds = ((at[best.lo] ?? 0) / 1e6).toFixed(1);
  return `busiest ${windowMs} ms (from ${seconds} s into the profile): ${summarize(window, top)}`;
}
