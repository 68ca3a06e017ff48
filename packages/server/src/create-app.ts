import { type Clock, type Logger, silentLogger, systemClock, UnderstudyError } from '@understudy/core';
import type { Replayer } from '@understudy/replay';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Registry } from 'prom-client';
import { bearerAuth, tokenVerifier } from './bearer-auth.js';
import { canaryRoutes } from './canary-routes.js';
import { errorResponse } from './error-response.js';
import { exchangeRoutes } from './exchange-routes.js';
import { gateRoutes } from './gate-routes.js';
import { replayRoutes } from './replay-routes.js';
import { requestMetrics } from './request-metrics.js';
import { versionRoutes } from './version-routes.js';

export interface ControlPlaneDeps {
  readonly store: Store;
  /** The bearer token every route but `/healthz` requires. */
  readonly adminToken: string;
  /** Served at `/metrics`; pass the tap's registry when both run in one process. */
  readonly registry?: Registry;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * Runs `POST /api/replays` jobs in this process; one over `store` is made when absent, and
   * {@link ControlPlaneApp.close} closes it (a replayer passed in is the caller's to close).
   */
  readonly replayer?: Replayer;
  /** Replay runs worked on at once (default 4); a start past it answers 409 `conflict`. */
  readonly maxActiveReplays?: number;
}

/** The control-plane app, and what stops the background work it started. */
export type ControlPlaneApp = Hono & {
  /** Stops active replay runs (they end `aborted`, resumable) and closes what the app made. Call after the server stopped. */
  close(): Promise<void>;
};

// API bodies are small JSON documents; anything bigger is a mistake or an attack.
const maxBodyBytes = 64 * 1024;

/** The control-plane HTTP API. It never listens; the CLI serves it, and closes it on shutdown. */
export function createApp(deps: ControlPlaneDeps): ControlPlaneApp {
  const logger = deps.logger ?? silentLogger;
  const registry = deps.registry ?? new Registry();
  const app = new Hono();

  app.onError((error, c) => errorResponse(error, c, logger));
  app.notFound((c) => c.json(new UnderstudyError('not_found', `no route for ${c.req.method} ${c.req.path}`).toJSON(), 404));

  app.use('*', requestMetrics(registry, deps.clock ?? systemClock));
  app.get('/healthz', (c) => c.json({ ok: true }));
  // Rollout controllers' gates check the token themselves: Flagger cannot send headers on a
  // webhook (the token comes in its metadata) and its Prometheus provider sends basic auth.
  app.route('/api/gates', gateRoutes({ store: deps.store, clock: deps.clock ?? systemClock, verify: tokenVerifier(deps.adminToken) }));
  app.use('*', bearerAuth(deps.adminToken));
  app.use(
    '*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new UnderstudyError('payload_too_large', `request bodies are limited to ${maxBodyBytes} bytes`);
      },
    }),
  );
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.route('/api/exchanges', exchangeRoutes(deps.store));
  app.route('/api/versions', versionRoutes(deps.store));
  const replays = replayRoutes(deps);
  app.route('/api/replays', replays.routes);
  app.route('/api/canaries', canaryRoutes({ store: deps.store, clock: deps.clock ?? systemClock }));
  return Object.assign(app, { close: () => replays.close() });
}
