import { type Clock, type Random, systemRandom, type Version } from '@understudy/core';
import { createDemoAgentApp, type Variant } from '@understudy/demo-agent';
import { type Listening, listen } from '../listen.js';
import { drainMs } from '../run-tap.js';
import type { ShutdownStack } from '../shutdown-stack.js';

/** The route (and version) the demo's tap serves: v1, production. */
export const demoVersionName = 'v1';

/** The demo's three agent versions, named as the store knows them. */
export const demoVersions = ['v1', 'v2', 'v3'] as const;
export type DemoVersionName = (typeof demoVersions)[number];

/** Serves one demo agent variant; closed by `stack`. */
export async function serveDemoAgent(deps: {
  variant: Variant;
  host: string;
  port: number;
  clock: Clock;
  random?: Random;
  /** Reproducible replies whatever order requests arrive in (the demo agent's `seed`). */
  seed?: number | undefined;
  latencyMs: number;
  toolsUrl?: string | undefined;
  stack: ShutdownStack;
}): Promise<Listening> {
  const app = createDemoAgentApp({
    variant: deps.variant,
    clock: deps.clock,
    random: deps.random ?? systemRandom,
    ...(deps.seed === undefined ? {} : { seed: deps.seed }),
    latencyMs: deps.latencyMs,
    ...(deps.toolsUrl === undefined ? {} : { tools: { baseUrl: deps.toolsUrl } }),
  });
  const listening = await listen(app, { name: `demo agent ${deps.variant}`, host: deps.host, port: deps.port, clock: deps.clock });
  deps.stack.defer(`stop demo agent ${deps.variant}`, () => listening.close(drainMs));
  return listening;
}

/**
 * v1 (production), v2 (a good rewrite) and v3 (regressed) on ephemeral loopback ports, each
 * running its tools through `toolsUrl` (the egress proxy) when given. Returns their versions,
 * the `x-prompt-version` header telling them apart as two prompts behind one service would.
 */
export async function startDemoAgents(deps: {
  clock: Clock;
  random?: Random;
  /** Seeds the three agents (each its own, derived from this one). */
  seed?: number | undefined;
  latencyMs: number;
  toolsUrl?: string | undefined;
  stack: ShutdownStack;
}): Promise<Record<DemoVersionName, Version>> {
  const out: Partial<Record<DemoVersionName, Version>> = {};
  for (const [i, name] of demoVersions.entries()) {
    const seed = deps.seed === undefined ? undefined : deps.seed * demoVersions.length + i;
    const listening = await serveDemoAgent({ ...deps, seed, variant: name, host: '127.0.0.1', port: 0 });
    out[name] = { name, upstream: listening.url, headers: { 'x-prompt-version': name.slice(1) } };
  }
  return out as Record<DemoVersionName, Version>;
}
