import type { CanarySeries, Point } from './canary-series.js';
import { formatNumber } from './format.js';

const width = 900;
const panelHeight = 80;
const gap = 28;
const left = 70;
const right = 20;
const top = 10;

const colours = { candidate: '#b3261e', stable: '#3559c7', weight: '#1f7a3f', divergence: '#9a6700' };

interface Panel {
  readonly title: string;
  readonly lines: readonly { readonly points: readonly Point[]; readonly colour: string; readonly step?: boolean }[];
  readonly format: (v: number) => string;
  /** Fixed top of the scale (else the largest value). */
  readonly max?: number;
  /** The top of the scale when every value is 0 (a rate of 0 % drawn on a 0 to 0 scale says nothing). */
  readonly zeroMax?: number;
}

/**
 * The canary over time as one inline SVG (no script, no external asset): candidate weight,
 * error rate per arm, latency per arm, divergence beyond noise, with step boundaries as dashed
 * lines and the rollback or promotion marked.
 */
export function CanaryChart(props: { series: CanarySeries }) {
  const s = props.series;
  const panels: Panel[] = [
    {
      title: 'candidate weight',
      lines: [{ points: s.weight, colour: colours.weight, step: true }],
      format: (v) => `${formatNumber(v)} %`,
      max: 100,
    },
    {
      title: 'error rate',
      lines: [
        { points: s.errorRate.stable, colour: colours.stable },
        { points: s.errorRate.candidate, colour: colours.candidate },
      ],
      format: (v) => `${formatNumber(v * 100, 1)} %`,
      zeroMax: 0.01,
    },
    {
      title: `latency ${s.latency.label ?? ''}`.trim(),
      lines: [
        { points: s.latency.stable, colour: colours.stable },
        { points: s.latency.candidate, colour: colours.candidate },
      ],
      format: (v) => `${formatNumber(v)} ms`,
      zeroMax: 1,
    },
    {
      title: 'divergence beyond noise',
      lines: [{ points: s.divergence, colour: colours.divergence }],
      format: (v) => `${formatNumber(v * 100, 1)} %`,
      zeroMax: 0.01,
    },
  ];
  const height = top + panels.length * (panelHeight + gap);
  const span = Math.max(1, s.to - s.from);
  const x = (t: number) => left + ((t - s.from) / span) * (width - left - right);
  return (
    <figure>
      <svg class="chart" id="canary-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="canary over time">
        {panels.map((p, i) => {
          const y0 = top + i * (panelHeight + gap);
          const values = p.lines.flatMap((l) => l.points.map(([, v]) => v));
          const largest = Math.max(0, ...values);
          const max = p.max ?? (largest > 0 ? largest : (p.zeroMax ?? 1));
          const y = (v: number) => y0 + panelHeight - (v / max) * panelHeight;
          return (
            <g data-panel={p.title}>
              <rect x={left} y={y0} width={width - left - right} height={panelHeight} fill="#fafbfc" stroke="#d9dee7" />
              <text x={4} y={y0 + 12}>
                {p.title}
              </text>
              <text x={left - 4} y={y0 + 26} text-anchor="end">
                {values.length === 0 ? (s.end === null ? 'no data yet' : 'no data') : p.format(max)}
              </text>
              <text x={left - 4} y={y0 + panelHeight} text-anchor="end">
                {values.length === 0 ? '' : p.format(0)}
              </text>
              {p.lines.map((l) =>
                l.points.length === 0 ? null : (
                  <path d={pathOf(l.points, x, y, l.step === true)} fill="none" stroke={l.colour} stroke-width={2} />
                ),
              )}
              {p.lines.flatMap((l) =>
                l.step === true ? [] : l.points.map(([t, v]) => <circle cx={x(t)} cy={y(v)} r={2.5} fill={l.colour} />),
              )}
            </g>
          );
        })}
        {s.steps.map((step) => (
          <g class="step-boundary">
            <line x1={x(step.at)} x2={x(step.at)} y1={top} y2={height - gap} stroke="#5d6677" stroke-dasharray="4 3" />
            <text x={x(step.at) + 3} y={height - gap + 14}>
              {`${step.weight} %`}
            </text>
          </g>
        ))}
        {s.end === null ? null : (
          <g class={`end-marker end-${s.end.kind}`}>
            <line
              x1={x(s.end.at)}
              x2={x(s.end.at)}
              y1={top}
              y2={height - gap}
              stroke={s.end.kind === 'promoted' ? colours.weight : colours.candidate}
              stroke-width={3}
            />
            <text x={Math.min(x(s.end.at) + 4, width - 90)} y={top + 12}>
              {s.end.kind === 'promoted' ? 'promoted' : s.end.kind === 'aborted' ? 'aborted' : 'rolled back'}
            </text>
          </g>
        )}
      </svg>
      <figcaption class="legend">
        <span>
          <span class="sw sw-stable" />
          stable
        </span>
        <span>
          <span class="sw sw-candidate" />
          candidate
        </span>
        <span>dashed: step boundaries</span>
      </figcaption>
    </figure>
  );
}

function pathOf(points: readonly Point[], x: (t: number) => number, y: (v: number) => number, step: boolean): string {
  let d = '';
  let previous: Point | undefined;
  for (const p of points) {
    if (previous === undefined) d += `M${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`;
    else if (step) d += `H${x(p[0]).toFixed(1)}V${y(p[1]).toFixed(1)}`;
    else d += `L${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`;
    previous = p;
  }
  return d;
}
