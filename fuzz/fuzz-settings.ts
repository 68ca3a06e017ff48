import { errorStatus, systemRandom, UnderstudyError } from '@understudy/core';

/**
 * How a fuzz suite runs: its seed and number of cases. `UNDERSTUDY_FUZZ_SEED` replays a run
 * (fast-check's failure report prints the seed and the shrunk path); `UNDERSTUDY_FUZZ_RUNS`
 * sets the cases per property (`npm run fuzz -- --runs N` sets it). Without a seed each run draws
 * a fresh one and prints it, so CI explores new cases every commit and any failure reproduces.
 */
export interface FuzzParams {
  readonly seed: number;
  readonly numRuns: number;
  /** Async properties: a case that takes longer than this is a failure (a hang), not a wait. */
  readonly timeout: number;
}

const seedVariable = 'UNDERSTUDY_FUZZ_SEED';
const runsVariable = 'UNDERSTUDY_FUZZ_RUNS';

/** The run's seed: the environment's, else a random 31-bit one, the same for every suite of this process. */
export const fuzzSeed: number = readInt(seedVariable) ?? Math.floor(systemRandom.next() * 0x7fffffff);

/** Parameters for one property of `suite` whose in-CI budget is `defaultRuns` cases. */
export function fuzzParams(suite: string, defaultRuns: number): FuzzParams {
  const numRuns = readInt(runsVariable) ?? defaultRuns;
  console.log(`fuzz ${suite}: seed=${fuzzSeed} runs=${numRuns} (replay with ${seedVariable}=${fuzzSeed})`);
  return { seed: fuzzSeed, numRuns, timeout: 5_000 };
}

/**
 * Runs `work` and classifies how it ended: a value, or a typed rejection (an
 * {@link UnderstudyError} whose code has an HTTP status). Anything else thrown is the finding
 * the fuzzer is looking for and propagates.
 */
export function typedOutcome<T>(work: () => T): { ok: true; value: T } | { ok: false; error: UnderstudyError } {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof UnderstudyError && error.code in errorStatus && error.message.length > 0) return { ok: false, error };
    throw error;
  }
}

function readInt(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got "${text}"`);
  return n;
}
