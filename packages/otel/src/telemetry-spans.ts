import { type Attributes, type Link, ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace } from '@opentelemetry/api';
import type { Exchange } from '@understudy/core';
import type { ToolCallRecord } from '@understudy/store';
import { exchangeSpanFacts } from './genai-attributes.js';
import { spanIds } from './span-ids.js';
import type { SpanPipeline } from './span-pipeline.js';

/** A comparison of a candidate exchange (shadow or replay) with its original, as stored. */
export interface ComparisonFacts {
  readonly candidateId: string;
  readonly originalId: string;
  readonly verdict: string;
  readonly scoreOverNoise: number | null;
  readonly explanation: string;
  readonly at: number;
  readonly source: 'shadow' | 'replay';
  readonly runId?: string;
}

/** One canary ledger event. */
export interface CanaryEventFacts {
  readonly canaryId: string;
  readonly seq: number;
  readonly at: number;
  readonly type: string;
  readonly actor: string;
  readonly data: string;
  readonly hash: string;
}

const maxEvidenceChars = 16 * 1024;
const sampled = TraceFlags.SAMPLED;

function parentContext(traceId: string, spanId: string) {
  return trace.setSpanContext(ROOT_CONTEXT, { traceId, spanId, traceFlags: sampled, isRemote: true });
}

/** Writes Understudy's records as spans through the pipeline's tracer, with ids derived from theirs. */
export class TelemetrySpans {
  readonly #p: SpanPipeline;
  readonly #captureContent: boolean;

  constructor(pipeline: SpanPipeline, options: { captureContent: boolean }) {
    this.#p = pipeline;
    this.#captureContent = options.captureContent;
  }

  /** One span per exchange; shadow and replay exchanges link to their live parent. */
  exchange(exchange: Exchange, toolCalls: readonly ToolCallRecord[]): void {
    const { name, attributes } = exchangeSpanFacts(exchange, { captureContent: this.#captureContent });
    const links: Link[] =
      exchange.role !== 'live' && exchange.parentId !== null
        ? [
            {
              context: {
                traceId: spanIds.exchangeTrace(exchange.parentId),
                spanId: spanIds.exchangeSpan(exchange.parentId),
                traceFlags: sampled,
              },
              attributes: { 'understudy.link': 'live_parent' },
            },
          ]
        : [];
    this.#p.ids.preset({ traceId: spanIds.exchangeTrace(exchange.id), spanId: spanIds.exchangeSpan(exchange.id) });
    const end = exchange.startedAt + (exchange.durationMs ?? 0);
    const span = this.#p.tracer.startSpan(name, { kind: SpanKind.CLIENT, startTime: exchange.startedAt, attributes, links }, ROOT_CONTEXT);
    if (attributes['error.type'] !== undefined)
      span.setStatus({ code: SpanStatusCode.ERROR, message: exchange.error?.message ?? String(attributes['error.type']) });
    span.end(end);
    const parent = parentContext(spanIds.exchangeTrace(exchange.id), spanIds.exchangeSpan(exchange.id));
    for (const call of toolCalls) this.#toolCall(call, parent);
  }

  #toolCall(call: ToolCallRecord, parent: ReturnType<typeof parentContext>): void {
    const attributes: Attributes = {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': call.destination,
      'gen_ai.tool.type': 'extension',
      'gen_ai.tool.call.id': call.id,
      'http.request.method': call.method,
      'url.path': call.path,
      'understudy.tool_call.policy': call.policy,
      'understudy.tool_call.outcome': call.outcome,
      'understudy.tool_call.match': call.match,
    };
    if (call.status !== null) attributes['http.response.status_code'] = call.status;
    const errorType =
      call.error?.code ??
      (call.outcome === 'blocked' ? 'shadow_blocked' : call.status !== null && call.status >= 400 ? String(call.status) : undefined);
    if (errorType !== undefined) attributes['error.type'] = errorType;
    this.#p.ids.preset({ spanId: spanIds.toolSpan(call.id) });
    const span = this.#p.tracer.startSpan(
      `execute_tool ${call.destination}`,
      { kind: SpanKind.CLIENT, startTime: call.startedAt, attributes },
      parent,
    );
    if (errorType !== undefined) span.setStatus({ code: SpanStatusCode.ERROR, message: call.error?.message ?? errorType });
    span.end(call.startedAt + (call.durationMs ?? 0));
  }

  /**
   * A comparison as a `gen_ai.evaluation.result` event (name, score, label = verdict,
   * explanation) on an evaluation span under the candidate exchange's span.
   */
  comparison(c: ComparisonFacts): void {
    this.#p.ids.preset({ spanId: spanIds.evaluationSpan(c.candidateId) });
    const parent = parentContext(spanIds.exchangeTrace(c.candidateId), spanIds.exchangeSpan(c.candidateId));
    const span = this.#p.tracer.startSpan(
      'evaluate understudy.divergence',
      {
        kind: SpanKind.INTERNAL,
        startTime: c.at,
        attributes: {
          'gen_ai.operation.name': 'evaluate',
          'understudy.comparison.source': c.source,
          'understudy.exchange.id': c.candidateId,
          'understudy.parent_exchange.id': c.originalId,
          ...(c.runId === undefined ? {} : { 'understudy.replay.id': c.runId }),
        },
        links: [
          { context: { traceId: spanIds.exchangeTrace(c.originalId), spanId: spanIds.exchangeSpan(c.originalId), traceFlags: sampled } },
        ],
      },
      parent,
    );
    span.addEvent(
      'gen_ai.evaluation.result',
      {
        'gen_ai.evaluation.name': 'understudy.divergence',
        ...(c.scoreOverNoise === null ? {} : { 'gen_ai.evaluation.score.value': c.scoreOverNoise }),
        'gen_ai.evaluation.score.label': c.verdict,
        'gen_ai.evaluation.explanation': c.explanation,
      },
      c.at,
    );
    span.end(c.at);
  }

  /** A canary ledger event (a transition or an analysis) as a span in the canary's trace, with its evidence. */
  canaryEvent(e: CanaryEventFacts): void {
    this.#p.ids.preset({ traceId: spanIds.canaryTrace(e.canaryId), spanId: spanIds.canaryEventSpan(e.canaryId, e.seq) });
    const span = this.#p.tracer.startSpan(
      `canary ${e.type}`,
      {
        kind: SpanKind.INTERNAL,
        startTime: e.at,
        attributes: {
          'understudy.canary.id': e.canaryId,
          'understudy.canary.event': e.type,
          'understudy.canary.seq': e.seq,
          'understudy.canary.actor': e.actor,
          'understudy.canary.hash': e.hash,
        },
      },
      ROOT_CONTEXT,
    );
    span.addEvent(
      'understudy.canary.transition',
      { 'understudy.canary.event': e.type, 'understudy.canary.evidence': e.data.slice(0, maxEvidenceChars) },
      e.at,
    );
    span.end(e.at);
  }
}
