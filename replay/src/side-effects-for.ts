import type { CompareOptions } from '@understudy/compare';
import type { Exchange, Logger } from '@understudy/core';
import type { Store } from '@understudy/store';

/**
 * The egress proxy's view of a candidate attempt and of its original (issue 5), shaped for
 * `compareResponses({ sideEffects })`: the candidate's calls by how they matched the recording,
 * the original's recorded calls. Undefined when neither made a tool call through the egress
 * proxy, or when the store cannot say (the comparison then goes on without the category).
 */
export async function sideEffectsFor(
  store: Pick<Store, 'toolCalls'>,
  candidate: Exchange,
  original: Exchange,
  logger?: Logger,
): Promise<CompareOptions['sideEffects'] | undefined> {
  try {
    return await store.toolCalls.sideEffects(candidate.id, original.id);
  } catch (error) {
    logger?.warn({ err: error, exchangeId: original.id }, 'tool-call recordings unavailable; compared without side effects');
    return undefined;
  }
}
