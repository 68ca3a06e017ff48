// The shapes bench:streams measures: a scenario, the client's report of it, and one contender's row.
import type { LoopDelayReply } from '../tap/loop-delay-reply.js';
import type { CaptureCounters } from '../tap/tap-messages.js';

export interface Scenario {
  readonly name: string;
  readonly streams: number;
  readonly chunkBytes: number;
}

export interface ClientReport {
  streams: number;
  completed: number;
  errors: Record<string, number>;
  /** Streams past the deadline by how far they got. */
  late?: { noResponse: number; noEvent: number; midStream: number };
  seconds: number;
  ttfbMs: { p50: number; p99: number };
  delayMs: { p50: number; p99: number; samples: number };
  /** The event delays by the second of the run they arrived in. */
  delayBySecond?: { samples: number; p50: number; p99: number }[];
}

export interface Row {
  readonly scenario: Scenario;
  readonly contender: string;
  /** The round it ran in (`--rounds`): each tap row is compared with http-proxy's row of the same round. */
  readonly round: number;
  readonly client: ClientReport;
  readonly peakRssMb: number;
  /** CPU seconds the server process (every thread) used while the client ran. */
  readonly cpuS: number;
  /** Of `cpuS`, the seconds spent in the kernel (loopback TCP: the receiving side's work is charged to the sender's write). */
  readonly systemS: number;
  /** Write system calls (`writev` and `write`) and read calls of the server per event the client got: all threads, and its main thread's. */
  readonly perEvent: { readonly writes: number; readonly reads: number; readonly mainWrites: number };
  /** CPU seconds of the server's main thread (the one every socket waits on), and of them in the kernel. */
  readonly main: { readonly cpuS: number; readonly systemS: number };
  /** CPU seconds of the server's other threads: the busiest one (the tap's capture writer, as a rule) and the rest (GC helpers, libuv's pool). */
  readonly others: { readonly busiestS: number; readonly restS: number; readonly threads: number };
  /** CPU seconds the upstream used meanwhile (it shares the cores: a proxy that needs more leaves it less). */
  readonly upstreamCpuS: number;
  /** CPU of the server's child processes meanwhile (the tap's writer process with `--sink=process`; 0 for a thread). */
  readonly childCpuS: number;
  /** How late the server's main thread ran its event loop while the client ran (`bench/tap/loop-delay-probe.ts`, started in both contenders). */
  readonly loopDelay?: LoopDelayReply;
  /** Connections the kernel refused for a full listen queue during the run (machine-wide: the client connects only to this server). */
  readonly listenOverflows: number;
  readonly captured?: number;
  readonly dropped?: number;
  /** Captures still queued when the tap did not finish closing in time (neither stored nor dropped yet). */
  readonly queued?: number;
  /** Why captures were dropped, captures cut by the in-flight budget, SSE events not kept (the tap's metrics). */
  readonly capture?: CaptureCounters;
  /** The tap's V8 heap and buffers at its peak RSS, MB. */
  readonly atPeakMb?: { heapUsed: number; external: number; arrayBuffers: number };
}
