import { createCanaryService } from '@understudy/canary';
import { type Clock, type Logger, systemClock, systemRandom, type Version } from '@understudy/core';
import type { Replayer } from '@understudy/replay';
import { openStore, type Store } from '@understudy/store';
import { Registry } from 'prom-client';
import { adminAccess } from '../admin-token.js';
import { startCanaryController } from '../canary-wiring.js';
import { definedOnly, loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode } from '../cli-io.js';
import { createCliLogger } from '../cli-logger.js';
import { type CompareWiring, compareWiring, tapProcessCompareThreads } from '../compare-wiring.js';
import { declaredVersions, planVersions, refuseSilentChanges, writeVersionPlan } from '../config-versions.js';
import { runControlPlane } from '../control-plane-wiring.js';
import { demoVersionName } from '../demo/demo-agents.js';
import { runDemoScenario } from '../demo/demo-scenario.js';
import { startDemoStack } from '../demo/demo-stack.js';
import { formatDemoSummary } from '../demo/format-demo-summary.js';
import { runEgress } from '../egress-wiring.js';
import { startOtelExport } from '../otel-wiring.js';
import { parseFlags, parsePort, parseUpstream } from '../parse-flags.js';
import { runTap } from '../run-tap.js';
import { redactionKeyOf } from '../secrets.js';
import { resolveShadowVersion, startShadowWorker } from '../shadow-wiring.js';
import { shownUrl } from '../shown-url.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import type { Command } from './command.js';

const usage = `Usage: understudy start [--upstream URL] [--port 8080] [--control-port 8081] [--config FILE] [--apply-config]

Runs the tap, the control plane and the canary controller in one process. The tap serves the
route named by tap.version (default "stable"): its primary version, as the store says. A version
declared by --upstream or the config's "versions" is registered when the store lacks it; one
that differs from the store's is refused unless --apply-config. Nothing is written until every
port is listening, so a start that fails changes nothing. With no upstream anywhere (no flag, no
config entry, nothing in the store) it runs the demo on its own route "${demoVersionName}": three
versions of a support agent (v1 in production, v2 a good rewrite, v3 a regressed one) with their
tools behind the egress proxy, customer conversations through the tap with live shadow copies to
v3, a replay gate, then a canary for v3 (rolled back by its gates) and one for v2 (promoted) — all
visible in the dashboard, whose sign-in link is printed. The live shadow's comparisons and replays
started over the API compare as the config's "compare" section says, with its comparator module
and its optional LLM judge (compare.judge: one per process, its cache and budget shared).

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
      const redactionKey = redactionKeyOf(config, dataDir);
      const store = await openStore({ url: dbUrl, logger, redactionKey });
      stack.defer('close store', () => store.close());
      // Decide everything before writing anything: a start that fails (a port in use, a bad
      // declaration) must leave the store as it found it.
      const apply = values['apply-config'] === true;
      const declared = declaredVersions(config, file, { name: config.tap.version, upstream });
      const plan = await planVersions(store, declared);
      refuseSilentChanges(plan, apply);
      // One way to compare for the whole process (one judge: its cache and budget are shared by
      // the live shadow and every replay run, however started); a comparator module that cannot
      // load stops the start here, before anything listens.
      const compareRegistry = new Registry();
      const compare = await compareWiring(config, io, {}, { registry: compareRegistry, compareThreads: tapProcessCompareThreads });
      stack.defer('close the judge', () => compare.close());
      let version = declared.find((d) => d.version.name === config.tap.version)?.version ?? (await store.versions.get(config.tap.version));
      const demo = version === undefined;
      // Each listener serves its own registry (the tap's /_understudy/metrics needs no token, so
      // it must show the tap's counters only); the control plane's /metrics merges them all.
      const tapRegistry = new Registry();
      const egressRegistry = new Registry();
      let runConfig = config;
      let shadowVersion: Version | undefined;
      let egressShown: { url: string; destinations: readonly { name: string; baseUrl: string; policy: string }[] } | undefined;
      if (version === undefined) {
        // The demo: v1/v2/v3 with their tools behind the egress proxy; the tap serves v1 and mirrors v3.
        const d = await startDemoStack({ config, store, redactionKey, logger, clock, stack, registry: egressRegistry, latencyMs: 150 });
        runConfig = d.config;
        version = d.version;
        shadowVersion = d.shadowVersion;
        egressShown = { url: d.egressUrl, destinations: d.config.egress.destinations };
      } else {
        // The egress proxy (issue 5) from egress.destinations.
        if (config.egress.destinations.length > 0) {
          const egress = await runEgress({ config, store, redactionKey, logger, clock, stack, registry: egressRegistry });
          egressShown = { url: egress.listening.url, destinations: config.egress.destinations };
        }
        shadowVersion = await resolveShadowVersion(config, store, [version]);
      }
      const { listening: tapServer, watcher } = await runTap({
        config: runConfig,
        version,
        store,
        dbUrl,
        dataDir,
        redactionKey,
        logger,
        clock,
        stack,
        shadowVersion,
        registry: tapRegistry,
      });
      const registry = Registry.merge([tapRegistry, egressRegistry, compareRegistry]);
      startShadowWorker({ store, registry, clock, logger, stack, compare });
      const { listening: controlServer, replayer } = await runControlPlane({
        config,
        dataDir,
        store,
        compare,
        access,
        registry,
        clock,
        logger,
        stack,
      });

      // Up: now the declared versions, the demo's own version and the tap's route are written.
      await writeVersionPlan(store, plan, { apply, report: (line) => io.stderr(`${line}\n`) });
      if (demo) await store.versions.upsert(version);
      const route = await store.routing.ensure(version.name, version.name, clock.now());
      await watcher.refresh();
      const served = (route.primary === version.name ? version : await store.versions.get(route.primary)) ?? version;
      startCanaryController({ store, clock, logger, stack, retention: config.retention });
      startOtelExport({ config, env: io.env, store, clock, logger, stack, registry });

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
          egress: egressShown,
        }),
      );
      if (demo) startLiveDemo({ store, tapUrl: tapServer.url, replayer, compare, clock, logger, stack, io });
      await untilAborted(signal);
      logger.info('shutting down: draining requests and flushing captures');
      return exitCode.ok;
    } finally {
      await stack.unwind(logger);
    }
  },
};

/**
 * The demo scenario at a pace a person can follow in the dashboard: capture, replay gate, a
 * canary for v3 (rolled back by its gates) then for v2 (promoted). Stopped by Ctrl-C.
 */
function startLiveDemo(deps: {
  store: Store;
  tapUrl: string;
  /** The process's (its redactor holds the tap's key: it signs correlation values the egress proxy verifies). */
  replayer: Replayer;
  /** Its judge's figures close the summary. */
  compare: CompareWiring;
  clock: Clock;
  logger: Logger;
  stack: ShutdownStack;
  io: CliIo;
}): void {
  const stop = new AbortController();
  const canaries = createCanaryService({ store: deps.store, clock: deps.clock, random: systemRandom, logger: deps.logger });
  const started = deps.clock.monotonic();
  const scenario = runDemoScenario({
    store: deps.store,
    tapUrl: deps.tapUrl,
    replayer: deps.replayer,
    canaries,
    clock: deps.clock,
    random: systemRandom,
    logger: deps.logger,
    pace: 'live',
    signal: stop.signal,
    onPhase: (text) => deps.logger.info(`demo ${text.trim()}`),
  }).then(
    (summary) => deps.io.stdout(formatDemoSummary(summary, (deps.clock.monotonic() - started) / 1000, deps.compare.judge?.stats())),
    (error: unknown) => {
      if (!stop.signal.aborted) deps.logger.warn({ err: error }, 'the demo scenario stopped');
    },
  );
  deps.stack.defer('stop the demo', async () => {
    stop.abort();
    await scenario;
  });
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
  // As a log line shows a URL: no password, query or fragment (an upstream may carry `?api_key=…`).
  const upstream = o.demo ? `${o.version.upstream} (embedded demo agent v1; v2 and v3 beside it)` : shownUrl(o.version.upstream);
  const tokenLine = o.generated
    ? `  admin token  ${o.token}  (generated for this run; set UNDERSTUDY_ADMIN_TOKEN to keep one)`
    : '  admin token  from UNDERSTUDY_ADMIN_TOKEN / config';
  const bearer = o.generated ? o.token : '$UNDERSTUDY_ADMIN_TOKEN';
  return [
    '',
    'Understudy is running.',
    `  tap          ${o.tapUrl}  → version ${o.version.name} at ${upstream}${o.route === o.version.name ? '' : ` (route ${o.route})`}`,
    `  control      ${o.controlUrl}`,
    `  dashboard    ${o.controlUrl}/`,
    ...(o.generated ? [`  sign in      ${o.controlUrl}/login#token=${o.token}`] : []),
    ...(o.egress === undefined
      ? []
      : [
          `  egress       ${o.egress.url}  → ${o.egress.destinations.map((d) => `/d/${d.name} → ${shownUrl(d.baseUrl)} (${d.policy})`).join(', ')}`,
        ]),
    tokenLine,
    `  database     ${o.dbUrl}`,
    '',
    'Recent captures:',
    `  curl -s -H "Authorization: Bearer ${bearer}" '${o.controlUrl}/api/exchanges?limit=5'`,
    o.demo
      ? '\nThe demo runs for a few minutes: watch it in the dashboard. Ctrl-C stops, flushing captures.'
      : '\nCtrl-C stops, flushing captures.',
    '',
    '',
  ].join('\n');
}
