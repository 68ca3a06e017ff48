import { type DivergenceReport, judge, NoiseModel } from '@understudy/compare';
import type { ReplayResultRecord, ReplayVerdictUpdate, Store } from '@understudy/store';
import type { CompareOptionsFor } from './compare-item.js';

/**
 * With a baseline, early items were judged against a partial noise floor: rebuilds the floor
 * from every stored baseline report, then re-judges every candidate report against it (the
 * second opinions' categories stay, judged with the rest).
 */
export async function rejudgeRun(store: Store, runId: string, optionsFor: CompareOptionsFor): Promise<void> {
  const noise = new NoiseModel();
  for await (const r of allResults(store, runId))
    if (r.baselineReport !== null) noise.addBaselineReport(r.baselineReport as DivergenceReport);
  let updates: ReplayVerdictUpdate[] = [];
  for await (const r of allResults(store, runId)) {
    if (r.report === null) continue;
    const judged = judge(r.report as DivergenceReport, noise, optionsFor(r.endpoint).judge);
    if (judged.verdict !== r.verdict || judged.scoreOverNoise !== r.scoreOverNoise) {
      updates.push({ exchangeId: r.exchangeId, verdict: judged.verdict, scoreOverNoise: judged.scoreOverNoise, report: judged });
    }
    if (updates.length >= 200) {
      await store.replays.updateVerdicts(runId, updates);
      updates = [];
    }
  }
  await store.replays.updateVerdicts(runId, updates);
}

async function* allResults(store: Store, runId: string): AsyncGenerator<ReplayResultRecord> {
  let afterSeq: number | undefined;
  for (;;) {
    const page = await store.replays.listResults(runId, { limit: 500, ...(afterSeq === undefined ? {} : { afterSeq }) });
    yield* page.items;
    if (page.nextSeq === null) return;
    afterSeq = page.nextSeq;
  }
}
