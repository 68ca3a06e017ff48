import type { Exchange } from '@understudy/core';
import type { ComparisonRecord, ToolCallRecord } from '@understudy/store';
import { exchangeToJson } from '../exchange-json.js';
import { toolCallToJson } from '../tool-call-json.js';
import { BodyView } from './body-view.js';
import { formatNumber, formatTime } from './format.js';
import { HeaderTable } from './header-table.js';
import { Layout, type LayoutProps } from './layout.js';
import { Pill } from './pill.js';
import { Stat } from './stat.js';

/** One exchange: request and response (headers, bodies, SSE events with timings), its shadows and tool calls. */
export function ExchangePage(props: {
  frame: Pick<LayoutProps, 'nonce' | 'who'>;
  exchange: Exchange;
  derived: readonly Exchange[];
  comparisons: readonly ComparisonRecord[];
  toolCalls: readonly ToolCallRecord[];
}) {
  const e = props.exchange;
  const json = exchangeToJson(e);
  return (
    <Layout title={`Exchange ${e.id}`} section="exchanges" {...props.frame}>
      <h1>
        Exchange <code>{e.id}</code>
      </h1>
      <div class="card grid">
        <Stat label="request" value={`${e.method} ${e.path}${e.query === '' ? '' : `?${e.query}`}`} />
        <Stat label="status" value={e.status === null ? `none (${e.error?.code ?? '?'})` : String(e.status)} />
        <Stat label="role / version" value={`${e.role} / ${e.version}`} />
        <Stat label="started" value={formatTime(e.startedAt)} />
        <Stat label="ttfb / duration" value={`${formatNumber(e.ttfbMs)} / ${formatNumber(e.durationMs)} ms`} />
        <Stat label="tokens in / out" value={`${formatNumber(e.usage.inputTokens)} / ${formatNumber(e.usage.outputTokens)}`} />
        <Stat label="cost (USD)" value={formatNumber(e.usage.costUsd, 6)} />
        <Stat label="parent" value={e.parentId === null ? '—' : <a href={`/exchanges/${e.parentId}`}>{e.parentId}</a>} />
      </div>
      {e.error === null ? null : (
        <div class="error-box">
          {e.error.code}: {e.error.message}
        </div>
      )}
      {props.comparisons.length === 0 ? null : (
        <div class="card">
          <h2>Comparisons</h2>
          {props.comparisons.map((c) => (
            <div>
              <a href={`/comparisons/${encodeURIComponent(c.id)}`}>{c.id}</a> <Pill kind="v" value={c.verdict} /> {c.source} ·{' '}
              {c.version ?? ''}
            </div>
          ))}
        </div>
      )}
      {props.derived.length === 0 ? null : (
        <div class="card">
          <h2>Shadows and replays of this exchange</h2>
          {props.derived.map((x) => (
            <div>
              <a href={`/exchanges/${x.id}`}>{x.id}</a> {x.role} · {x.version} · status {x.status ?? 'none'}
            </div>
          ))}
        </div>
      )}
      <div class="side">
        <div class="card">
          <h2>Request headers</h2>
          <HeaderTable headers={e.requestHeaders} />
        </div>
        <div class="card">
          <h2>Response headers</h2>
          <HeaderTable headers={e.responseHeaders} />
        </div>
      </div>
      <BodyView label="Request body" body={json.requestBody} />
      {e.sseEvents === null ? (
        <BodyView label="Response body" body={json.responseBody} />
      ) : (
        <div class="card">
          <h2>SSE events ({e.sseEvents.length})</h2>
          <table>
            <thead>
              <tr>
                <th class="num">at (ms)</th>
                <th>event</th>
                <th>data</th>
              </tr>
            </thead>
            <tbody>
              {e.sseEvents.map((s) => (
                <tr>
                  <td class="num">{formatNumber(s.at, 1)}</td>
                  <td>{s.event ?? ''}</td>
                  <td>
                    <pre>{s.data}</pre>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Tool calls ({props.toolCalls.length})</h2>
      {props.toolCalls.length === 0 ? <p class="muted">No tool call went through the egress proxy for this exchange.</p> : null}
      {props.toolCalls
        .map((call) => toolCallToJson(call))
        .map((t) => (
          <div class="card">
            <h2>
              {t.method} /d/{t.destination}
              {t.path}{' '}
              <span class="muted">
                → {t.status ?? 'none'} · {t.outcome} · {t.match}
              </span>
            </h2>
            <div class="side">
              <pre>{t.requestBody.text}</pre>
              <pre>{t.responseBody.text}</pre>
            </div>
          </div>
        ))}
    </Layout>
  );
}
