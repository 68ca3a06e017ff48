import type { ComparisonRecord } from '@understudy/store';
import { FilterForm, type SelectFilter } from './filter-form.js';
import { formatNumber, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pager } from './pager.js';
import { Pill } from './pill.js';

const filterFields = [
  ['source', ['', 'shadow', 'replay']],
  ['verdict', ['', 'regression', 'noise', 'match', 'error']],
  ['category', ['', 'fact', 'tool_call', 'text', 'schema', 'status', 'error', 'side_effect', 'latency', 'cost']],
] as const satisfies readonly SelectFilter[];

/** The filterable list of live-shadow and replay comparisons. */
export function ComparisonListPage(props: {
  frame: Pick<LayoutProps, 'nonce' | 'who'>;
  query: Record<string, string>;
  items: readonly ComparisonRecord[];
  nextCursor: string | null;
}) {
  const q = props.query;
  return (
    <Layout title="Comparisons" section="comparisons" refreshSeconds={15} {...props.frame}>
      <h1>Comparisons</h1>
      <FilterForm action="/comparisons" query={q} selects={filterFields} texts={['version', 'path', 'run', 'canary', 'since', 'until']} />
      <table>
        <thead>
          <tr>
            <th>id</th>
            <th>verdict</th>
            <th>source</th>
            <th>endpoint</th>
            <th>version</th>
            <th class="num">score over noise</th>
            <th>at</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr>
              <td>
                <a href={`/comparisons/${encodeURIComponent(c.id)}`}>{c.id}</a>
              </td>
              <td>
                <Pill kind="v" value={c.verdict} />
              </td>
              <td>{c.runId === null ? 'shadow' : <a href={`/replays/${c.runId}`}>replay</a>}</td>
              <td>{c.endpoint}</td>
              <td>{c.version ?? '—'}</td>
              <td class="num">{formatNumber(c.scoreOverNoise, 3)}</td>
              <td>{formatTime(c.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.items.length === 0 ? <p class="muted">No comparison matches.</p> : null}
      <Pager path="/comparisons" query={q} nextCursor={props.nextCursor} />
    </Layout>
  );
}
