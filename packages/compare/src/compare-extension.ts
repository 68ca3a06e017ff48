import type { CanonicalResponse } from './adapters/canonical-response.js';
import { type JudgeOptions, judge } from './noise/judge.js';
import type { NoiseLookup } from './noise/noise-lookup.js';
import { categoryWeights } from './report/category-report.js';
import { type CategoryReport, type DivergenceReport, type Severity, severities } from './report/divergence-report.js';
import { combineScores } from './report/score.js';

/** What a user comparator is told about the pair. */
export interface CompareExtensionContext {
  readonly endpoint: string;
  /** The built-in report, before the extension's categories are added. */
  readonly report: DivergenceReport;
  /** Aborted when the caller gives up on the pair (e.g. a replay is cancelled). */
  readonly signal?: AbortSignal;
  /** Other production answers to the same input (a replay's baseline answer, `diff --baseline`), when known. */
  readonly baselines?: readonly CanonicalResponse[];
}

/** One category a user comparator reports, e.g. `{ label: 'llm_judge', score: 0.8 }`. */
export interface ExtensionCategory {
  readonly label: string;
  /** 0..1 divergence. */
  readonly score: number;
  /** Defaults from the score: ≥ 0.7 high, ≥ 0.4 medium, else low. */
  readonly severity?: Severity;
  readonly message?: string;
}

/** What a user comparator returns. */
export interface CompareExtensionResult {
  readonly score: number;
  readonly categories?: readonly ExtensionCategory[];
  readonly notes?: readonly string[];
}

/**
 * A user module, loaded by path from config (`compare.extension`): it exports
 * `compare(candidate, original, context)` returning (a promise of) a {@link CompareExtensionResult}.
 */
export interface CompareExtension {
  compare(
    candidate: CanonicalResponse,
    original: CanonicalResponse,
    context: CompareExtensionContext,
  ): CompareExtensionResult | Promise<CompareExtensionResult>;
}

function clamp01(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : undefined;
}

function severityFor(score: number): Severity {
  return score >= 0.7 ? 'high' : score >= 0.4 ? 'medium' : 'low';
}

function validate(result: unknown): CompareExtensionResult | string {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return 'returned no object';
  const r = result as Record<string, unknown>;
  const score = clamp01(r.score);
  if (score === undefined) return 'returned no numeric score';
  const categories: ExtensionCategory[] = [];
  if (r.categories !== undefined) {
    if (!Array.isArray(r.categories)) return 'returned categories that are not an array';
    for (const c of r.categories.slice(0, 20) as unknown[]) {
      if (typeof c !== 'object' || c === null) return 'returned a category that is not an object';
      const cat = c as Record<string, unknown>;
      const s = clamp01(cat.score);
      if (typeof cat.label !== 'string' || s === undefined) return 'returned a category without label and score';
      const severity = severities.includes(cat.severity as Severity) ? (cat.severity as Severity) : undefined;
      categories.push({
        label: cat.label.slice(0, 60),
        score: s,
        ...(severity ? { severity } : {}),
        ...(typeof cat.message === 'string' ? { message: cat.message.slice(0, 300) } : {}),
      });
    }
  }
  const notes = Array.isArray(r.notes) ? r.notes.filter((n): n is string => typeof n === 'string').slice(0, 20) : [];
  return { score, categories, notes };
}

/**
 * Runs a user comparator on a pair and folds its result into the report (categories named
 * `extension`, labelled by the user), then judges again. A throw, a rejection or a malformed
 * result is reported on the pair (`extensionError`, a note) and never propagates.
 */
export async function applyExtension(
  report: DivergenceReport,
  extension: CompareExtension,
  candidate: CanonicalResponse,
  original: CanonicalResponse,
  options: {
    readonly noise?: NoiseLookup | null;
    readonly judge?: Partial<JudgeOptions>;
    readonly signal?: AbortSignal;
    readonly baselines?: readonly CanonicalResponse[];
  } = {},
): Promise<DivergenceReport> {
  let raw: unknown;
  try {
    raw = await extension.compare(candidate, original, {
      endpoint: report.endpoint,
      report,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.baselines ? { baselines: options.baselines } : {}),
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return { ...report, extensionError: message, notes: [...report.notes, `extension failed: ${message}`] };
  }
  const result = validate(raw);
  if (typeof result === 'string') return { ...report, extensionError: result, notes: [...report.notes, `extension ${result}`] };
  const list = result.categories && result.categories.length > 0 ? result.categories : [{ label: 'extension', score: result.score }];
  const added: CategoryReport[] = list.map((c) => {
    const severity = c.severity ?? severityFor(c.score);
    return {
      name: 'extension',
      label: c.label,
      score: c.score,
      weight: categoryWeights.extension,
      severity: c.score > 0 ? severity : 'none',
      differences:
        c.score > 0
          ? [
              {
                kind: 'extension',
                path: `extension.${c.label}`,
                key: `extension:${c.label}`,
                severity,
                message: c.message ?? `${c.label} scored ${c.score.toFixed(3)}`,
              },
            ]
          : [],
      omitted: 0,
    };
  });
  const categories = [...report.categories.filter((c) => c.name !== 'extension'), ...added];
  const merged: DivergenceReport = {
    ...report,
    categories,
    score: combineScores(categories.map((c) => c.weight * c.score)),
    notes: [...report.notes, ...(result.notes ?? []).map((n) => `extension: ${n}`)],
  };
  return judge(merged, options.noise ?? null, options.judge);
}
