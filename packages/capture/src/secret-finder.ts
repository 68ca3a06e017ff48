import { foldConfusablesMapped, mayHoldConfusable } from './confusable-chars.js';
import { mayHoldInvisible, withoutInvisibleMapped } from './invisible-chars.js';
import { keyRuns } from './key-runs.js';
import { decodePercentDeep, mayHoldPercentEscape } from './percent-escapes.js';
import { inRuns, runLeadGate } from './run-lead-gate.js';
import type { RegexPattern, ScanPattern, TextPattern } from './text-patterns.js';
import { wrapJoints } from './wrap-joints.js';

/** One secret found in a text: where it stands and what kind it is. */
export interface SecretRange {
  readonly start: number;
  readonly end: number;
  readonly kind: string;
  /**
   * Found only once the text's `%XX` escapes were decoded: the secret as decoded (its placeholder
   * is the one the same secret gets anywhere else), replaced by a percent-encoded placeholder so
   * the URL or form value it stands in stays one.
   */
  readonly decoded?: string;
  /**
   * Found only once the text's invisible characters were left out (a key split by a zero-width
   * space): the secret as it reads (its placeholder is the one the same secret gets anywhere else).
   */
  readonly visible?: string;
}

/** Finds secrets in text: the exchange's known secrets first, then the patterns. */
export interface SecretFinder {
  /**
   * Non-overlapping ranges, in order. `seenOnce`: the text will not come again (a stream's event,
   * whose arrival time or delta makes each one new), so it is neither looked up among nor added to
   * the short texts found clean before (see `cleanTexts`): the same ranges, without the churn.
   */
  ranges(text: string, seenOnce?: boolean): SecretRange[];
  /** The text with each range replaced by its placeholder (`seenOnce` as for `ranges`). */
  redact(text: string, placeholder: Placeholder, seenOnce?: boolean): string;
  /** The placeholder for one found secret (a known secret keeps the one it was given first). */
  token(kind: string, secret: string, placeholder: Placeholder): string;
  /** What replaces a range of `text`: its placeholder, percent-encoded where the range was found decoded. */
  replacement(range: SecretRange, text: string, placeholder: Placeholder): string;
}

export type Placeholder = (kind: string, secret: string) => string;

/** Every match of the pattern, left to right (the pattern's own scan). */
function scanAll(p: RegexPattern, text: string, found: SecretRange[]): void {
  p.regex.lastIndex = 0;
  for (let m = p.regex.exec(text); m !== null; m = p.regex.exec(text)) {
    if (m[0].length === 0) {
      p.regex.lastIndex++;
      continue;
    }
    accepted(p, m, found);
  }
}

/**
 * The same matches as {@link scanAll}, found by trying the pattern (anchored) only where its
 * lead matches: every match starts at such a place, so nothing is skipped, and after a match
 * the scan resumes at its end as a global scan would. The lead is looked for in `within`, the
 * part of `text` from `from` on (the whole text by default).
 */
function scanFromLeads(p: RegexPattern, lead: RegExp, text: string, found: SecretRange[], within = text, from = 0): void {
  const anchored = stickyCopy(p.regex);
  lead.lastIndex = 0;
  for (let l = lead.exec(within); l !== null; l = lead.exec(within)) {
    anchored.lastIndex = from + l.index;
    const m = anchored.exec(text);
    if (m === null || m[0].length === 0) {
      lead.lastIndex = l.index + 1;
      continue;
    }
    accepted(p, m, found);
    lead.lastIndex = l.index + m[0].length;
  }
}

/**
 * The same matches as {@link scanFromLeads} over the whole text, for a pattern whose every match
 * is a run of at least `p.keyRun` key characters: its lead is looked for only in the text's runs
 * that long (`runs`, from {@link keyRuns}). A match lies inside one run and starts where the lead
 * matches, and a lead (no look-around) matches a run's text where it matches the whole text's;
 * outside those runs no match can start, so nothing is skipped.
 */
function scanInRuns(p: RegexPattern, lead: RegExp, minRun: number, text: string, runs: KeyRunTexts, found: SecretRange[]): void {
  for (let r = 0; r < runs.texts.length; r++) {
    const run = runs.texts[r] as string;
    if (run.length >= minRun) scanFromLeads(p, lead, text, found, run, runs.at[2 * r] as number);
  }
}

/** A text's runs of key characters (`at`: `[start, end, …]`) and their texts, made once for every pattern looking in them. */
interface KeyRunTexts {
  readonly at: readonly number[];
  readonly texts: readonly string[];
}

const noRuns: KeyRunTexts = Object.freeze({ at: Object.freeze([]), texts: Object.freeze([]) });

/**
 * The text's runs of key characters at least `min` long in which `gate` (see {@link runLeadGate})
 * matches: where some pattern looked for in runs has a lead. Most runs (ids, model names, a
 * stream's padding) hold none, and one search of the union there costs less than each pattern's
 * own search of its lead (nine a run, each with its set-up: most of a stream event's scan).
 */
function keyRunTexts(text: string, min: number, gate: RegExp | null): KeyRunTexts {
  const at = keyRuns(text, min);
  if (at.length === 0) return noRuns;
  const texts: string[] = [];
  let kept: number[] | undefined;
  for (let r = 0; r < at.length; r += 2) {
    const run = text.slice(at[r], at[r + 1]);
    if (gate === null || gate.test(run)) {
      texts.push(run);
      kept?.push(at[r] as number, at[r + 1] as number);
    } else kept ??= at.slice(0, r);
  }
  if (texts.length === 0) return noRuns;
  return { at: kept ?? at, texts };
}

function hinted(text: string, hints: readonly string[]): boolean {
  for (const hint of hints) if (text.includes(hint)) return true;
  return false;
}

const hintGates = new WeakMap<readonly TextPattern[], RegExp | null>();

/**
 * One regex matching any hint of any pattern, made once per pattern list: most texts hold none,
 * and one pass of it costs less than a search per hint — much less on a run of one character
 * (`xxxx…` for the hint `xox`, `AAAA…` for `AKIA`), where each short search retries at every
 * place. Null when no pattern has hints.
 */
function hintGate(patterns: readonly TextPattern[]): RegExp | null {
  let gate = hintGates.get(patterns);
  if (gate === undefined) {
    const hints = [...new Set(patterns.flatMap((p) => (inRuns(p) === undefined && 'hints' in p ? (p.hints ?? []) : [])))];
    gate = hints.length === 0 ? null : new RegExp(hints.map((h) => h.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
    hintGates.set(patterns, gate);
  }
  return gate;
}

function accepted(p: RegexPattern, m: RegExpExecArray, found: SecretRange[]): void {
  const within = p.accept === undefined ? ([0, m[0].length] as const) : p.accept(m[0], m.input, m.index);
  if (within !== undefined) found.push({ start: m.index + within[0], end: m.index + within[1], kind: p.name });
}

/**
 * One pattern as the scan reads it: every step of one shape, so the scan's reads of them stay
 * monomorphic (an `in` test and optional members over the patterns' mixed shapes were ~40 % of
 * the scan's own time on a stream's events, each a text of ~200 characters).
 */
interface ScanStep {
  readonly name: string;
  /** A scan pattern's own scan; null for a regex. */
  readonly find: ScanPattern['find'] | null;
  readonly regex: RegexPattern | null;
  readonly lead: RegExp | null;
  /** Looked for in runs of key characters this long (0: not in runs). */
  readonly keyRun: number;
  readonly hints: readonly string[] | null;
}

const scanStepLists = new WeakMap<readonly TextPattern[], readonly ScanStep[]>();

/** The patterns as scan steps, made once per pattern list. */
function scanSteps(patterns: readonly TextPattern[]): readonly ScanStep[] {
  let steps = scanStepLists.get(patterns);
  if (steps === undefined) {
    steps = patterns.map((p): ScanStep => {
      if ('find' in p) return { name: p.name, find: p.find, regex: null, lead: null, keyRun: 0, hints: null };
      const runs = inRuns(p);
      return {
        name: p.name,
        find: null,
        regex: p,
        lead: p.lead ?? null,
        keyRun: runs === undefined ? 0 : runs.keyRun,
        hints: runs === undefined ? (p.hints ?? null) : null,
      };
    });
    scanStepLists.set(patterns, steps);
  }
  return steps;
}

const shortestRuns = new WeakMap<readonly TextPattern[], number>();

/** The shortest `keyRun` of the patterns looked for in runs (`Infinity` when none is). */
function shortestRun(patterns: readonly TextPattern[]): number {
  let min = shortestRuns.get(patterns);
  if (min === undefined) {
    min = Math.min(...patterns.map((p) => inRuns(p)?.keyRun ?? Number.POSITIVE_INFINITY));
    shortestRuns.set(patterns, min);
  }
  return min;
}

const stickyCopies = new WeakMap<RegExp, RegExp>();

/** The regex anchored at `lastIndex` (flag `y`), made once per pattern. */
function stickyCopy(regex: RegExp): RegExp {
  let sticky = stickyCopies.get(regex);
  if (sticky === undefined) {
    sticky = new RegExp(regex.source, `${regex.flags.replace('g', '')}y`);
    stickyCopies.set(regex, sticky);
  }
  return sticky;
}

/** Texts up to this long that the patterns found nothing in are remembered (header values, path segments). */
const maxCleanText = 256;
/** Clean texts remembered per pattern list; past this many they are forgotten and learnt again. */
const maxCleanTexts = 4096;
const cleanTextSets = new WeakMap<readonly TextPattern[], Set<string>>();

/**
 * The short texts in which `patterns` found no secret, as written and decoded alike: a header
 * value (`application/json`, a host, a user agent) or a path segment (`v1`, `chat`) comes back
 * on almost every exchange, and the patterns find in a text what they found the last time.
 * Only what the exchange's known secrets would add is looked for again.
 */
function cleanTexts(patterns: readonly TextPattern[]): Set<string> {
  let set = cleanTextSets.get(patterns);
  if (set === undefined) {
    set = new Set();
    cleanTextSets.set(patterns, set);
  }
  return set;
}

/**
 * A finder over `patterns` and the per-exchange map of secrets already redacted elsewhere
 * (`known`: secret → placeholder, read at every call so later additions count). `found` hears of
 * each secret `redact` replaced that was not known yet, so the caller can add it to `known`.
 */
export function secretFinder(
  patterns: readonly TextPattern[],
  known: ReadonlyMap<string, string>,
  found: (secret: string, token: string) => void = () => {},
): SecretFinder {
  const gate = hintGate(patterns);
  const steps = scanSteps(patterns);
  const minRun = shortestRun(patterns);
  const runGate = runLeadGate(patterns);
  const clean = cleanTexts(patterns);
  const holdsKnown = (text: string): boolean => {
    for (const secret of known.keys()) if (text.includes(secret)) return true;
    return false;
  };
  const scan = (text: string): SecretRange[] => {
    const found: SecretRange[] = [];
    for (const secret of known.keys()) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + secret.length))
        found.push({ start: at, end: at + secret.length, kind: 'known' });
    }
    // Whether the text holds any hint at all: only then is each hinted pattern's own hint looked for.
    const someHint = gate === null || gate.test(text);
    // The runs of key characters long enough for a key shape: found once, when a pattern needs them.
    let runs: KeyRunTexts | undefined;
    for (const step of steps) {
      if (step.find !== null) {
        for (const [start, end] of step.find(text)) found.push({ start, end, kind: step.name });
        continue;
      }
      const p = step.regex as RegexPattern;
      if (step.keyRun !== 0) {
        runs ??= keyRunTexts(text, minRun, runGate);
        if (runs.texts.length > 0) scanInRuns(p, step.lead as RegExp, step.keyRun, text, runs, found);
        continue;
      }
      if (step.hints !== null && (!someHint || !hinted(text, step.hints))) continue;
      if (step.lead === null) scanAll(p, text, found);
      else scanFromLeads(p, step.lead, text, found);
    }
    return found.length < 2 ? found : mergeRanges(found);
  };
  /** The secrets of `text` as written, and those only its percent-decoded reading shows. */
  const readings = (text: string): SecretRange[] => {
    const found = scan(text);
    if (!mayHoldPercentEscape(text)) return found;
    const { decoded, from } = decodePercentDeep(text);
    const more: SecretRange[] = [];
    for (const r of scan(decoded)) {
      const start = from[r.start] as number;
      const end = from[r.end] as number;
      if (!found.some((f) => f.start < end && start < f.end))
        more.push({ start, end, kind: r.kind, decoded: decoded.slice(r.start, r.end) });
    }
    return more.length === 0 ? found : mergeRanges([...found, ...more]);
  };
  /**
   * `found` (the secrets of `text`), and those its wrapped keys show when each is read joined
   * (`wrap-joints.ts`): a range across a joint is taken when it is a key's shape, or extends a
   * secret found already (a base64 token's short last line); a token only two ids joined would
   * make (`ORD-2024-88123` + `BK-XK7P2Q`) is not.
   */
  const wrapped = (text: string, found: SecretRange[]): SecretRange[] => {
    const joints = wrapJoints(text);
    if (joints.length === 0) return found;
    const more: SecretRange[] = [];
    for (const j of joints)
      for (const r of readings(j.joined)) {
        if (r.start >= j.cut || r.end <= j.cut) continue;
        const mapped = mappedRange(r, j.joined, j.from);
        if (r.kind !== 'token' || found.some((f) => f.start < mapped.end && mapped.start < f.end)) more.push(mapped);
      }
    return more.length === 0 ? found : mergeRanges([...found, ...more]);
  };
  /**
   * {@link readings}, and those of the text with its invisible characters left out, mapped back:
   * a range found both ways grows to the wider (a key cut short at a zero-width space is replaced
   * whole, its tail with it).
   */
  const ranges = (text: string, seenOnce = false): SecretRange[] => {
    // A text with escapes is also read decoded, where a known secret may stand spelled otherwise: never remembered.
    const rememberable = !seenOnce && text.length <= maxCleanText && !mayHoldPercentEscape(text);
    if (rememberable && clean.has(text) && !holdsKnown(text)) return [];
    const found = wrapped(text, readings(text));
    if (mayHoldInvisible(text)) {
      const { visible, from } = withoutInvisibleMapped(text);
      const more = readings(visible).map((r) => {
        const secret = r.decoded ?? visible.slice(r.start, r.end);
        const start = from[r.start] as number;
        const end = from[r.end] as number;
        // Percent-encoded where it was found decoded; otherwise replaced as it reads.
        return r.decoded === undefined ? { start, end, kind: r.kind, visible: secret } : { start, end, kind: r.kind, decoded: secret };
      });
      if (more.length > 0) return mergeRanges([...found, ...more]);
    }
    // A key in fullwidth or look-alike letters (`ｓｋ-…`, Cyrillic `ѕk-…`): read folded to ASCII too.
    if (mayHoldConfusable(text)) {
      const { folded, from, changed } = foldConfusablesMapped(text);
      const more = changed ? readings(folded).map((r) => mappedRange(r, folded, from)) : [];
      if (more.length > 0) return mergeRanges([...found, ...more]);
    }
    // Nothing found: the patterns found nothing (whatever known secrets were looked for too).
    if (rememberable && found.length === 0) {
      if (clean.size >= maxCleanTexts) clean.clear();
      clean.add(text);
    }
    return found;
  };
  const token = (kind: string, secret: string, placeholder: Placeholder): string =>
    (kind === 'known' ? known.get(secret) : undefined) ?? placeholder(kind, secret);
  const replacement = (range: SecretRange, text: string, placeholder: Placeholder): string =>
    range.decoded === undefined
      ? token(range.kind, range.visible ?? text.slice(range.start, range.end), placeholder)
      : encodeURIComponent(token(range.kind, range.decoded, placeholder));
  return {
    ranges,
    token,
    replacement,
    redact(text, placeholder, seenOnce = false) {
      const hits = ranges(text, seenOnce);
      if (hits.length === 0) return text;
      let out = '';
      let at = 0;
      for (const r of hits) {
        out += text.slice(at, r.start) + replacement(r, text, placeholder);
        // Found here by its context (a label, a path segment of its own): an echo elsewhere may lack it.
        if (r.kind !== 'known') {
          const secret = r.decoded ?? r.visible ?? text.slice(r.start, r.end);
          found(secret, token(r.kind, secret, placeholder));
        }
        at = r.end;
      }
      return out + text.slice(at);
    },
  };
}

/** A range of a folded reading of a text, mapped back to the text (its secret as it reads, or as decoded). */
function mappedRange(r: SecretRange, reading: string, from: readonly number[]): SecretRange {
  const start = from[r.start] as number;
  const end = from[r.end] as number;
  return r.decoded === undefined
    ? { start, end, kind: r.kind, visible: reading.slice(r.start, r.end) }
    : { start, end, kind: r.kind, decoded: r.decoded };
}

/**
 * Ranges in order with overlapping ones merged into one (the earlier kind wins), so nothing is
 * half-replaced. A range grown by a merge covers more than the secret it was found as, so it is
 * replaced as written.
 */
export function mergeRanges(ranges: readonly SecretRange[]): SecretRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: SecretRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last === undefined || r.start >= last.end) merged.push(r);
    else if (r.end > last.end) merged[merged.length - 1] = { start: last.start, end: r.end, kind: last.kind };
  }
  return merged;
}
