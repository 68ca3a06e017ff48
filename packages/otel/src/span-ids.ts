import { createHash } from 'node:crypto';
import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import type { Random } from '@understudy/core';

const hex = (kind: string, key: string, bytes: number): string =>
  createHash('sha256')
    .update(`${kind}\0${key}`)
    .digest('hex')
    .slice(0, bytes * 2);

/**
 * Span ids derived from Understudy's own ids, so a span exported now can be linked or parented
 * by one exported later (a shadow exchange's link to its live parent, a comparison's evaluation
 * span under the candidate's span) without keeping any state.
 */
export const spanIds = {
  /** The trace of one exchange (each live, shadow or replay exchange starts its own). */
  exchangeTrace: (exchangeId: string) => hex('trace', exchangeId, 16),
  exchangeSpan: (exchangeId: string) => hex('span', exchangeId, 8),
  toolSpan: (toolCallId: string) => hex('tool', toolCallId, 8),
  evaluationSpan: (candidateId: string) => hex('evaluation', candidateId, 8),
  canaryTrace: (canaryId: string) => hex('canary', canaryId, 16),
  canaryEventSpan: (canaryId: string, seq: number) => hex('canary-event', `${canaryId}#${seq}`, 8),
} as const;

/**
 * An SDK id generator that hands out the ids set for the next span (span creation is
 * synchronous), and random ones otherwise — from core's injected {@link Random}.
 */
export class PresetIdGenerator implements IdGenerator {
  #next: { traceId?: string; spanId?: string } = {};
  readonly #random: Random;

  constructor(random: Random) {
    this.#random = random;
  }

  /** Ids for the next span started; cleared once used. */
  preset(ids: { traceId?: string; spanId: string }): void {
    this.#next = { ...ids };
  }

  generateTraceId(): string {
    const id = this.#next.traceId ?? Buffer.from(this.#random.bytes(16)).toString('hex');
    delete this.#next.traceId;
    return id;
  }

  generateSpanId(): string {
    const id = this.#next.spanId ?? Buffer.from(this.#random.bytes(8)).toString('hex');
    delete this.#next.spanId;
    return id;
  }
}
