import type { Clock, Random } from '@understudy/core';
import type { Variant } from './support-agent.js';

/** What a protocol handler needs besides the request: the variant and the injected sources. */
export interface AgentContext {
  readonly variant: Variant;
  readonly random: Random;
  readonly clock: Clock;
  /** Pause between streamed chunks. */
  readonly chunkGapMs: number;
}
