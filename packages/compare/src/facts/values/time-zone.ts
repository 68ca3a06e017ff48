import type { ClauseToken } from '../clauses/split-clauses.js';
import type { FactValue } from './fact-value.js';

// The time zone a clock time is given in ("9 a.m. ET", "5:30 pm Pacific", "14:00 CET"): a value of
// its own, so "ET" → "PT" is a changed fact while "9 a.m." keeps matching "9 a.m. ET". Read only
// right after a time: alone, "PT" is as often physical therapy and "CT" a scan. Daylight and standard
// forms are one zone ("EST", "EDT", "ET", "Eastern").
const zones: Readonly<Record<string, string>> = {
  ET: 'et',
  EST: 'et',
  EDT: 'et',
  Eastern: 'et',
  CT: 'ct',
  CST: 'ct',
  CDT: 'ct',
  Central: 'ct',
  MT: 'mt',
  MST: 'mt',
  MDT: 'mt',
  Mountain: 'mt',
  PT: 'pt',
  PST: 'pt',
  PDT: 'pt',
  Pacific: 'pt',
  AKT: 'akt',
  HST: 'hst',
  GMT: 'utc',
  UTC: 'utc',
  BST: 'uk',
  WET: 'wet',
  CET: 'cet',
  CEST: 'cet',
  EET: 'eet',
  EEST: 'eet',
  IST: 'ist',
  JST: 'jst',
  AEST: 'aet',
  AEDT: 'aet',
};

/** A zone's name as a pattern's source ("ET|EST|…"): what may follow "p.m." in the sentence that says the time. */
export const zoneNames = Object.keys(zones).join('|');

/** Whether a word is a zone's name as written ("ET", "CEST", "Pacific"): no counted noun after a figure. */
export function isZone(word: string): boolean {
  return zones[word] !== undefined;
}

/** The time zone named at `tokens[i]` (after a clock time), with "time" after a zone's name taken too. */
export function zoneAt(tokens: readonly ClauseToken[], i: number): { value: FactValue; used: number } | undefined {
  const t = tokens[i];
  const zone = t === undefined ? undefined : zones[t.core.replace(/^\(|\)$/g, '')];
  if (t === undefined || zone === undefined) return undefined;
  const word = tokens[i + 1]?.lower === 'time' && /^\p{Lu}\p{Ll}/u.test(t.core) ? 1 : 0;
  return { value: { type: 'identifier', keys: [`tz:${zone}`], text: word ? `${t.core} time` : t.core, weak: false }, used: 1 + word };
}
