import type { ServerOptions } from 'node:http';
import type { TapConfig } from '@understudy/core';

/**
 * Options for the Node HTTP server the tap is served on. `headersTimeout` answers 408 and
 * closes a connection whose request head is not complete in time (slowloris); Node checks it
 * every `connectionsCheckingInterval`, 30 s by default, far too coarse for a 10 s limit.
 */
export function tapServerOptions(timeouts: TapConfig['timeouts']): ServerOptions {
  return {
    headersTimeout: timeouts.clientHeadersMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.clientHeadersMs / 4))),
  };
}
