import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Clock, type Config, type EgressDestinationConfig, type EgressPolicy, egressPolicies, type Logger } from '@understudy/core';
import { createDemoToolsApp } from '@understudy/demo-agent';
import { createEgress, type Egress } from '@understudy/egress';
import type { Store } from '@understudy/store';
import type { Registry } from 'prom-client';
import { UsageError } from './cli-io.js';
import { type Listening, listen } from './listen.js';
import { drainMs } from './run-tap.js';
import type { ShutdownStack } from './shutdown-stack.js';

/** A `--destination NAME=URL[:record|passthrough|block]` flag (policy `record` when left out). */
export function parseDestinationFlag(value: string): Pick<EgressDestinationConfig, 'name' | 'baseUrl' | 'policy'> {
  const eq = value.indexOf('=');
  const name = eq === -1 ? '' : value.slice(0, eq);
  let rest = eq === -1 ? '' : value.slice(eq + 1);
  let policy: EgressPolicy = 'record';
  const colon = rest.lastIndexOf(':');
  const suffix = colon === -1 ? '' : rest.slice(colon + 1);
  if ((egressPolicies as readonly string[]).includes(suffix)) {
    policy = suffix as EgressPolicy;
    rest = rest.slice(0, colon);
  }
  let url: URL | undefined;
  try {
    url = new URL(rest);
  } catch {
    url = undefined;
  }
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(name) || url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`--destination must be NAME=URL[:record|passthrough|block], got "${value}"`);
  }
  return { name, baseUrl: rest, policy };
}

/**
 * Config destinations with the flags' on top: a flag replaces the config entry of the same
 * name, the others are kept (flags go through the config schema afterwards, like the file).
 */
export function mergeDestinations(
  configured: readonly EgressDestinationConfig[],
  flags: readonly Pick<EgressDestinationConfig, 'name' | 'baseUrl' | 'policy'>[],
): Pick<EgressDestinationConfig, 'name' | 'baseUrl' | 'policy'>[] {
  const named = new Set(flags.map((f) => f.name));
  return [...configured.filter((d) => !named.has(d.name)), ...flags];
}

/** Creates the egress proxy over the store and serves it; closed by `stack` on shutdown. */
export async function runEgress(deps: {
  config: Config;
  store: Store;
  redactionKey: string;
  logger: Logger;
  clock: Clock;
  stack: ShutdownStack;
  /** Shared with the tap, so the control plane's `/metrics` shows egress counters too. */
  registry?: Registry;
}): Promise<{ egress: Egress; listening: Listening }> {
  const egress = createEgress({
    config: deps.config.egress,
    store: deps.store,
    redactionKey: deps.redactionKey,
    redaction: deps.config.tap.redaction,
    pricing: deps.config.tap.pricing,
    clock: deps.clock,
    logger: deps.logger.child({ role: 'egress' }),
    ...(deps.registry === undefined ? {} : { registry: deps.registry }),
  });
  deps.stack.defer('flush tool-call recordings', () => egress.close());
  const listening = await listen(egress.app, {
    name: 'egress proxy',
    host: deps.config.egress.host,
    port: deps.config.egress.port,
    clock: deps.clock,
  });
  deps.stack.defer('stop egress server', () => listening.close(drainMs));
  return { egress, listening };
}

/** The demo orders service on an ephemeral loopback port; returns its URL. */
export async function startDemoTools(stack: ShutdownStack): Promise<string> {
  const tools = createDemoToolsApp();
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: tools.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  stack.defer('stop demo tools', () => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
