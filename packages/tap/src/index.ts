export { canaryBucket, canaryBuckets, inCandidate } from './canary/canary-bucket.js';
export {
  type CanarySplit,
  type CanarySplitStats,
  createCanarySplit,
  type SplitSend,
  type SplitSendOptions,
} from './canary/canary-split.js';
export { type CanarySticky, parseCanarySticky, readCanarySticky } from './canary/canary-sticky.js';
export { type ActiveRouting, createRoutingWatcher, type RoutingSource, type RoutingWatcher } from './canary/routing-watcher.js';
export { type CaptureFilter, captureFilter } from './capture/capture-filter.js';
export { CaptureQueue, type CaptureQueueOptions, type CaptureQueueStats } from './capture/capture-queue.js';
export type { CaptureSink } from './capture/capture-sink.js';
export { type CaptureCounts, type CaptureTally, fileCaptureTally, memoryCaptureTally, readCaptureTally } from './capture/capture-tally.js';

export { storeSink } from './capture/store-sink.js';
export { createTap } from './create-tap.js';
export { type ForwardOptions, forward } from './forward/forward.js';
export { headerRecord } from './forward/forward-headers.js';
export type { ForwardCapture, ForwardErrorCode, ForwardResult } from './forward/forward-result.js';
export { removeDotSegments } from './forward/remove-dot-segments.js';
export { splitTarget } from './forward/split-target.js';
export { tapListenBacklog, tapServerOptions } from './forward/tap-server-options.js';
export {
  type Admitted,
  createUploadGate,
  declaredLength,
  type UploadGate,
  type UploadGateOptions,
  type UploadRefusal,
} from './forward/upload-gate.js';
export { createUpstreamPools, type UpstreamPools, type UpstreamTarget } from './forward/upstream-pools.js';
export { writeError } from './forward/write-error.js';
export { createShadowMetrics, type ShadowMetrics } from './shadow/shadow-metrics.js';
export { createShadowMirror, type ShadowMirror, type ShadowMirrorDeps, type ShadowOffer } from './shadow/shadow-mirror.js';
export { compileStickyKey, type StickyKey, stickyBucket } from './shadow/sticky-key.js';
export { type LostBeforeStart, reservedPathPrefix, type Tap, type TapDeps, type TapStats } from './tap.js';
