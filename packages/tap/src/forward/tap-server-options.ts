import type { ServerOptions } from 'node:http';
import type { TapConfig } from '@understudy/core';

/**
 * Options for the Node HTTP server the tap is served on. `headersTimeout` answers 408 and
 * closes a connection whose request head is not complete in time (slowloris); Node checks it
 * every `connectionsCheckingInterval`, 30 s by default, far too coarse for a 10 s limit.
 * Keep-alive outlasts the usual 60 s load-balancer idle timeout, so the proxy in front never
 * reuses a connection the tap is just closing (Node's 5 s default resets them under load).
 */
export function tapServerOptions(timeouts: TapConfig['timeouts']): ServerOptions {
  return {
    headersTimeout: timeouts.clientHeadersMs,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(timeouts.clientHeadersMs / 4))),
    keepAliveTimeout: 65_000,
  };
}

/**
 * The tap's listen backlog: far above Node's 511, so a burst of thousands of new connections is
 * queued rather than reset (the kernel caps it at `net.core.somaxconn`).
 */
export const tapListenBacklog = 65_535;
