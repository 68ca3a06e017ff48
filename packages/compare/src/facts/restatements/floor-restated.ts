import type { ClauseFacts } from '../clauses/fact-sheet.js';
import type { ClauseToken } from '../clauses/split-clauses.js';
import { keepsAway } from '../polarity/keep-away.js';
import { isNegationCue } from '../polarity/polarity-cues.js';
import { turnsAway } from '../polarity/turned-away.js';

// Words that put a figure below a floor ("under 14", "below 18", "younger than 12"; German "unter 16",
// "jünger als 16"; French "moins de 16 ans"; Spanish "menores de 16"; Italian "minori di 16").
const below = new Set(['under', 'below', 'younger', 'unter', 'jünger', 'moins', 'menores', 'minori']);
// What may stand between such a word and its figure ("younger than", "jünger als", "moins de").
const linking = new Set(['than', 'als', 'de', 'di']);
// Words after a figure that state it as a floor ("14 and up", "18 or older").
const upward = new Set(['up', 'over', 'older', 'above', 'upwards']);
// Words before a figure that state it as a floor from there up (German "ab 16", French "dès 16 ans").
const fromOn = new Set(['ab', 'dès']);

/** The digits of a token that holds a figure after an optional prefix ("under-18s" → "18"), or undefined. */
function figure(core: string): string | undefined {
  return /(\d+)/.exec(core)?.[1];
}

/** Whether a comma, semicolon or dash follows the token: the end of one part of a clause. */
function endsPart(t: ClauseToken | undefined): boolean {
  const after = t?.after ?? '';
  return /[,;]|\s[-–—]\s/.test(after);
}

/** The bounds `[start, end]` of the part of a clause (between commas, semicolons and dashes) that holds token `i`. */
function partAt(t: readonly ClauseToken[], i: number): readonly [number, number] {
  let start = i;
  while (start > 0 && !endsPart(t[start - 1])) start--;
  let end = i;
  while (end < t.length - 1 && !endsPart(t[end])) end++;
  return [start, end];
}

/** Whether tokens `[start, end]` deny: a negation cue, or a verb of keeping away or turning away ("off limits to", "turned away"). */
function denies(t: readonly ClauseToken[], [start, end]: readonly [number, number]): boolean {
  for (let k = start; k <= end; k++) if (isNegationCue(t[k]?.lower ?? '') || keepsAway(t, k) || turnsAway(t, k)) return true;
  return false;
}

/** The figures a clause puts below a floor in a part that denies ("under-16s can't", "nobody under 18 is served"). */
function deniedBelow(t: readonly ClauseToken[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const w = t[i]?.lower ?? '';
    let n: string | undefined;
    if (w.startsWith('under-')) n = figure(w);
    else if (below.has(w)) n = figure(t[i + (linking.has(t[i + 1]?.lower ?? '') ? 2 : 1)]?.core ?? '');
    if (n !== undefined && denies(t, partAt(t, i))) out.add(n);
  }
  return out;
}

/** Whether token `i` of `other` states its figure as a floor ("14+", "over-18s", "18 or older", "at least 14", "must be 18", "ab 16"). */
function statesFloor(o: readonly ClauseToken[], i: number, necessity: boolean): boolean {
  const x = o[i];
  if (x === undefined) return false;
  const next = o[i + 1]?.lower ?? '';
  const prev = o[i - 1]?.lower ?? '';
  return (
    x.core.endsWith('+') ||
    // "over-18s", "18-plus": a floor in one word.
    /^over-\d+s?$|^\d+-?plus$/i.test(x.core) ||
    // "the minimum age is 12", "our minimum rental age is 16", "minimum age for riders: 14".
    o.slice(Math.max(0, i - 5), i).some((y) => y.lower === 'minimum' || y.lower === 'min') ||
    ((next === 'and' || next === 'or') && upward.has(o[i + 2]?.lower ?? '')) ||
    (prev === 'least' && o[i - 2]?.lower === 'at') ||
    fromOn.has(prev) ||
    // "You must be 18 to …": an age required is a floor.
    (necessity && prev === 'be')
  );
}

/**
 * Whether a negated clause that keeps those below a figure out ("Riders under 14 can't join the
 * trail ride", "under-18s can't buy") is said by the other clause as a floor on the same figure
 * ("riders 14 and up", "aged 14+", "at least 14", "18 or older", "over-18s", "our minimum rental age
 * is 12", "you must be 14", "ab 14"): one limit, worded by whom it excludes or by whom it admits - not
 * opposite claims. Read part by part (a clause may join two rules: "Under-16s must leave by 8pm, and
 * the bar doesn't serve anyone under 18"): the figure is put below in a part that denies, and stated
 * as a floor in a part of the other clause with no negation and no word putting that figure below;
 * a clause that admits those under it ("Riders under 14 can join") still turns it around.
 */
export function floorRestated(negated: ClauseFacts, other: ClauseFacts): boolean {
  const denied = deniedBelow(negated.tokens);
  if (denied.size === 0) return false;
  const o = other.tokens;
  const necessity = other.polarity.modality === 'necessity';
  return o.some((x, i) => {
    const n = figure(x.core);
    if (n === undefined || !denied.has(n) || !statesFloor(o, i, necessity)) return false;
    const [start, end] = partAt(o, i);
    const part = o.slice(start, end + 1);
    return !denies(o, [start, end]) && !part.some((y) => below.has(y.lower) || y.lower.startsWith('under-'));
  });
}
