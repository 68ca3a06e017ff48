import { type Clock, type Logger, silentLogger } from '@understudy/core';
import type { CanaryChange, Store } from '@understudy/store';
import { Agent, type Dispatcher } from 'undici';
import type { WebhookGateResult } from './arm-stats.js';
import { gateName } from './canary-spec.js';
import { type CanaryView, viewCanary } from './canary-view.js';
import { decideStep } from './decide-step.js';
import { type DivergenceSource, storeDivergenceSource } from './divergence-source.js';
import { evaluateGates } from './evaluate-gates.js';
import { createNotifier, hooksAllow } from './notifier.js';
import { type ShadowVerdictSource, storeShadowVerdictSource } from './shadow-verdict.js';
import { collectArmStats, countLiveRequests } from './store-arm-stats.js';
import * as t from './transitions.js';
import { gateAnswer, postWebhook } from './webhook-client.js';

export interface CanaryControllerDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** This instance's name in the lease (host:pid); a restart with the same name resumes at once. */
  readonly holder: string;
  readonly logger?: Logger;
  /** For webhooks; created (and closed on stop) when omitted. */
  readonly dispatcher?: Dispatcher;
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
  const verdicts = deps.shadowVerdicts ?? storeShadowVerdictSource(deps.store, divergence);
  const ttl = deps.leaseTtlMs ?? 10_000;
  let timer: { cancel(): void } | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;

  const apply = async (view: CanaryView, change: CanaryChange): Promise<boolean> => {
    const applied = await deps.store.canaries.apply(view.record.id, change);
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
    const [stable, candidate, div, inStep] = await Promise.all([
      collectArmStats(deps.store, { version: spec.stable, since, until: now + 1 }),
      collectArmStats(deps.store, { version: spec.candidate, since, until: now + 1 }),
      spec.gates.some((g) => g.kind === 'divergence')
        ? divergence.counts({ candidate: spec.candidate, stable: spec.stable, since, until: now + 1 })
        : Promise.resolve(null),
      countLiveRequests(deps.store, { version: spec.candidate, since: record.stepStartedAt ?? since, until: now + 1 }),
    ]);
    // Per-step strata for the error-rate gate: within a step both arms share the same hours.
    const strata = spec.gates.some((g) => g.kind === 'error_rate') ? await stepStrata(view, now) : undefined;
    const webhooks = new Map<string, WebhookGateResult>();
    for (const gate of spec.gates) {
      if (gate.kind !== 'webhook' || gate.url === undefined) continue;
      const res = await postWebhook(
        dispatcher,
        gate.url,
        {
          kind: 'gate',
          gate: gateName(gate),
          at: now,
          canary: { id: record.id, stable: spec.stable, candidate: spec.candidate, step: record.stepIndex + 1, weight: record.weight },
          window: { from: since, to: now },
        },
        gate.timeoutMs,
      );
      webhooks.set(gateName(gate), gateAnswer(res));
    }
    const look = record.looks + 1;
    const gateVerdicts = evaluateGates(spec, {
      stable,
      candidate,
      divergence: div,
      look,
      webhooks,
      ...(strata === undefined ? {} : { strata }),
    });
    const { decision, consecutiveFailures } = decideStep({
      spec,
      stepIndex: record.stepIndex,
      stepStartedAt: record.stepStartedAt ?? now,
      now,
      candidateRequestsInStep: inStep,
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
        n: { stable: stable.n, candidate: candidate.n, candidateInStep: inStep },
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
          collectArmStats(deps.store, { version: view.spec.stable, since, until }, { latencies: false }),
          collectArmStats(deps.store, { version: view.spec.candidate, since, until }, { latencies: false }),
        ]);
        return { stable, candidate };
      }),
    );
  };

  const tick = async (): Promise<{ leader: boolean; acted: number }> => {
    const now = deps.clock.now();
    const lease = await deps.store.leases.tryAcquire(leaseName, deps.holder, ttl, now);
    if (!lease.held) return { leader: false, acted: 0 };
    let acted = 0;
    // Keyset pages by id, so canaries changing state under us neither shift nor repeat a page.
    let beforeId: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const records = await deps.store.canaries.list({ states: active, limit: pageSize, beforeId });
      for (const record of records) {
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
