import { type Clock, type Logger, silentLogger } from '@understudy/core';
import type { CanaryChange, LeaseFence, Store } from '@understudy/store';
import { Agent, type Dispatcher } from 'undici';
import { type AnalysisSource, storeAnalysisSource } from './analysis-source.js';
import { askWebhookGates } from './ask-webhook-gates.js';
import { type CanaryView, viewCanary } from './canary-view.js';
import { decideStep } from './decide-step.js';
import { type DivergenceSource, storeDivergenceSource } from './divergence-source.js';
import { evaluateGates } from './evaluate-gates.js';
import { createNotifier, hooksAllow } from './notifier.js';
import { canaryWindow, type SampleWindow, stepWindow } from './sample-window.js';
import { type ShadowVerdictSource, storeShadowVerdictSource } from './shadow-verdict.js';
import * as t from './transitions.js';

export interface CanaryControllerDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** This instance's name in the lease (host:pid); a restart with the same name resumes at once. */
  readonly holder: string;
  readonly logger?: Logger;
  /** For webhooks; created (and closed on stop) when omitted. */
  readonly dispatcher?: Dispatcher;
  /** Live traffic per arm; the store's analysis repository by default. */
  readonly analysis?: AnalysisSource;
  readonly divergence?: DivergenceSource;
  readonly shadowVerdicts?: ShadowVerdictSource;
  /** How long a lease lasts without renewal (default 10 s). */
  readonly leaseTtlMs?: number;
  /** How often the controller wakes to look at timers (default 250 ms). */
  readonly tickMs?: number;
}

export interface CanaryController {
  /** One pass: take or renew the lease, then act on every canary whose timer is due. */
  tick(): Promise<{ leader: boolean; acted: number }>;
  start(): void;
  /** Stops ticking, waits for a running tick, and releases the lease. */
  stop(): Promise<void>;
}

const leaseName = 'canary-controller';
const actor = 'controller';
// Awaiting approval is still watched: the candidate keeps its traffic while a human decides.
const active = ['pending', 'shadow', 'progressing', 'awaiting_approval'];
const pageSize = 100;
// A bound on one tick's walk (100 000 active canaries), far past any real fleet.
const maxPages = 1000;

/**
 * The canary controller. It keeps no state of its own: every timer is a stored timestamp and
 * every change is a generation-guarded transaction with its ledger events, so a controller
 * killed at any point (even SIGKILL) is replaced by one that carries on at the same step.
 */
export function createCanaryController(deps: CanaryControllerDeps): CanaryController {
  const logger = deps.logger ?? silentLogger;
  const ownDispatcher =
    deps.dispatcher === undefined ? new Agent({ connections: 8, headersTimeout: 30_000, bodyTimeout: 30_000 }) : undefined;
  const dispatcher = deps.dispatcher ?? (ownDispatcher as Dispatcher);
  const notifier = createNotifier(dispatcher, logger);
  const divergence = deps.divergence ?? storeDivergenceSource(deps.store);
  const traffic = deps.analysis ?? storeAnalysisSource(deps.store);
  const verdicts = deps.shadowVerdicts ?? storeShadowVerdictSource(deps.store, divergence);
  const ttl = deps.leaseTtlMs ?? 10_000;
  let timer: { cancel(): void } | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;

  // The lease this tick acts under; every change is fenced by it (a stale fence applies nothing).
  let fence: LeaseFence | undefined;
  const apply = async (view: CanaryView, change: CanaryChange): Promise<boolean> => {
    const applied = await deps.store.canaries.apply(view.record.id, change, fence);
    if (applied === null) return false;
    const after = viewCanary(applied.canary);
    await notifier.events(after, change.at, change.events);
    if (after.state === 'rolled_back') await notifier.call(after, 'rollback', change.at);
    else if (change.action.startsWith('step:')) await notifier.call(after, 'step', change.at);
    return true;
  };

  const process = async (view: CanaryView, now: number): Promise<boolean> => {
    const ctx = { view, now, actor };
    switch (view.state) {
      case 'pending': {
        const pre = hooksAllow(await notifier.call(view, 'pre-rollout', now));
        if (!pre.ok) return apply(view, t.abort(ctx, `pre-rollout webhook refused: ${pre.reason}`));
        if (view.spec.requireShadowVerdict) return apply(view, t.enterShadow(ctx));
        return apply(view, view.spec.steps[0]?.approval ? t.awaitApproval(ctx, 0) : t.enterStep(ctx, 0));
      }
      case 'shadow': {
        const verdict = await verdicts.verdict({
          candidate: view.spec.candidate,
          stable: view.spec.stable,
          since: view.record.createdAt,
          until: now,
        });
        const evidence = { type: 'shadow_verdict', actor, data: { ...verdict, configHash: view.configHash } };
        if (verdict.outcome === 'fail') return apply(view, t.abort(ctx, `shadow verdict failed: ${verdict.reason}`, [evidence]));
        if (verdict.outcome === 'pass')
          return apply(view, view.spec.steps[0]?.approval ? t.awaitApproval(ctx, 0, [evidence]) : t.enterStep(ctx, 0, [evidence]));
        return apply(view, t.recordAnalysis(ctx, {}, [evidence]));
      }
      case 'progressing':
      case 'awaiting_approval':
        return analyse(view, now);
      default:
        return false;
    }
  };

  const analyse = async (view: CanaryView, now: number): Promise<boolean> => {
    const { spec, record } = view;
    const ctx = { view, now, actor };
    const since = record.analysisStartedAt ?? record.createdAt;
    // The current step, where every gate's sample minimum is counted and the divergence gate judges
    // besides the whole canary (a candidate that turns bad mid-ramp is not diluted by its good past).
    const step = stepWindow(spec, record.stepIndex, record.stepStartedAt ?? since, now);
    const whole = canaryWindow(record.stepIndex, since, now);
    const divergenceGated = spec.gates.some((g) => g.kind === 'divergence');
    const comparisons = (w: SampleWindow) =>
      divergenceGated
        ? divergence.counts({ candidate: spec.candidate, stable: spec.stable, since: w.from, until: w.to + 1 })
        : Promise.resolve(null);
    const [stable, candidate, inStep, divInCanary, divInStep] = await Promise.all([
      traffic.armStats({ version: spec.stable, since, until: now + 1 }),
      traffic.armStats({ version: spec.candidate, since, until: now + 1 }),
      traffic.liveRequests({ version: spec.candidate, since: step.from, until: step.to + 1 }),
      comparisons(whole),
      comparisons(step),
    ]);
    const comparisonsInStep = divInStep?.candidate.n ?? 0;
    // The cost and tokens gates' samples in the step: requests that reported a cost or usage.
    const usageGated = spec.gates.some((g) => g.kind === 'cost' || g.kind === 'tokens');
    const usage = usageGated
      ? await traffic
          .armStats({ version: spec.candidate, since: step.from, until: step.to + 1 }, { latencies: false })
          .then((arm) => ({ cost: arm.cost.n, tokens: arm.tokens.n }))
      : undefined;
    // Per-step strata for the error-rate gate: within a step both arms share the same hours.
    const strata = spec.gates.some((g) => g.kind === 'error_rate') ? await stepStrata(view, now) : undefined;
    const webhooks = await askWebhookGates(dispatcher, view, since, now);
    const look = record.looks + 1;
    const gateVerdicts = evaluateGates(spec, {
      stable,
      candidate,
      divergence: divergenceGated
        ? [
            { counts: divInCanary, window: whole },
            { counts: divInStep, window: step },
          ]
        : [],
      look,
      webhooks,
      ...(strata === undefined ? {} : { strata }),
    });
    const { decision, consecutiveFailures } = decideStep({
      spec,
      stepIndex: record.stepIndex,
      stepStartedAt: step.from,
      now,
      candidateRequestsInStep: inStep,
      candidateComparisonsInStep: comparisonsInStep,
      ...(usage === undefined ? {} : { candidateUsageInStep: usage }),
      verdicts: gateVerdicts,
      consecutiveFailures: record.consecutiveFailures,
    });
    const analysis = {
      type: 'analysis',
      actor,
      data: {
        look,
        window: { from: since, to: now },
        step: record.stepIndex + 1,
        weight: record.weight,
        n: {
          stable: stable.n,
          candidate: candidate.n,
          candidateInStep: inStep,
          comparisonsInStep,
          ...(usage === undefined ? {} : { costInStep: usage.cost, tokensInStep: usage.tokens }),
        },
        errors: { stable: stable.errors, candidate: candidate.errors },
        gates: gateVerdicts,
        decision,
        consecutiveFailures,
        configHash: view.configHash,
      },
    };
    const counted = { looks: look, consecutiveFailures };
    // Waiting for approval, only a rollback may happen by itself.
    if (view.state === 'awaiting_approval' && decision.action !== 'rollback')
      return apply(view, t.recordAnalysis(ctx, counted, [analysis]));
    switch (decision.action) {
      case 'rollback': {
        const change = t.rollback(ctx, decision.reason, { gate: decision.gate }, [analysis]);
        return apply(view, { ...change, patch: { ...change.patch, ...counted } });
      }
      case 'advance': {
        const change = t.enterStep(ctx, decision.toStep, [analysis]);
        return apply(view, { ...change, patch: { ...change.patch, looks: look } });
      }
      case 'await_approval': {
        const change = t.awaitApproval(ctx, decision.toStep, [analysis]);
        return apply(view, { ...change, patch: { ...change.patch, looks: look } });
      }
      case 'promote': {
        const confirm = hooksAllow(await notifier.call(view, 'confirm-promotion', now));
        if (!confirm.ok) {
          const held = { type: 'promotion_held', actor, data: { reason: confirm.reason, configHash: view.configHash } };
          return apply(view, t.recordAnalysis(ctx, counted, [analysis, held]));
        }
        const change = t.promote(ctx, [analysis]);
        return apply(view, { ...change, patch: { ...change.patch, looks: look } });
      }
      case 'stay':
        return apply(view, t.recordAnalysis(ctx, counted, [analysis]));
    }
  };

  const stepStrata = async (view: CanaryView, now: number) => {
    const starts = await deps.store.canaries.eventTimes(view.record.id, 'step');
    return Promise.all(
      starts.map(async (since, i) => {
        const until = starts[i + 1] ?? now + 1;
        const [stable, candidate] = await Promise.all([
          traffic.armStats({ version: view.spec.stable, since, until }, { latencies: false }),
          traffic.armStats({ version: view.spec.candidate, since, until }, { latencies: false }),
        ]);
        return { stable, candidate };
      }),
    );
  };

  const tick = async (): Promise<{ leader: boolean; acted: number }> => {
    const now = deps.clock.now();
    const lease = await deps.store.leases.tryAcquire(leaseName, deps.holder, ttl, now);
    if (!lease.held) return { leader: false, acted: 0 };
    fence = { name: leaseName, holder: deps.holder, fence: lease.fence };
    // Renewed while the tick runs (a slow webhook may outlast the lease), so no other controller
    // takes over and calls the same hooks; a renewal that fails ends the tick's work.
    let lost = false;
    const renewal = deps.clock.setInterval(
      () => {
        deps.store.leases
          .tryAcquire(leaseName, deps.holder, ttl, deps.clock.now())
          .then((renewed) => {
            if (!renewed.held || renewed.fence !== lease.fence) lost = true;
          })
          .catch((error: unknown) => {
            lost = true;
            logger.warn({ err: error }, 'canary lease renewal failed; stopping this tick');
          });
      },
      Math.max(1, Math.floor(ttl / 3)),
    );
    try {
      return await walk(now, () => lost);
    } finally {
      renewal.cancel();
    }
  };

  const walk = async (now: number, lost: () => boolean): Promise<{ leader: boolean; acted: number }> => {
    let acted = 0;
    // Keyset pages by id, so canaries changing state under us neither shift nor repeat a page.
    let beforeId: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const records = await deps.store.canaries.list({ states: active, limit: pageSize, beforeId });
      for (const record of records) {
        if (lost()) return { leader: false, acted };
        if (record.nextAnalysisAt !== null && record.nextAnalysisAt > now) continue;
        try {
          if (await process(viewCanary(record), now)) acted++;
        } catch (error) {
          logger.error({ err: error, canary: record.id }, 'canary step failed; retrying next tick');
        }
      }
      beforeId = records.at(-1)?.id;
      if (records.length < pageSize || beforeId === undefined) break;
    }
    return { leader: true, acted };
  };

  return {
    tick,
    start() {
      if (timer !== undefined) return;
      timer = deps.clock.setInterval(() => {
        if (busy) return;
        busy = true;
        running = tick()
          .catch((error: unknown) => logger.error({ err: error }, 'canary controller tick failed'))
          .finally(() => {
            busy = false;
          });
      }, deps.tickMs ?? 250);
    },
    async stop() {
      timer?.cancel();
      timer = undefined;
      await running;
      await deps.store.leases.release(leaseName, deps.holder).catch(() => {});
      await ownDispatcher?.close();
    },
  };
}
