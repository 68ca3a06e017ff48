/** IPC between the benchmark and its tap child. */

export type TapRequest = { readonly type: 'stats' } | { readonly type: 'close' };

/** `tap.stats()` as the tap package reports it. */
export interface TapStatsSnapshot {
  readonly queueDepth: number;
  readonly captured: number;
  readonly dropped: number;
  readonly storeErrors: number;
}

export interface TapReply {
  readonly type: 'stats' | 'closed';
  readonly stats: TapStatsSnapshot;
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}
