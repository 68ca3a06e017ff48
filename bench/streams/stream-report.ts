// What bench:streams prints: a line per contender run as it finishes, then the table of every row and the
// comparison of each tap row with http-proxy's row of the same round (contenders alternate order each round, so a
// pair ran back to back under the same load; drift between rounds does not leak into the comparison).
import { loadavg } from 'node:os';
import type { LoopDelayReply } from '../tap/loop-delay-reply.js';
import type { Row, Scenario } from './stream-rows.js';

/** Prints one contender run's figures, as it finishes. */
export function printRow(row: Row): void {
  const c = row.client;
  console.log(
    `${row.scenario.name} ${row.contender}: ${c.completed}/${c.streams} complete in ${fmt(c.seconds)} s, errors ${JSON.stringify(c.errors)}${c.late === undefined || c.errors.deadline === undefined ? '' : ` (late: ${JSON.stringify(c.late)})`}, listen-queue overflows ${row.listenOverflows}; ${loopLine(row.loopDelay)}; TTFB p50 ${fmt(c.ttfbMs.p50)} p99 ${fmt(c.ttfbMs.p99)} ms; event delay p50 ${fmt(c.delayMs.p50)} p99 ${fmt(c.delayMs.p99)} ms; peak RSS ${fmt(row.peakRssMb, 0)} MB; CPU ${fmt(row.cpuS)} s (kernel ${fmt(row.systemS)} s; main thread ${fmt(row.main.cpuS)} s, kernel ${fmt(row.main.systemS)} s; busiest other thread ${fmt(row.others.busiestS)} s, the rest ${fmt(row.others.restS)} s over ${row.others.threads} threads${row.childCpuS > 0 ? `; child processes ${fmt(row.childCpuS)} s` : ''}; upstream ${fmt(row.upstreamCpuS)} s), per event ${fmt(row.perEvent.writes, 2)} writes (main thread ${fmt(row.perEvent.mainWrites, 2)}) ${fmt(row.perEvent.reads, 2)} reads${row.captured === undefined ? '' : `; captured ${row.captured}, dropped ${row.dropped}, still queued ${row.queued}${row.capture === undefined ? '' : ` (dropped by reason ${JSON.stringify(row.capture.droppedBy)}, cut by the in-flight budget ${row.capture.cutByBudget}, SSE events not kept ${row.capture.sseEventsDropped})`}; at peak heap ${row.atPeakMb?.heapUsed} MB, external ${row.atPeakMb?.external} MB (array buffers ${row.atPeakMb?.arrayBuffers} MB)`}; load ${loadavg()[0]?.toFixed(1)}`,
  );
  if (c.delayBySecond !== undefined)
    console.log(
      `  ${row.scenario.name} ${row.contender} event delay p99 by second of the run (ms): ${c.delayBySecond.map((d) => (d.samples === 0 ? '-' : fmt(d.p99, 0))).join(' ')}`,
    );
}

/** Prints the table of every row, then each tap row against http-proxy's row of its round. */
export function printTables(rows: readonly Row[], scenarios: readonly Scenario[]): void {
  console.log(
    '\n| streams | contender | round | complete | TTFB p50 / p99 ms | event delay p50 / p99 ms | main-thread loop late p50 / p99 / max ms | peak RSS MB | captured / dropped |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const c = r.client;
    console.log(
      `| ${r.scenario.streams} × ${r.scenario.chunkBytes > 1000 ? '5 MB' : '40 KB'} | ${r.contender} | ${r.round + 1} | ${c.completed}/${c.streams} | ${fmt(c.ttfbMs.p50)} / ${fmt(c.ttfbMs.p99)} | ${fmt(c.delayMs.p50)} / ${fmt(c.delayMs.p99)} | ${r.loopDelay === undefined ? '-' : `${fmt(r.loopDelay.p50)} / ${fmt(r.loopDelay.p99)} / ${fmt(r.loopDelay.max)}`} | ${fmt(r.peakRssMb, 0)} | ${r.captured === undefined ? '-' : `${r.captured} / ${r.dropped}${droppedWhy(r)}`} |`,
    );
  }
  console.log(
    '\n| streams | contender | round | TTFB p50: tap − http-proxy | event delay p99: tap − http-proxy | RSS: tap vs 2 × http-proxy + 150 MB | main thread CPU s: tap / http-proxy | other threads CPU s (writer + rest) |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const scenario of scenarios)
    for (const tap of rows.filter((r) => r.scenario === scenario && r.contender !== 'http-proxy')) {
      const proxy = rows.find((r) => r.scenario === scenario && r.contender === 'http-proxy' && r.round === tap.round);
      if (proxy === undefined) continue;
      console.log(
        `| ${scenario.name} | ${tap.contender} | ${tap.round + 1} | ${fmt(tap.client.ttfbMs.p50 - proxy.client.ttfbMs.p50, 2)} ms | ${fmt(tap.client.delayMs.p99 - proxy.client.delayMs.p99, 2)} ms | ${fmt(tap.peakRssMb, 0)} vs ${fmt(2 * proxy.peakRssMb + 150, 0)} MB | ${fmt(tap.main.cpuS)} / ${fmt(proxy.main.cpuS)} (×${fmt(tap.main.cpuS / proxy.main.cpuS, 2)}) | ${fmt(tap.others.busiestS)} + ${fmt(tap.others.restS)}${tap.childCpuS > 0 ? ` (+ child process ${fmt(tap.childCpuS)})` : ''} |`,
      );
    }
}

/** ` (queue_full 12, closed 1)` when any were dropped. */
const droppedWhy = (r: Row): string => {
  const why = Object.entries(r.capture?.droppedBy ?? {}).filter(([, n]) => n > 0);
  return why.length === 0 ? '' : ` (${why.map(([reason, n]) => `${reason} ${n}`).join(', ')})`;
};
/** The server main thread's loop lateness (past its 10 ms timer) while the client ran. */
const loopLine = (d: LoopDelayReply | undefined): string =>
  d === undefined
    ? 'loop delay -'
    : `main-thread loop late p50 ${fmt(d.p50, 2)} p90 ${fmt(d.p90, 2)} p99 ${fmt(d.p99, 2)} p99.9 ${fmt(d.p999, 2)} max ${fmt(d.max, 2)} ms (${fmt(d.lateMs / 1000, 2)} s late over ${d.samples} samples)`;
const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');
