import { decodeCharReferencesMapped, mayHoldCharReference } from './char-references.js';
import { cleanTexts, maxCleanText, maxCleanTexts } from './clean-texts.js';
import { foldConfusablesMapped, mayHoldConfusable } from './confusable-chars.js';
import { mayHoldInvisible, withoutInvisibleMapped } from './invisible-chars.js';
import { type KeyRunTexts, keyRunTexts, scanRun, shortestRun } from './key-run-texts.js';
import { decodePercentDeep, mayHoldPercentEscape } from './percent-escapes.js';
import { scanAll, scanFromLeads, scanInRuns } from './regex-scan.js';
import { runLeadGate } from './run-lead-gate.js';
import { hinted, hintGate, scanSteps } from './scan-steps.js';
import { mappedRange, mergeRanges, type SecretRange } from './secret-range.js';
import type { RegexPattern, TextPattern } from './text-patterns.js';
import { wrapJoints } from './wrap-joints.js';

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
  const minScanned = Math.min(minRun, scanRun(patterns));
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
        if (step.hints !== null && (!someHint || !hinted(text, step.hints))) continue;
        for (const [start, end] of step.find(text)) found.push({ start, end, kind: step.name });
        continue;
      }
      const p = step.regex as RegexPattern;
      if (step.keyRun !== 0) {
        runs ??= keyRunTexts(text, minRun, runGate, minScanned);
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
    // Each further reading adds what only it shows: the text without its invisible characters, folded
    // to ASCII, with its character references read.
    let all = found;
    if (mayHoldInvisible(text)) {
      const { visible, from } = withoutInvisibleMapped(text);
      const more = readings(visible).map((r) => {
        const secret = r.decoded ?? visible.slice(r.start, r.end);
        const start = from[r.start] as number;
        const end = from[r.end] as number;
        // Percent-encoded where it was found decoded; otherwise replaced as it reads.
        return r.decoded === undefined ? { start, end, kind: r.kind, visible: secret } : { start, end, kind: r.kind, decoded: secret };
      });
      if (more.length > 0) all = mergeRanges([...all, ...more]);
    }
    // A key in fullwidth or look-alike letters (`ｓｋ-…`, Cyrillic `ѕk-…`): read folded to ASCII too.
    if (mayHoldConfusable(text)) {
      const { folded, from, changed } = foldConfusablesMapped(text);
      const more = changed ? readings(folded).map((r) => mappedRange(r, folded, from)) : [];
      if (more.length > 0) all = mergeRanges([...all, ...more]);
    }
    // A name or quotes written as HTML character references (`&#112;assword=`, `=&quot;…&quot;`).
    if (mayHoldCharReference(text)) {
      const { decoded, from } = decodeCharReferencesMapped(text);
      const more = decoded === text ? [] : readings(decoded).map((r) => mappedRange(r, decoded, from));
      if (more.length > 0) all = mergeRanges([...all, ...more]);
    }
    if (all !== found) return all;
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
