import type { CanaryRecord } from '@understudy/store';
import { formatNumber, formatTime } from './format.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';

/** Every canary, newest first. */
export function CanaryListPage(props: { frame: Pick<LayoutProps, 'nonce' | 'who'>; canaries: readonly CanaryRecord[] }) {
  return (
    <Layout title="Canaries" section="canaries" refreshSeconds={5} {...props.frame}>
      <h1>Canaries</h1>
      <table>
        <thead>
          <tr>
            <th>canary</th>
            <th>state</th>
            <th>stable → candidate</th>
            <th class="num">weight</th>
            <th>why</th>
            <th>created</th>
          </tr>
        </thead>
        <tbody>
          {props.canaries.map((c) => (
            <tr>
              <td>
                <a href={`/canaries/${c.id}`}>{c.id}</a>
              </td>
              <td>
                <Pill kind="s" value={c.state} />
              </td>
              <td>
                {c.stable} → {c.candidate}
              </td>
              <td class="num">{formatNumber(c.weight)} %</td>
              <td>{c.reason ?? ''}</td>
              <td>{formatTime(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.canaries.length === 0 ? <p class="muted">No canary yet. Start one with understudy canary start --candidate VERSION.</p> : null}
    </Layout>
  );
}
