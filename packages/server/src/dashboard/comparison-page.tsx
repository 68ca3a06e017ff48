import { type CanonicalResponse, canonicalize, textHunks } from '@understudy/compare';
import type { Exchange } from '@understudy/core';
import type { ComparisonRecord } from '@understudy/store';
import { ChangedFacts } from './changed-facts.js';
import { DeltaTable } from './delta-table.js';
import { type CategoryView, DifferenceTable } from './difference-table.js';
import { formatNumber, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';
import { Stat } from './stat.js';
import { TextDiff } from './text-diff.js';
import { ToolCallAlignment } from './tool-call-alignment.js';

export interface ComparisonPageProps {
  readonly frame: Pick<LayoutProps, 'nonce' | 'who'>;
  readonly comparison: ComparisonRecord;
  readonly original: Exchange | undefined;
  readonly candidate: Exchange | undefined;
  readonly baseline: Exchange | undefined;
}

interface ReportView {
  readonly verdict?: string;
  readonly score?: number;
  readonly scoreOverNoise?: number;
  readonly noiseApplied?: boolean;
  readonly categories?: readonly CategoryView[];
  readonly deltas?: Record<string, number | null>;
  readonly notes?: readonly string[];
}

/** One comparison side by side: both answers with the text hunks, facts, tool calls, fields, baselines, deltas. */
export function ComparisonPage(props: ComparisonPageProps) {
  const c = props.comparison;
  const report = (c.report ?? {}) as ReportView;
  const categories = report.categories ?? [];
  const a = props.original === undefined ? undefined : canonicalize(props.original);
  const b = props.candidate === undefined ? undefined : canonicalize(props.candidate);
  const hunks = a !== undefined && b !== undefined ? (textHunks(a.text, b.text) ?? null) : null;
  const diverging = categories.filter((k) => k.score > 0 || k.differences.length > 0);
  const toolDiffs = categories.find((k) => k.name === 'tool_call')?.differences ?? [];
  return (
    <Layout title={`Comparison ${c.id}`} section="comparisons" {...props.frame}>
      <h1>
        Comparison <code>{c.id}</code> <Pill kind="v" value={c.verdict} />
      </h1>
      <div class="card grid">
        <Stat
          label="source"
          value={c.source === 'replay' && c.runId !== null ? <a href={`/replays/${c.runId}`}>replay {c.runId}</a> : 'live shadow'}
        />
        <Stat label="endpoint" value={c.endpoint} />
        <Stat label="candidate version" value={c.version ?? '—'} />
        <Stat label="score / over noise" value={`${formatNumber(c.score, 3)} / ${formatNumber(c.scoreOverNoise, 3)}`} />
        <Stat label="compared at" value={formatTime(c.at)} />
      </div>
      <ChangedFacts categories={categories} />
      <div class="side">
        <Answer title="Original (production)" exchange={props.original} canonical={a} side="original" />
        <Answer title={`Candidate (${c.version ?? 'unknown'})`} exchange={props.candidate} canonical={b} side="candidate" />
      </div>
      {hunks === null || hunks.every((h) => h.op === 'equal') ? null : (
        <div class="card">
          <h2>What changed in the text</h2>
          <TextDiff hunks={hunks} />
        </div>
      )}
      <h2>Tool calls</h2>
      <ToolCallAlignment original={a?.toolCalls ?? []} candidate={b?.toolCalls ?? []} differences={toolDiffs} />
      <h2>Where they differ</h2>
      {diverging.length === 0 ? <p class="muted">No category diverges.</p> : null}
      {diverging.map((k) => (
        <div class="card" data-category={k.name}>
          <h2>
            {k.label ?? k.name} <span class={`sev-${k.severity ?? 'none'}`}>{k.severity ?? ''}</span>{' '}
            <span class="muted">score {formatNumber(k.score, 3)}</span>{' '}
            {k.regression === true ? <Pill kind="v" value="regression" /> : null}
          </h2>
          {k.reason === undefined ? null : <p class="muted">{k.reason}</p>}
          <DifferenceTable differences={k.differences} omitted={k.omitted ?? 0} />
        </div>
      ))}
      <h2>Baselines</h2>
      <div class="card">
        {props.baseline === undefined ? (
          <p>
            {report.noiseApplied === true
              ? 'Judged against the noise model production built from its own repeated answers.'
              : 'No baseline: judged by the structural rules alone (no noise floor measured for this endpoint yet).'}
          </p>
        ) : (
          <p>
            Baseline: production answered the same request again as <a href={`/exchanges/${props.baseline.id}`}>{props.baseline.id}</a>
            {'; '}
            its difference from the original is the noise floor this verdict is measured against.
          </p>
        )}
      </div>
      <h2>Latency, tokens, cost</h2>
      <DeltaTable original={a} candidate={b} />
      {(report.notes ?? []).length === 0 ? null : (
        <ul>
          {(report.notes ?? []).map((n) => (
            <li class="muted">{n}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function Answer(props: {
  title: string;
  exchange: Exchange | undefined;
  canonical: CanonicalResponse | undefined;
  side: 'original' | 'candidate';
}) {
  const x = props.exchange;
  const k = props.canonical;
  return (
    <div class="card" data-side={props.side}>
      <h2>{props.title}</h2>
      {x === undefined || k === undefined ? (
        <p class="muted">No exchange recorded (the request failed before an answer).</p>
      ) : (
        <div>
          <p class="muted">
            <a href={`/exchanges/${x.id}`}>{x.id}</a> · status {x.status ?? 'none'} · {formatNumber(x.durationMs)} ms
            {k.error === null ? null : <span class="bad"> · error {k.error.message}</span>}
          </p>
          <div class="answer">{k.text === '' ? '(no text)' : k.text}</div>
        </div>
      )}
    </div>
  );
}
