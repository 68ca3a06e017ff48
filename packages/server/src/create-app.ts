import { createCanaryService } from '@understudy/canary';
import type { Redactor } from '@understudy/capture';
import {
  type AccessToken,
  type Clock,
  type Logger,
  type Random,
  silentLogger,
  systemClock,
  systemRandom,
  UnderstudyError,
} from '@understudy/core';
import type { Replayer } from '@understudy/replay';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { Registry } from 'prom-client';
import { authenticate } from './auth/authenticate.js';
import { authorize } from './auth/authorize.js';
import { loginRoutes, logoutRoute } from './auth/login-routes.js';
import { createSessionStore } from './auth/session-store.js';
import { createTokenVerifier } from './auth/token-verifier.js';
import { bodyLimit } from './body-limit.js';
import { canaryRoutes } from './canary-routes.js';
import { comparisonRoutes } from './comparison-routes.js';
import type { ControlEnv } from './control-env.js';
import { canaryPages } from './dashboard/canary-pages.js';
import { comparisonPages } from './dashboard/comparison-pages.js';
import { errorPage } from './dashboard/error-page.js';
import { exchangePages } from './dashboard/exchange-pages.js';
import { faviconRoutes } from './dashboard/favicon.js';
import { overviewRoute } from './dashboard/overview-route.js';
import { replayPages } from './dashboard/replay-pages.js';
import { errorResponse } from './error-response.js';
import { exchangeRoutes } from './exchange-routes.js';
import { gateRoutes } from './gate-routes.js';
import { replayRoutes } from './replay-routes.js';
import { requestMetrics } from './request-metrics.js';
import { errorTextRedactor } from './safe-error-message.js';
import { securityHeaders } from './security-headers.js';
import { versionRoutes } from './version-routes.js';
import { wantsErrorPage } from './wants-page.js';

export interface ControlPlaneDeps {
  readonly store: Store;
  /**
   * Named tokens with a role; every route but `/healthz` (and the sign-in form) requires one,
   * as a bearer header or through a `/login` session. `read` only looks; `operate` also acts.
   */
  readonly tokens?: readonly AccessToken[];
  /** `UNDERSTUDY_ADMIN_TOKEN`: an `operate` token named `admin`. */
  readonly adminToken?: string;
  /** Session ids and CSP nonces. */
  readonly random?: Random;
  /** Lifetime of a browser session (default 12 h). */
  readonly sessionTtlMs?: number;
  /** Served at `/metrics`; pass the tap's registry when both run in one process. */
  readonly registry?: Registry;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * Runs `POST /api/replays` jobs in this process; one over `store` is made when absent, and
   * {@link ControlPlaneApp.close} closes it (a replayer passed in is the caller's to close).
   */
  readonly replayer?: Replayer;
  /**
   * The tap's redactor (same key): replay answers recorded by this process are redacted with it,
   * and sealed tool-call recordings are shown opened and redacted. Without it replays use a key
   * drawn for the process and sealed bodies show as `[sealed: …]`.
   */
  readonly redactor?: Redactor;
  /** Replay runs worked on at once (default 4); a start past it answers 409 `conflict`. */
  readonly maxActiveReplays?: number;
}

/** The control-plane app, and what stops the background work it started. */
export type ControlPlaneApp = Hono<ControlEnv> & {
  /** Stops active replay runs (they end `aborted`, resumable) and closes what the app made. Call after the server stopped. */
  close(): Promise<void>;
};

// API bodies are small JSON documents; anything bigger is a mistake or an attack.
const maxBodyBytes = 64 * 1024;

/** The control-plane HTTP API. It never listens; the CLI serves it, and closes it on shutdown. */
export function createApp(deps: ControlPlaneDeps): ControlPlaneApp {
  const logger = deps.logger ?? silentLogger;
  const registry = deps.registry ?? new Registry();
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const tokens = accessTokens(deps);
  const verify = createTokenVerifier(tokens);
  const sessionTtlMs = deps.sessionTtlMs ?? 12 * 3600_000;
  const sessions = createSessionStore({ clock, random, ttlMs: sessionTtlMs });
  const app = new Hono<ControlEnv>();

  const redactError = errorTextRedactor(deps.redactor, random);
  app.onError((error, c) =>
    wantsErrorPage(c.req.method, c.req.path, c.req.header('accept'))
      ? errorPage(error, c, logger, redactError)
      : errorResponse(error, c, logger, redactError),
  );
  app.notFound((c) =>
    errorResponse(new UnderstudyError('not_found', `no route for ${c.req.method} ${c.req.path}`), c, logger, redactError),
  );

  app.use('*', requestMetrics(registry, clock));
  app.use('*', securityHeaders(random));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/', faviconRoutes());
  // Rollout controllers' gates check the token themselves (any role: they only read): Flagger
  // cannot send headers on a webhook (the token comes in its metadata) and its Prometheus
  // provider sends basic auth.
  app.route('/api/gates', gateRoutes({ store: deps.store, clock, verify: (token) => token !== undefined && verify(token) !== undefined }));
  app.use('*', bodyLimit({ maxBytes: maxBodyBytes, what: 'request bodies', clock }));
  app.route('/', loginRoutes({ verify, sessions, sessionTtlMs, redact: redactError }));
  app.use('*', authenticate({ verify, sessions, redact: redactError }));
  app.route('/', logoutRoute(sessions));
  app.use('*', authorize());
  app.get('/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.route('/api/exchanges', exchangeRoutes(deps.store));
  app.route('/api/versions', versionRoutes(deps.store));
  const replays = replayRoutes(deps);
  app.route('/api/replays', replays.routes);
  app.route('/api/comparisons', comparisonRoutes(deps.store, deps.redactor));
  const canaries = createCanaryService({ store: deps.store, clock, random, logger });
  app.route('/api/canaries', canaryRoutes({ store: deps.store, service: canaries }));
  // The dashboard: server-rendered pages over the same store and services.
  app.route('/', overviewRoute({ store: deps.store, clock, registry }));
  app.route('/', comparisonPages(deps.store));
  app.route('/', replayPages(deps.store));
  app.route('/', canaryPages({ store: deps.store, clock, service: canaries }));
  app.route('/', exchangePages(deps.store));
  return Object.assign(app, { close: () => replays.close() });
}

/** The configured tokens plus `adminToken` as `admin` (operate); at least one is required. */
function accessTokens(deps: ControlPlaneDeps): AccessToken[] {
  const tokens = [...(deps.tokens ?? [])];
  if (deps.adminToken !== undefined) {
    if (tokens.some((t) => t.name === 'admin'))
      throw new UnderstudyError('invalid_config', 'control.tokens: the name "admin" is taken by the admin token (UNDERSTUDY_ADMIN_TOKEN)');
    tokens.push({ name: 'admin', role: 'operate', token: deps.adminToken });
  }
  if (tokens.length === 0)
    throw new UnderstudyError('invalid_config', 'the control plane needs at least one token (adminToken or control.tokens)');
  return tokens;
}
