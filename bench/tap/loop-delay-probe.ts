/**
 * Started by each server the benches fork (the tap and http-proxy alike): measures how late the
 * server's main thread runs its event loop (`perf_hooks.monitorEventLoopDelay`, 10 ms resolution)
 * and answers `loop-delay-reset` (a fresh histogram, when the client starts) and `loop-delay` (its
 * percentiles since) over the fork's IPC channel. A late loop delays every chunk waiting on it: a
 * stall from GC, a synchronous batch or a hand-off shows here, and so does CPU that other
 * processes and threads take from it.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoopDelayReply } from './loop-delay-reply.js';

const resolutionMs = 10;
const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
/** The histogram holds each interval between its timer's runs (10 ms when on time): the lateness is what exceeds it. */
const late = (ns: number): number => ms(Math.max(0, ns - resolutionMs * 1e6));

/** Starts the histogram and answers the bench's `loop-delay` / `loop-delay-reset` messages. */
export function answerLoopDelay(): void {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  process.on('message', (message: { type?: unknown }) => {
    if (message?.type === 'loop-delay-reset') {
      histogram.reset();
      process.send?.({ type: 'loop-delay-reset' });
      return;
    }
    if (message?.type !== 'loop-delay') return;
    const reply: LoopDelayReply = {
      type: 'loop-delay',
      samples: histogram.count,
      p50: late(histogram.percentile(50)),
      p90: late(histogram.percentile(90)),
      p99: late(histogram.percentile(99)),
      p999: late(histogram.percentile(99.9)),
      max: late(histogram.max),
      lateMs: histogram.count === 0 ? 0 : ms(Math.max(0, histogram.mean - resolutionMs * 1e6) * histogram.count),
    };
    process.send?.(reply);
  });
}
