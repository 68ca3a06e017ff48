import { userInfo } from 'node:os';
import {
  type CanaryAction,
  canaryActions,
  canarySpecSchema,
  createCanaryService,
  gateName,
  strictestRequestGate,
} from '@understudy/canary';
import { holdEventLoop, systemClock, systemRandom, urlForLog } from '@understudy/core';
import { type CanaryEvent, openStore, type Store } from '@understudy/store';
import { integer, specFromFlags } from '../canary-spec-flags.js';
import { canaryProgress, formatCanaryStatus, lastAnalysis, lastEvents } from '../canary-status.js';
import { startCanaryController } from '../canary-wiring.js';
import { loadCliConfig } from '../cli-config.js';
import { type CliIo, exitCode, UsageError } from '../cli-io.js';
import { applyDeclaredVersions, declaredVersions } from '../config-versions.js';
import { parseFlags } from '../parse-flags.js';
import { logFormatFlag, roleOutput } from '../role-output.js';
import { redactionKeyOf } from '../secrets.js';
import { ShutdownStack, untilAborted } from '../shutdown-stack.js';
import { withStore } from '../with-store.js';
import type { Command } from './command.js';

const usage = `Usage: understudy canary start --candidate NAME [--stable NAME] [--steps 1,5,25,50,100]
                              [--interval 30s] [--sticky header:NAME|cookie:NAME|json:$.path]
                              [--min-requests N] [--min-duration 1m] [--approve STEP]...
                              [--gate KIND:THRESHOLD[:critical]]... [--webhook URL]...
                              [--no-fallback] [--require-shadow] [--spec FILE] [--json]
                              [--apply-config] [--actor NAME] [--allow-weak-evidence]
       understudy canary status ID [--json] [--tail N]
       understudy canary verify ID [--json]
       understudy canary pause|resume|approve|promote|rollback ID [--reason TEXT]
       understudy canary list [--json]
       understudy canary run [--holder NAME] [--log-format json|pretty]

Moves live traffic from --stable (default: the version the route now serves, so the canary
after a promotion starts from the promoted version) to --candidate step by step, checking
gates every --interval, and rolls back by itself when one breaks. "start" prints the canary
id; the controller (in "understudy start", or "understudy canary run") does the rest. Versions
must exist ("understudy versions add"). Every decision is in a hash-chained ledger: "status"
prints each gate's last verdict (estimate, bound, n), the progress toward the next step
(requests n/min, time elapsed/min, gates still short of their minimum samples) and the
ledger (--tail N: its last N events); "verify" checks the chain (exit 1 when broken).
A step ends only when every traffic gate (webhook and optional gates aside) has its minimum
samples of the candidate in the step.

  --steps LIST          candidate weights in percent, increasing (default 1,5,25,50,100)
  --min-requests N      candidate requests each step needs before the next (default 50);
                        below a gate's minSamples it is refused
  --allow-weak-evidence accept a --min-requests below a gate's minSamples, or a divergence
                        gate with no shadow of the candidate and no replay run against it
  --min-duration D      how long each step lasts at least (e.g. 30s, 5m; default 0)
  --approve STEP        wait for "canary approve ID" before entering step number STEP (1-based)
  --gate K:T[:critical] error_rate, latency, latency_p95, latency_p99, divergence, cost or
                        tokens, with the tolerated
                        worsening (error_rate/divergence: absolute, e.g. 0.01; others: relative,
                        e.g. 0.1 = 10 %); default error_rate:0.01 and latency:0.1
  --webhook URL         called on pre-rollout, step, confirm-promotion, rollback and event
  --no-fallback         do not serve a failed candidate request again from stable
  --require-shadow      wait for a passing replay / live-shadow verdict before live traffic
  --spec FILE           a JSON canary spec (flags override its fields)
  --reason TEXT         recorded with a manual action
  --holder NAME         this controller's lease name (default host:pid)
  --actor NAME          who acts, as recorded in the ledger (default cli:<your user name>)
  --apply-config        replace stored versions that differ from the config's "versions"
`;

const flags = {
  candidate: { type: 'string' },
  stable: { type: 'string' },
  steps: { type: 'string' },
  interval: { type: 'string' },
  sticky: { type: 'string' },
  'min-requests': { type: 'string' },
  'min-duration': { type: 'string' },
  approve: { type: 'string', multiple: true },
  gate: { type: 'string', multiple: true },
  webhook: { type: 'string', multiple: true },
  'no-fallback': { type: 'boolean' },
  'require-shadow': { type: 'boolean' },
  spec: { type: 'string' },
  reason: { type: 'string' },
  holder: { type: 'string' },
  ...logFormatFlag,
  json: { type: 'boolean' },
  config: { type: 'string' },
  actor: { type: 'string' },
  tail: { type: 'string' },
  'allow-weak-evidence': { type: 'boolean' },
  'apply-config': { type: 'boolean' },
} as const;

export const canaryCommand: Command = {
  async run(args: string[], io: CliIo, signal?: AbortSignal): Promise<number> {
    const { values, positionals } = parseFlags(args, flags, { positionals: true });
    if (values.help === true) {
      io.stdout(usage);
      return exitCode.ok;
    }
    const [action, id, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const actor = values.actor ?? `cli:${io.env.USER ?? io.env.LOGNAME ?? userInfo().username}`;
    if (actor.trim() === '' || actor.length > 128) throw new UsageError('--actor must be 1 to 128 characters');
    if (action === 'run') return runController(io, values.config, values.holder, values['log-format'], signal);
    return withStore(io, values.config, async (store) => {
      const service = createCanaryService({ store, clock: systemClock, random: systemRandom });
      if (action === 'start') {
        if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`);
        const { config, file } = loadCliConfig(io, values.config);
        await applyDeclaredVersions(store, declaredVersions(config, file), {
          apply: values['apply-config'] === true,
          report: (line) => io.stderr(`${line}\n`),
        });
        const spec = specFromFlags(io, values);
        if (values['allow-weak-evidence'] === true) spec.allowWeakEvidence = true;
        else refuseWeakMinRequests(values['min-requests'], spec);
        const canary = await service.create(spec, actor);
        io.stdout(values.json === true ? `${JSON.stringify(canary, null, 2)}\n` : `${canary.id}\n`);
        return exitCode.ok;
      }
      if (action === 'list') {
        const items = await service.list();
        io.stdout(
          values.json === true
            ? `${JSON.stringify(items, null, 2)}\n`
            : items.map((c) => `${c.id}  ${c.state.padEnd(17)} ${c.stable} → ${c.candidate} at ${c.weight}%\n`).join(''),
        );
        return exitCode.ok;
      }
      if (id === undefined)
        throw new UsageError(
          action === undefined
            ? 'canary needs an action (start, status, verify, list, run, pause, resume, approve, promote, rollback)'
            : `canary ${action} needs an ID`,
        );
      if (action === 'status') {
        const canary = await service.get(id);
        const events = await allEvents(store, id);
        const routing = await store.routing.get((canary.spec as { route?: string }).route ?? canary.stable);
        const now = systemClock.now();
        const tail = values.tail === undefined ? undefined : integer('tail', values.tail);
        const shown = lastEvents(events, tail);
        if (values.json === true) {
          const gates = lastAnalysis(events)?.data.gates ?? [];
          const progress = canaryProgress(canary, events, now);
          io.stdout(`${JSON.stringify({ canary, routing: routing ?? null, progress, gates, events: shown }, null, 2)}\n`);
        } else io.stdout(formatCanaryStatus(canary, events, now, tail));
        return exitCode.ok;
      }
      if (action === 'verify') {
        const result = await service.verify(id);
        if (values.json === true) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        else
          io.stdout(
            result.ok
              ? `ledger ok: ${result.events} events, hash chain intact\n`
              : `ledger BROKEN at event ${result.brokenAt}: ${result.reason}\n`,
          );
        return result.ok ? exitCode.ok : exitCode.breached;
      }
      if (action !== undefined && (canaryActions as readonly string[]).includes(action)) {
        const canary = await service.act(id, action as CanaryAction, actor, values.reason);
        io.stdout(values.json === true ? `${JSON.stringify(canary, null, 2)}\n` : `${canary.id}: ${canary.state} at ${canary.weight}%\n`);
        return exitCode.ok;
      }
      throw new UsageError(`unknown canary action "${action}"`);
    });
  },
};

/**
 * A `--min-requests` below a traffic gate's `minSamples` promises steps the gate cannot judge:
 * refused with one line naming both numbers, unless --allow-weak-evidence.
 */
function refuseWeakMinRequests(flag: string | undefined, spec: Record<string, unknown>): void {
  if (flag === undefined) return;
  const minRequests = integer('min-requests', flag);
  const gates = canarySpecSchema.shape.gates.safeParse(spec.gates);
  if (!gates.success) return; // the service names the bad gate
  const strictest = strictestRequestGate({ gates: gates.data });
  if (strictest === undefined || minRequests >= strictest.minSamples) return;
  throw new UsageError(
    `--min-requests ${minRequests} is below gate ${gateName(strictest)}'s minSamples ${strictest.minSamples}: its verdict would still be ` +
      `"hold" when a step's minimum is met; raise --min-requests to ${strictest.minSamples} or pass --allow-weak-evidence`,
  );
}

async function allEvents(store: Store, id: string): Promise<CanaryEvent[]> {
  const out: CanaryEvent[] = [];
  for (let page = 0; page < 100; page++) {
    const items = await store.canaries.events(id, { afterSeq: out.at(-1)?.seq ?? 0, limit: 1000 });
    out.push(...items);
    if (items.length < 1000) break;
  }
  return out;
}

async function runController(
  io: CliIo,
  configFlag: string | undefined,
  holder: string | undefined,
  logFormat: unknown,
  signal?: AbortSignal,
): Promise<number> {
  const { dbUrl, config, dataDir } = loadCliConfig(io, configFlag);
  const out = roleOutput(io, logFormat);
  const logger = out.logger;
  const stack = new ShutdownStack();
  try {
    const store = await openStore({ url: dbUrl, redactionKey: redactionKeyOf(config, dataDir) });
    stack.defer('close store', () => store.close());
    startCanaryController({
      store,
      clock: systemClock,
      logger,
      stack,
      retention: config.retention,
      ...(holder === undefined ? {} : { holder }),
    });
    out.banner('Understudy canary controller is running.', [
      ['holder', holder ?? 'this host:pid'],
      ['database', urlForLog(dbUrl)],
    ]);
    logger.info({ db: urlForLog(dbUrl) }, 'canary controller running');
    // Running the controller is this command's whole job: hold the loop until the signal comes.
    const hold = holdEventLoop();
    stack.defer('release the event loop', async () => hold.release());
    await untilAborted(signal);
    return exitCode.ok;
  } finally {
    await stack.unwind(logger);
  }
}
