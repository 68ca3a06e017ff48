import type { Exchange } from '@understudy/core';
import { FilterForm } from './filter-form.js';
import { formatNumber, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pager } from './pager.js';

/** The exchange browser, with the API's filters. */
export function ExchangeListPage(props: {
  frame: Pick<LayoutProps, 'nonce' | 'who'>;
  query: Record<string, string>;
  items: readonly Exchange[];
  nextCursor: string | null;
}) {
  const q = props.query;
  return (
    <Layout title="Exchanges" section="exchanges" {...props.frame}>
      <h1>Exchanges</h1>
      <FilterForm
        action="/exchanges"
        query={q}
        selects={[['role', ['', 'live', 'shadow', 'replay']]]}
        texts={['path', 'status', 'version', 'method', 'parent', 'since', 'until']}
      />
      <table>
        <thead>
          <tr>
            <th>id</th>
            <th>started</th>
            <th>role</th>
            <th>version</th>
            <th>request</th>
            <th class="num">status</th>
            <th class="num">duration</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((e) => (
            <tr>
              <td>
                <a href={`/exchanges/${e.id}`}>{e.id}</a>
              </td>
              <td>{formatTime(e.startedAt)}</td>
              <td>{e.role}</td>
              <td>{e.version}</td>
              <td>
                {e.method} {e.path}
                {e.streamed ? <span class="muted"> (stream)</span> : null}
              </td>
              <td class="num">{e.status ?? <span class="bad">{e.error?.code ?? 'none'}</span>}</td>
              <td class="num">{formatNumber(e.durationMs)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.items.length === 0 ? <p class="muted">No exchange matches.</p> : null}
      <Pager path="/exchanges" query={q} nextCursor={props.nextCursor} />
    </Layout>
  );
}
