import { defaultFieldMargins, FieldAggregator, type JudgeOptions, type NoiseModel } from '@understudy/compare';
import { seededRandom } from '@understudy/core';
import { engineDetector, exactDiff, perKindTable, type SetScore, scoreSet } from './facts-set/evaluate.js';
import { readFactSet } from './facts-set/files.js';
import { canon, engine, inputBaselines, type Scores, score } from './quality-eval.js';
import type { BaselinePair, QualityCase } from './quality-set.js';
import { now } from './timing.js';

// The quality half of `npm run bench:compare` (skipped with --throughput): the quality set against
// exact diffs, the facts set per kind and by number of baselines, the text prior sweep and the
// field margins. Figures go to docs/benchmarks.md.

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** The quality set, the facts set, the prior sweep and the field margins (skipped with --throughput). */
export function qualitySection({
  cases,
  baselines,
  noise,
  line,
}: {
  readonly cases: QualityCase[];
  readonly baselines: BaselinePair[];
  readonly noise: NoiseModel;
  readonly line: (s?: string) => void;
}): void {
  // ---- quality ------------------------------------------------------------------------------------------
  const withNoise = engine(noise);
  const withInputBaselines = engine(noise, {}, inputBaselines(baselines));
  const noBaseline = engine(null);
  const exactBody = (c: (typeof cases)[number]): boolean =>
    c.original.status !== c.candidate.status || c.original.body !== c.candidate.body;
  const exactContent = (c: (typeof cases)[number]): boolean => {
    const a = canon(c.original);
    const b = canon(c.candidate);
    return (
      a.status !== b.status ||
      a.text !== b.text ||
      JSON.stringify(a.toolCalls) !== JSON.stringify(b.toolCalls) ||
      JSON.stringify(a.json) !== JSON.stringify(b.json)
    );
  };
  const results: [string, Scores][] = [
    ['engine + noise model + the baseline answers of the same input', score(cases, (c) => withInputBaselines(c).verdict === 'regression')],
    ['engine + noise model (endpoint-wide baseline pairs only)', score(cases, (c) => withNoise(c).verdict === 'regression')],
    ['engine, no baseline (structural rules)', score(cases, (c) => noBaseline(c).verdict === 'regression')],
    ['exact diff of bodies', score(cases, exactBody)],
    ['exact diff of extracted content', score(cases, exactContent)],
  ];

  // Sweep of the text prior (its bar and its weight in baseline pairs) on the facts set's text
  // cases, with one baseline and with all: where the defaults sit.
  const sweep: string[] = [];
  const factText = () => readFactSet().filter((c) => c.kind !== 'tool_preamble' && !c.endpoint.endsWith('#tools'));
  const sweepCases = factText();
  for (const textPriorSimilarity of [0.05, 0.1, 0.15, 0.2]) {
    for (const textPriorPairs of [5, 20, 50]) {
      const judge: Partial<JudgeOptions> = { textPriorSimilarity, textPriorPairs };
      const one = scoreSet(sweepCases, engineDetector(1, judge));
      const all = scoreSet(sweepCases, engineDetector('all', judge));
      sweep.push(
        `| ${textPriorSimilarity} | ${textPriorPairs} | ${one.precision.toFixed(3)} / ${one.recall.toFixed(3)} / ${one.fp} | ${all.precision.toFixed(3)} / ${all.recall.toFixed(3)} / ${all.fp} |`,
      );
    }
  }

  // ---- field margins: false flags and power of the aggregate test -------------------------------------
  function binomial(r: ReturnType<typeof seededRandom>, n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (r.next() < p) k++;
    return k;
  }
  const simRandom = seededRandom(11);
  const fieldRows: string[] = [];
  const trials = 1000;
  for (const n of [200, 1000]) {
    for (const p of [0, 0.01, 0.05, 0.2]) {
      const row: string[] = [`| ${n} | ${p} `];
      for (const m of [
        { relative: 0.2, absolute: 0.0003 },
        { relative: defaultFieldMargins.relative, absolute: defaultFieldMargins.absolute },
      ]) {
        let falseFlags = 0;
        let detected = 0;
        for (let t = 0; t < trials; t++) {
          const noiseRate = binomial(simRandom, n, p) / n;
          const same = binomial(simRandom, n, p) / n;
          const worse = binomial(simRandom, n, Math.min(1, p * 1.5 + 0.05)) / n;
          const threshold = noiseRate * (1 + m.relative) + m.absolute;
          if (same > threshold) falseFlags++;
          if (worse > threshold) detected++;
        }
        row.push(`| ${pct(falseFlags / trials)} | ${pct(detected / trials)} `);
      }
      fieldRows.push(`${row.join('')}|`);
    }
  }
  // The aggregator on the quality set: candidate = the regression cases per endpoint.
  const aggregator = new FieldAggregator();
  for (const c of cases) if (c.label === 'regression') aggregator.add(noBaseline(c));
  const flaggedFields = aggregator
    .evaluate(noise)
    .filter((f) => f.exceeds)
    .slice(0, 8);

  // ---- facts set: per kind, by number of baselines ------------------------------------------------------
  const factCases = readFactSet();
  const factStart = now();
  const factColumns: [string, SetScore][] = [
    ['engine, all baselines (1–3)', scoreSet(factCases, engineDetector('all'))],
    ['engine, one baseline', scoreSet(factCases, engineDetector(1))],
    ['engine, no baseline', scoreSet(factCases, engineDetector(0))],
    ['exact diff of content', scoreSet(factCases, exactDiff)],
  ];
  const factMs = now() - factStart;
  const textNoise = factCases.filter((c) => c.label === 'noise' && c.kind !== 'tool_preamble');
  const byBaselines = [0, 1, 2, 3].map((k) => {
    const eligible = textNoise.filter((c) => c.baselines.length >= k);
    const flagged = eligible.filter(engineDetector(k)).length;
    return `| ${k} | ${flagged}/${eligible.length} (${pct(flagged / Math.max(1, eligible.length))}) |`;
  });

  const regressions = cases.filter((c) => c.label === 'regression').length;
  line(
    `Quality set: ${cases.length} labelled pairs (${regressions} regressions, ${cases.length - regressions} paraphrase noise), ${baselines.length} baseline pairs, seed 42 (data/quality/).`,
  );
  line();
  line('| detector | precision | recall | TP | FP | FN | TN |');
  line('|---|---|---|---|---|---|---|');
  for (const [name, s] of results)
    line(`| ${name} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} |`);
  line();
  line('Flagged per kind (engine + noise model / no baseline / exact content diff):');
  line();
  line('| kind | with noise | no baseline | exact content |');
  line('|---|---|---|---|');
  const [a, , b, , d] = results.map(([, s]) => s);
  for (const kind of Object.keys(a?.byKind ?? {})) {
    const f = (s: Scores | undefined): string => {
      const k = s?.byKind[kind];
      return k === undefined ? '' : `${k.flagged}/${k.total}`;
    };
    line(`| ${kind} | ${f(a)} | ${f(b)} | ${f(d)} |`);
  }
  line();
  for (const ep of noise.endpoints()) {
    const q = noise.textQuantile(ep, 0.02);
    const q50 = noise.textQuantile(ep, 0.5);
    if (q !== undefined && q.pairs > 0 && q50 !== undefined) {
      line(
        `- noise ${ep}: text similarity q0.02 ${q.similarity.toFixed(3)} (median ${q50.similarity.toFixed(3)}), length ratio q0.02 ${q.lengthRatio.toFixed(3)} over ${q.pairs} pairs`,
      );
    }
  }
  line();
  const regressionsF = factCases.filter((c) => c.label === 'regression').length;
  line(
    `Facts set: ${factCases.length} labelled pairs (${regressionsF} regressions, ${factCases.length - regressionsF} noise), each with 1–3 baseline answers, seed 2026 (data/quality/facts.jsonl); ${Math.round((4 * factCases.length) / (factMs / 1000))} cases/s through canonicalize + compare + judge over the four columns.`,
  );
  line();
  for (const l of perKindTable(factColumns)) line(l);
  line();
  line('False alarms on text noise (paraphrase, shorter, longer, bulleted, reordered, varying figure) by number of baselines given:');
  line();
  line('| baselines | false alarms |');
  line('|---|---|');
  for (const l of byBaselines) line(l);
  line();
  line("Text prior sweep on the facts set's text cases (precision / recall / false positives):");
  line();
  line('| textPriorSimilarity | textPriorPairs | one baseline | all baselines |');
  line('|---|---|---|---|');
  for (const s of sweep) line(s);
  line();
  line(
    `Field margins, simulated (${trials} trials per row): false flags when candidate and production share a differ-rate p, and power when the candidate's rate is 1.5p + 0.05.`,
  );
  line();
  line('| pairs per window | p | Diffy 20 % + 0.03 %: false flags | power | ours 25 % + 2 pts: false flags | power |');
  line('|---|---|---|---|---|---|');
  for (const r of fieldRows) line(r);
  line();
  line('Fields the aggregator flags when the regression cases are taken as one candidate run:');
  line();
  for (const f of flaggedFields)
    line(`- ${f.endpoint} ${f.key}: candidate ${pct(f.candidateRate)} vs noise ${pct(f.noiseRate)} (threshold ${pct(f.threshold)})`);
}
