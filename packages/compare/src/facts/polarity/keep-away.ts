import type { ClauseToken } from '../clauses/split-clauses.js';
import { isNegationCue } from './polarity-cues.js';

// "stay off alcohol", "keep off the grass", "off limits to visitors", "keep pets off the carpet", "stay away from the edge", "steer clear of…": a verb of
// place with a particle of distance and what it keeps away from says not to do or use it, as "avoid"
// does; so does "keep <it> off" with the place left unsaid ("keep pets off."). Not "stay out of the
// house" or "stay out of service" (where one is, a state), nor "the heating stays off overnight" (a state).
const verbs = new Set(['stay', 'stays', 'keep', 'keeps', 'steer', 'steers']);
// The particle and the word that must follow it ("away from", "clear of"); "off" takes its object directly.
const particles: Readonly<Record<string, string | undefined>> = { away: 'from', clear: 'of', off: undefined };
// Words after "off" that make it a state, not a place kept away from.
const notObjects = new Set(['until', 'till', 'for', 'overnight', 'during', 'while', 'when', 'after', 'before', 'at', 'in', 'and', 'or']);

/** Whether a word is a particle a kept thing is kept by ("off", "away", "clear", or "out" after its object). */
function kept(w: string): boolean {
  return w in particles || w === 'out';
}

// "leave strollers at home", "keep drones at home": what is left is not brought, as "no strollers"
// says; "drones have to stay at home" says it of the thing left. Not "… behind": "a failed build
// leaves an INVALID index behind" says what remains (hold-out 9).
const leaving = new Set(['leave', 'leaves', 'keep', 'keeps']);
const staying = new Set(['stay', 'stays', 'remain', 'remains']);

/**
 * Whether the word at `i` opens "leave <one to three words> at home" ("keep <…> at home"), or "stay
 * at home" / "remain at home" said of the thing: it is not brought. Not "leave home at 8" (nothing
 * left between), "leave the parcel at reception" (left for someone), nor "stay behind" (one stays on
 * where one is).
 */
function leavesBehind(t: readonly ClauseToken[], i: number): boolean {
  if (staying.has(t[i]?.lower ?? '')) return t[i + 1]?.lower === 'at' && t[i + 2]?.lower === 'home';
  for (let p = i + 1; p <= i + 4 && p < t.length; p++) {
    const w = t[p] as ClauseToken;
    if (p > i + 1 && w.lower === 'at' && t[p + 1]?.lower === 'home') return true;
    if ((w.after ?? '') !== '' || isNegationCue(w.lower)) return false;
  }
  return false;
}

/** Whether the word at `i` opens a verb of keeping away ("stay off X", "keep away from", "steer clear of", "leave X at home", "stay at home"). */
export function keepsAway(t: readonly ClauseToken[], i: number): boolean {
  const x = t[i];
  if (x !== undefined && (leaving.has(x.lower) || staying.has(x.lower)) && (x.after ?? '') === '' && leavesBehind(t, i)) return true;
  // "The calf pens are off limits to visitors": a place kept from them, as "not allowed in" says.
  if (x?.lower === 'off' && (x.after ?? '') === '' && t[i + 1]?.lower === 'limits') return true;
  if (x === undefined || !verbs.has(x.lower) || (x.after ?? '') !== '') return false;
  // "keep pets off the carpet": what is kept away may stand between (one or two words).
  let p = i + 1;
  if (x.lower.startsWith('keep')) while (p < i + 3 && t[p] !== undefined && !kept(t[p]?.lower ?? '') && (t[p]?.after ?? '') === '') p++;
  const particle = t[p];
  if (particle === undefined || !kept(particle.lower)) return false;
  // "keep pets off." / "keep your phone off during the show": what is kept named, the place left unsaid;
  // "keep dogs out of the kitchen", "keep children out": kept out of a place.
  if (p > i + 1 && (particle.lower === 'off' || particle.lower === 'out')) return true;
  const then = t[p + 1]?.lower;
  if (then === undefined || (particle.after ?? '') !== '' || particle.lower === 'out') return false;
  const wanted = particles[particle.lower];
  return wanted === undefined ? !notObjects.has(then) : then === wanted;
}
