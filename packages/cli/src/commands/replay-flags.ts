import { parseTime } from '@understudy/server';
import { UsageError } from '../cli-io.js';

const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A time flag: epoch ms, an ISO-8601 time, or an age like `90m` / `2h` / `7d` (before now). */
export function parseTimeFlag(flag: string, value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const age = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value);
  if (age !== null) return now - Number(age[1]) * (units[age[2] ?? 'ms'] ?? 1);
  const at = parseTime(value);
  if (at === undefined) throw new UsageError(`--${flag} must be epoch ms, an ISO-8601 time or an age like 2h, got "${value}"`);
  return at;
}

/** A duration flag in ms: `1500`, `1500ms`, `30s`, `2m`. */
export function parseDurationFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
  if (m === null) throw new UsageError(`--${flag} must be a duration like 30s or 1500ms, got "${value}"`);
  return Math.round(Number(m[1]) * (units[m[2] ?? 'ms'] ?? 1));
}

/** A number flag within [min, max]; `integer` rejects fractions. */
export function parseNumberFlag(flag: string, value: string | undefined, min: number, max: number, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UsageError(`--${flag} must be ${rangeText(min, max, integer)}, got "${value}"`);
  }
  return n;
}

/** The range a flag takes, as a reader says it (`Number.MIN_VALUE` is "greater than 0", no safe-integer bound is printed). */
function rangeText(min: number, max: number, integer: boolean): string {
  const kind = integer ? 'a whole number' : 'a number';
  const low = min === Number.MIN_VALUE ? 'greater than 0' : `of at least ${min}`;
  if (max >= Number.MAX_SAFE_INTEGER) return `${kind} ${low}`;
  if (min === Number.MIN_VALUE) return `${kind} ${low} and at most ${max}`;
  return `${kind} from ${min} to ${max}`;
}
