import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Clock, type Config, systemClock, systemRandom, type Version } from '@understudy/core';
import { createDemoAgentApp } from '@understudy/demo-agent';
import { createApp } from '@understudy/server';
import { openStore } from '@understudy/store';
import { Registry } from 'prom-client';
import { adminAccess } from '../admin-token.js';
import { startCanaryController } from '../canary-wiring.js';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { declaredVersions, planVersions, refuseSilentChanges, writeVersionPlan } from '../config-versions.js';
import { demoVersionName, startDemoTraffic } from '../demo-traffic.js';
import { runEgress, startDemoTools } from '../egress-wiring.js';
import { listen } from '../listen.js';
import { startOtelExport } from '../otel-wiring.js';
import { parseFlags, parsePort, parseUpstream } from '../parse-flags.js';
import { recordDepsFor } from '../record-deps.js';
import { drainMs, runTap } from '../run-tap.js';
import { readOrCreateRedactionKey } from '../secrets.js';
import { resolveShadowVersion, startShadowWorker } from '../shadow-wiring.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy start [--upstream URL] [--port 8080] [--control-port 8081] [--config FILE] [--apply-config]

Runs the tap, the control plane and the canary controller in one process. The tap serves the
route named by tap.version (default "stable"): its primary version, as the store says. A version
declared by --upstream or the config's "versions" is registered when the store lacks it; one
that differs from the store's is refused unless --apply-config. Nothing is written until every
port is listening, so a start that fails changes nothing. With no upstream anywhere (no flag, no
config entry, nothing in the store) it starts the embedded demo agent as version
"${demoVersionName}" (its own route, never yours) and a little demo traffic through the tap.

  --upstream URL       the agent to put the tap in front of (declares the tap's version)
  --port N             the tap's port (default: 8080)
  --control-port N     the control plane's port (default: 8081)
  --config FILE        a config file (default: ./understudy.config.json when present)
  --apply-config       replace stored versions that differ from the declared ones
`;

export const startCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values } = parseFlags(args, {
      upstream: { type: 'string' },
      port: { type: 'string' },
      'control-port': { type: 'string' },
      config: { type: 'string' },
      'apply-config': { type: 'boolean' },
    });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const upstream = parseUpstream(values.upstream);
    const { config, dbUrl, dataDir, file } = loadCliConfig(io, values.config, {
      tap: definedOnly({ port: parsePort('port', values.port) }),
      control: definedOnly({ port: parsePort('control-port', values['control-port']) }),
    });
    const clock = systemClock;
    const logger = createCliLogger(io, { readable: true });
    const access = adminAccess(config, systemRandom);
    const stack = new ShutdownStack();
    try {
      const store = await openStore({ url: dbUrl });
      stack.defer('close store', () => store.close());
      // Decide everything before writing anything: a start that fails (a port in use, a bad
      // declaration) must leave the store as it found it.
      const apply = values['apply-config'] === true;
      const declared = declaredVersions(config, file, { name: config.tap.version, upstream });
      const plan = await planVersions(store, declared);
      refuseSilentChanges(plan, apply);
      let version = declared.find((d) => d.version.name === config.tap.version)?.version ?? (await store.versions.get(config.tap.version));
      const demo = version === undefined;
      const redactionKey = config.tap.redaction.key ?? readOrCreateRedactionKey(dataDir, systemRandom);
      // One registry for tap and egress proxy, so the control plane's /metrics shows both.
      const registry = new Registry();
      // The egress proxy (issue 5) from egress.destinations; the demo puts its orders service behind one.
      const egressConfig = demo && config.egress.destinations.length === 0 ? withDemoTools(config, await startDemoTools(stack)) : config;
      const egress =
        egressConfig.egress.destinations.length === 0
          ? undefined
          : await runEgress({ config: egressConfig, store, redactionKey, logger, clock, stack, registry });
      const demoToolsUrl = demo && egress !== undefined ? `${egress.listening.url}/d/orders` : undefined;
      if (version === undefined)
        version = { name: demoVersionName, upstream: await startDemoAgent(clock, stack, demoToolsUrl), headers: {} };

      const shadowVersion = await resolveShadowVersion(config, store, [version]);
      const {
        tap,
        listening: tapServer,
        watcher,
      } = await runTap({
        config,
        version,
        store,
        dbUrl,
        redactionKey,
        logger,
        clock,
        stack,
        shadowVersion,
        registry,
      });
      startShadowWorker({ store, registry: tap.registry, clock, logger, stack });
      const control = createApp({
        store,
        tokens: access.tokens,
        ...(access.token === undefined ? {} : { adminToken: access.token }),
        registry: tap.registry,
        redactor: recordDepsFor(config, dataDir).redactor,
        clock,
        logger: logger.child({ role: 'control' }),
      });
      stack.defer('stop replay runs', () => control.close());
      const controlServer = await listen(control, { name: 'control plane', host: access.host, port: config.control.port, clock });
      stack.defer('stop control server', () => controlServer.close(drainMs));

      // Up: now the declared versions, the demo's own version and the tap's route are written.
      await writeVersionPlan(store, plan, { apply, report: (line) => io.stderr(`${line}\n`) });
      if (demo) await store.versions.upsert(version);
      const route = await store.routing.ensure(version.name, version.name, clock.now());
      await watcher.refresh();
      const served = (route.primary === version.name ? version : await store.versions.get(route.primary)) ?? version;
      startCanaryController({ store, clock, logger, stack, retention: config.retention });
      startOtelExport({ config, env: io.env, store, clock, logger, stack, registry: tap.registry });

      io.stdout(
        banner({
          tapUrl: tapServer.url,
          controlUrl: controlServer.url,
          version: served,
          route: route.route,
          demo,
          dbUrl,
          token: access.token ?? '',
          generated: access.generated,
          egress: egress === undefined ? undefined : { url: egress.listening.url, destinations: egressConfig.egress.destinations },
        }),
      );
      if (demo) {
        const traffic = startDemoTraffic({ tapUrl: tapServer.url, clock, random: systemRandom, logger: logger.child({ role: 'demo' }) });
        stack.defer('stop demo traffic', () => traffic.stop());
      }
      await untilAborted(signal);
      logger.info('shutting down: draining requests and flushing captures');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};

/** The demo's egress destination: the embedded orders service, recorded live and answered in shadow. */
function withDemoTools(config: Config, toolsUrl: string): Config {
  const orders = {
    name: 'orders',
    baseUrl: toolsUrl,
    policy: 'record' as const,
    unmatchedReads: 'forward' as const,
    readMethods: ['GET', 'HEAD', 'OPTIONS'],
  };
  // An ephemeral port: only the embedded demo agent calls it, and a second demo must not collide.
  return { ...config, egress: { ...config.egress, port: 0, destinations: [orders] } };
}

/**
 * The embedded demo agent (good variant) on an ephemeral loopback port; returns its URL. With
 * `toolsUrl` it runs its tools (the orders service) through the egress proxy.
 */
async function startDemoAgent(clock: Clock, stack: ShutdownStack, toolsUrl?: string): Promise<string> {
  const app = createDemoAgentApp({
    variant: 'good',
    clock,
    random: systemRandom,
    latencyMs: 150,
    ...(toolsUrl === undefined ? {} : { tools: { baseUrl: toolsUrl } }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  stack.defer('stop demo agent', () => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function banner(o: {
  tapUrl: string;
  controlUrl: string;
  version: Version;
  route: string;
  demo: boolean;
  dbUrl: string;
  token: string;
  generated: boolean;
  egress: { url: string; destinations: readonly { name: string; baseUrl: string; policy: string }[] } | undefined;
}): string {
  const upstream = o.demo ? `${o.version.upstream} (embedded demo agent)` : o.version.upstream;
  const tokenLine = o.generated
    ? `  admin token  ${o.token}  (generated for this run; set UNDERSTUDY_ADMIN_TOKEN to keep one)`
    : '  admin token  from UNDERSTUDY_ADMIN_TOKEN / config';
  const bearer = o.generated ? o.token : '$UNDERSTUDY_ADMIN_TOKEN';
  return [
    '',
    'Understudy is running.',
    `  tap          ${o.tapUrl}  → version ${o.version.name} at ${upstream}${o.route === o.version.name ? '' : ` (route ${o.route})`}`,
    `  control      ${o.controlUrl}`,
    ...(o.egress === undefined
      ? []
      : [`  egress       ${o.egress.url}  → ${o.egress.destinations.map((d) => `/d/${d.name} → ${d.baseUrl} (${d.policy})`).join(', ')}`]),
    tokenLine,
    `  database     ${o.dbUrl}`,
    '',
    'Recent captures:',
    `  curl -s -H "Authorization: Bearer ${bearer}" '${o.controlUrl}/api/exchanges?limit=5'`,
    o.demo
      ? '\nDemo traffic: one request through the tap every 2 s (150 at most). Ctrl-C stops, flushing captures.'
      : '\nCtrl-C stops, flushing captures.',
    '',
    '',
  ].join('\n');
}
