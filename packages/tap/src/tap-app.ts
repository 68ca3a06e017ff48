import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { WriterHealth } from '@understudy/store';
import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { hostFieldCount } from './forward/raw-headers.js';
import { removeDotSegments } from './forward/remove-dot-segments.js';
import { splitTarget } from './forward/split-target.js';
import type { UploadGate } from './forward/upload-gate.js';
import { writeError } from './forward/write-error.js';
import { type LostBeforeStart, reservedPathPrefix, type TapStats } from './tap.js';

export interface TapAppDeps {
  readonly versionName: string;
  readonly registry: Registry;
  readonly stats: () => TapStats;
  readonly lostBeforeStart: LostBeforeStart;
  readonly writerHealth: (() => WriterHealth) | undefined;
  readonly uploads: UploadGate;
  /** True once the tap is closing: every request is answered 503. */
  readonly closing: () => boolean;
  /** Forwards one admitted request whose path (`resolved`) is already free of dot segments. */
  readonly proxy: (incoming: IncomingMessage, outgoing: ServerResponse, resolved: string, body: Buffer | undefined) => void;
}

/**
 * The tap's hono app: its own paths under {@link reservedPathPrefix} (healthz, metrics), and every
 * other request checked (one Host, no `..` above the root), admitted by the upload gate and proxied.
 */
export function createTapApp(deps: TapAppDeps): Hono<{ Bindings: HttpBindings }> {
  const { uploads, writerHealth, registry } = deps;
  const app = new Hono<{ Bindings: HttpBindings }>();
  // Always 200: the proxy serves while capture is degraded (fail-open), so a load balancer must
  // not pull the tap; `status: degraded` and the capture block tell an operator what is lost.
  app.get(`${reservedPathPrefix}healthz`, (c) => {
    const q = deps.stats();
    return c.json({
      status: q.healthy ? 'ok' : 'degraded',
      version: deps.versionName,
      capture: {
        healthy: q.healthy,
        captured: q.captured,
        dropped: q.dropped,
        storeErrors: q.storeErrors,
        lastError: q.lastError,
        lostBeforeStart: deps.lostBeforeStart,
        ...(writerHealth === undefined ? {} : { writer: writerHealth() }),
      },
    });
  });
  app.get(`${reservedPathPrefix}metrics`, async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.all(`${reservedPathPrefix}*`, (c) => c.json({ error: { code: 'not_found', message: `${c.req.path} is reserved by the tap` } }, 404));
  app.all('*', (c) => {
    const { incoming, outgoing } = c.env;
    if (deps.closing()) {
      writeError(outgoing, 503, 'unavailable', 'the tap is shutting down');
      return RESPONSE_ALREADY_SENT;
    }
    // RFC 9112 §3.2: a request with more than one Host field is answered 400 — two hosts make
    // the target ambiguous, and a proxy that picks one is how request smuggling starts.
    if (hostFieldCount(incoming.rawHeaders) > 1) {
      writeError(outgoing, 400, 'bad_request', 'the request has more than one Host header (RFC 9112 §3.2)');
      return RESPONSE_ALREADY_SENT;
    }
    // Resolved here, once, so the split, the capture filter and forward() all see the path the
    // upstream gets; a `..` above the root would reach outside the version's base path.
    const { path, query } = splitTarget(incoming.url ?? '/');
    const resolved = removeDotSegments(path);
    if (resolved === null) {
      writeError(outgoing, 400, 'bad_request', `the path ${path} climbs above the root with ".." (or hides ".." in an encoding)`);
      return RESPONSE_ALREADY_SENT;
    }
    if (resolved !== path) incoming.url = resolved + (query === '' ? '' : `?${query}`);
    // Small bodies are read whole before an upstream connection is taken; see createUploadGate.
    uploads.admit(incoming, outgoing, ({ body }) => deps.proxy(incoming, outgoing, resolved, body));
    return RESPONSE_ALREADY_SENT;
  });
  return app;
}
