import type { CanonicalResponse } from './adapters/canonical-response.js';
import { category } from './report/category-report.js';
import type { CategoryReport, Difference } from './report/divergence-report.js';

function statusClass(status: number | null): string {
  return status === null ? 'none' : `${Math.floor(status / 100)}xx`;
}

/** Status code and class changes; failing where production succeeded is critical. */
export function statusCategory(a: CanonicalResponse, b: CanonicalResponse): CategoryReport {
  const out: Difference[] = [];
  if (a.status !== b.status) {
    const sameClass = statusClass(a.status) === statusClass(b.status);
    // Succeeding where production failed is a difference worth showing, not a regression.
    const recovered = (a.status === null || a.status >= 400) && b.status !== null && b.status < 400;
    out.push({
      kind: sameClass ? 'status_code' : 'status_class',
      path: 'status',
      key: 'status',
      severity: recovered ? 'low' : sameClass ? 'medium' : 'critical',
      message: `status ${a.status ?? 'none'} → ${b.status ?? 'none'}`,
      original: a.status,
      candidate: b.status,
    });
  }
  return category('status', out, 0);
}

/** An error appearing, disappearing, or changing type. */
export function errorCategory(a: CanonicalResponse, b: CanonicalResponse): CategoryReport {
  const out: Difference[] = [];
  if (a.error === null && b.error !== null) {
    out.push({
      kind: 'error_presence',
      path: 'error',
      key: 'error',
      severity: 'critical',
      message: `candidate failed: ${b.error.message.slice(0, 160)}`,
      candidate: b.error.type,
    });
  } else if (a.error !== null && b.error === null) {
    out.push({
      kind: 'error_presence',
      path: 'error',
      key: 'error',
      severity: 'low',
      message: 'original failed, candidate did not',
      original: a.error.type,
    });
  } else if (a.error !== null && b.error !== null && (a.error.type !== b.error.type || a.error.source !== b.error.source)) {
    out.push({
      kind: 'error_type',
      path: 'error.type',
      key: 'error.type',
      severity: 'medium',
      message: `error ${a.error.type ?? a.error.source} → ${b.error.type ?? b.error.source}`,
      original: a.error.type,
      candidate: b.error.type,
    });
  }
  return category('error', out, 0);
}
