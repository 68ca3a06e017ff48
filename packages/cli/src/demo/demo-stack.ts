import type { Clock, Config, Logger, Random, Version } from '@understudy/core';
import type { Store } from '@understudy/store';
import type { Registry } from 'prom-client';
import { runEgress, startDemoTools } from '../egress-wiring.js';
import type { ShutdownStack } from '../shutdown-stack.js';
import { startDemoAgents } from './demo-agents.js';

export interface DemoStack {
  /** The config with the demo's settings: the tap serves v1 and mirrors v3, the egress proxy fronts the tools. */
  readonly config: Config;
  /** v1: the version the tap serves (its route). */
  readonly version: Version;
  /** v3: the live shadow's candidate. */
  readonly shadowVersion: Version;
  readonly egressUrl: string;
}

/**
 * The demo's world: the orders service behind the egress proxy, the three agent versions
 * running their tools through it, and v1/v2/v3 in the store. The tap then serves v1 with a
 * sticky share of conversations mirrored to v3.
 */
export async function startDemoStack(deps: {
  config: Config;
  store: Store;
  redactionKey: string;
  logger: Logger;
  clock: Clock;
  random?: Random;
  /** Seeds the demo agents: reproducible replies whatever order requests arrive in. */
  seed?: number | undefined;
  stack: ShutdownStack;
  registry: Registry;
  /** v1's think time (v3 takes 3x). */
  latencyMs: number;
}): Promise<DemoStack> {
  const toolsUrl = await startDemoTools(deps.stack);
  const orders = {
    name: 'orders',
    baseUrl: toolsUrl,
    policy: 'record' as const,
    unmatchedReads: 'forward' as const,
    readMethods: ['GET', 'HEAD', 'OPTIONS'],
  };
  const base = deps.config;
  const config: Config = {
    ...base,
    // Ephemeral ports for what only the demo calls, so a second demo never collides.
    egress: { ...base.egress, port: 0, destinations: [orders] },
    tap: {
      ...base.tap,
      version: 'v1',
      shadow: { ...base.tap.shadow, version: 'v3', rate: 0.5, key: 'header:x-session-id' },
    },
  };
  const { listening } = await runEgress({ ...deps, config });
  const egressUrl = listening.url;
  const agents = await startDemoAgents({
    clock: deps.clock,
    ...(deps.random === undefined ? {} : { random: deps.random }),
    seed: deps.seed,
    latencyMs: deps.latencyMs,
    toolsUrl: `${egressUrl}/d/orders`,
    stack: deps.stack,
  });
  for (const version of Object.values(agents)) await deps.store.versions.upsert(version);
  return { config, version: agents.v1, shadowVersion: agents.v3, egressUrl };
}
