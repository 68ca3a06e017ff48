import { factSheet } from '../facts/clauses/fact-sheet.js';
import { diffFacts } from '../facts/fact-diff.js';
import type { Difference, Severity } from '../report/divergence-report.js';
import { textSimilarity } from '../text/text-similarity.js';
import { argumentKind, sameArgument } from './argument-value.js';
import { formatPath, formatPathKey, type PathMatcher, type PathSegment } from './json-path.js';
import { type JsonValue, jsonType } from './json-value.js';

/** Options of {@link diffJsonValues}. */
export interface JsonDiffOptions {
  /** Paths to skip (volatile fields, configured ignores). */
  readonly ignore?: PathMatcher;
  /** Relative tolerance for numbers: equal when |a-b| ≤ tol·max(|a|,|b|). Default 0. */
  readonly numericTolerance?: number;
  /** Display root, `$` for bodies, `tool_calls[0].arguments` for arguments. */
  readonly root?: string;
  /** Aggregation-key root, `$` or `tool:get_weather`. */
  readonly keyRoot?: string;
  /**
   * Severity of a changed scalar. Generic JSON fields: `medium`. Tool arguments: `high` (a
   * wrong argument is a wrong action), with long free text graded by similarity instead.
   */
  readonly valueSeverity?: Severity;
  /** Differences kept; the rest are counted in `omitted`. Default 50. */
  readonly maxDifferences?: number;
}

/** Differences found, bounded, and how many were left out. */
export interface JsonDiffResult {
  readonly differences: Difference[];
  readonly omitted: number;
}

const maxDepth = 64;
const factKinds = new Set(['fact_changed', 'fact_added', 'polarity_flip']);

/** The fact changes between two free-text values (`Lisbon → Porto` inside a search query). */
function factChanges(a: string, b: string): string[] {
  return diffFacts(factSheet(a), factSheet(b))
    .filter((d) => factKinds.has(d.kind))
    .map((d) => d.message);
}

function previewText(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function preview(value: JsonValue | undefined): JsonValue | undefined {
  if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 197)}...`;
  if (typeof value === 'object' && value !== null) {
    const s = JSON.stringify(value);
    return s.length > 200 ? `${s.slice(0, 197)}...` : value;
  }
  return value;
}

/**
 * Typed structural differences between two JSON values: `missing` and `type_change` are
 * schema changes (high), `value_change` and `array_length` medium (or as configured), `extra`
 * fields low; object keys compare order-insensitively. Deterministic and bounded.
 */
export function diffJsonValues(
  original: JsonValue | undefined,
  candidate: JsonValue | undefined,
  options: JsonDiffOptions = {},
): JsonDiffResult {
  const differences: Difference[] = [];
  let omitted = 0;
  const max = options.maxDifferences ?? 50;
  const tol = options.numericTolerance ?? 0;
  const root = options.root ?? '$';
  const keyRoot = options.keyRoot ?? '$';
  const valueSeverity = options.valueSeverity ?? 'medium';
  const push = (d: Omit<Difference, 'path' | 'key'>, at: readonly PathSegment[]): void => {
    if (differences.length >= max) {
      omitted++;
      return;
    }
    differences.push({ ...d, path: formatPath(at, root), key: formatPathKey(at, keyRoot) });
  };

  const walk = (a: JsonValue | undefined, b: JsonValue | undefined, at: PathSegment[], depth: number): void => {
    if (options.ignore !== undefined && at.length > 0 && options.ignore.matches(at)) return;
    const ta = jsonType(a);
    const tb = jsonType(b);
    if (ta === 'undefined' && tb === 'undefined') return;
    if (ta === 'undefined') {
      push({ kind: 'extra', severity: 'low', message: 'field only in candidate', candidate: preview(b) }, at);
      return;
    }
    if (tb === 'undefined') {
      push({ kind: 'missing', severity: 'high', message: 'field missing in candidate', original: preview(a) }, at);
      return;
    }
    if (ta !== tb) {
      push(
        { kind: 'type_change', severity: 'high', message: `type changed from ${ta} to ${tb}`, original: preview(a), candidate: preview(b) },
        at,
      );
      return;
    }
    if (depth >= maxDepth) {
      if (JSON.stringify(a) !== JSON.stringify(b))
        push({ kind: 'value_change', severity: valueSeverity, message: 'deep value differs' }, at);
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) {
        push(
          {
            kind: 'array_length',
            severity: 'medium',
            message: `array length ${a.length} → ${b.length}`,
            original: a.length,
            candidate: b.length,
          },
          at,
        );
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n && omitted === 0; i++) walk(a[i], b[i], [...at, i], depth + 1);
      return;
    }
    if (
      ta === 'object' &&
      typeof a === 'object' &&
      typeof b === 'object' &&
      a !== null &&
      b !== null &&
      !Array.isArray(a) &&
      !Array.isArray(b)
    ) {
      for (const k of Object.keys(a)) walk(a[k], b[k], [...at, k], depth + 1);
      for (const k of Object.keys(b)) if (!(k in a)) walk(undefined, b[k], [...at, k], depth + 1);
      return;
    }
    if (typeof a === 'number' && typeof b === 'number') {
      if (a === b || Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b))) return;
    } else if (a === b) return;
    if (typeof a === 'string' && typeof b === 'string') {
      if (sameArgument(a, b, tol)) return;
      const kind = argumentKind(a);
      if (kind === 'prose' && argumentKind(b) === 'prose') {
        // Free text (a search query, a note): the wording may change, the facts in it may not.
        const facts = valueSeverity === 'high' ? factChanges(a, b) : [];
        if (facts.length > 0) {
          push(
            { kind: 'value_change', severity: valueSeverity, message: facts.join('; '), original: preview(a), candidate: preview(b) },
            at,
          );
          return;
        }
        const sim = textSimilarity(a, b).similarity;
        push(
          {
            kind: 'text_change',
            severity: sim >= 0.5 || valueSeverity === 'high' ? 'low' : 'medium',
            message: `text similarity ${sim.toFixed(2)}`,
            original: preview(a),
            candidate: preview(b),
          },
          at,
        );
        return;
      }
      push(
        {
          kind: 'value_change',
          severity: valueSeverity,
          message: `${kind} ${previewText(a)} → ${previewText(b)}`,
          original: preview(a),
          candidate: preview(b),
        },
        at,
      );
      return;
    }
    push({ kind: 'value_change', severity: valueSeverity, message: 'value changed', original: preview(a), candidate: preview(b) }, at);
  };
  walk(original, candidate, [], 0);
  return { differences, omitted };
}
