import { type Clock, UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { bearerToken } from './bearer-token.js';
import { bodyLimit } from './body-limit.js';
import { parsePromQuery, promVector } from './prom-query.js';
import { judgeVersion, parseGateQuery, type VersionGateReport } from './version-gate.js';

export interface GateRoutesDeps {
  readonly store: Store;
  readonly clock: Clock;
  /** Whether a presented token may read (the gate endpoints change nothing). */
  readonly verify: (token: string | undefined) => boolean;
}

// Flagger's webhook payload (flagger.app v1beta1 CanaryWebhookPayload); checksum came in later versions.
const flaggerPayload = z.object({
  name: z.string().min(1),
  namespace: z.string(),
  phase: z.string().optional(),
  checksum: z.string().optional(),
  type: z.string().optional(),
  metadata: z.record(z.string(), z.string()).nullish(),
});

const maxWebhookBytes = 64 * 1024;

function unauthorized(c: Context, how: string): never {
  c.header('www-authenticate', 'Bearer realm="understudy"');
  throw new UnderstudyError('unauthorized', `a valid token is required (${how})`);
}

/** The password of an `Authorization: Basic` header: Flagger's Prometheus provider sends the secret's username/password so. */
function basicPassword(header: string | undefined): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (m?.[1] === undefined) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/**
 * Verdicts for Kubernetes rollout controllers, under `/api/gates`:
 *
 * - `GET /api/gates/versions/:version?stable=&window=&run=&maxDivergence=&…` — Argo Rollouts' Web
 *   metric provider: always 200 with the {@link VersionGateReport}, so `successCondition:
 *   result.verdict == "pass"` / `failureCondition: result.verdict == "fail"` leave an
 *   inconclusive answer inconclusive (Argo pauses); a version nobody registered or served is a
 *   typed 404 (Argo errors), never a verdict. Bearer token in the provider's `headers`.
 * - `POST /api/gates/flagger` — Flagger's webhook (`rollout`, `pre-rollout`, `confirm-promotion`):
 *   `{ name, namespace, phase, checksum?, metadata }` with the version in `metadata.version`
 *   (default: the canary's name) and the query's other keys as metadata; 200 pass, 412 fail, 404
 *   an unknown version (whatever `onInconclusive` says).
 *   Flagger's webhooks cannot send headers, so the token may come as `metadata.token`.
 * - `GET /api/gates/prometheus/api/v1/query?query=` — Flagger's MetricTemplate with the
 *   `prometheus` provider: `understudy_gate_pass{version="v2"}` and the other figures (see
 *   {@link parsePromQuery}), with the token as the secret's password (basic auth) or a bearer; an
 *   unknown version (or run) has no sample, as Prometheus answers a series it does not hold.
 */
export function gateRoutes(deps: GateRoutesDeps): Hono {
  const routes = new Hono();
  const judge = (input: Record<string, unknown>): Promise<VersionGateReport> => judgeVersion(deps.store, deps.clock, parseGateQuery(input));

  routes.get('/versions/:version', async (c) => {
    if (!deps.verify(bearerToken(c.req.header('authorization')))) unauthorized(c, 'Authorization: Bearer <token>');
    return c.json(await judge({ ...c.req.query(), version: c.req.param('version') }));
  });

  // Bounded before it is read: this route reads its body before it can check the token.
  routes.post('/flagger', bodyLimit({ maxBytes: maxWebhookBytes, what: 'webhook bodies', clock: deps.clock }), async (c) => {
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (cause) {
      throw new UnderstudyError('bad_request', 'the body must be a Flagger webhook payload (JSON)', { cause });
    }
    const payload = flaggerPayload.safeParse(body);
    const metadata = payload.success ? (payload.data.metadata ?? {}) : {};
    if (!deps.verify(bearerToken(c.req.header('authorization')) ?? metadata.token)) unauthorized(c, 'metadata.token or a bearer header');
    if (!payload.success) {
      const issue = payload.error.issues[0];
      throw new UnderstudyError('invalid_input', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    const { token: _token, ...query } = metadata;
    const parsed = parseGateQuery({ version: payload.data.name, ...query });
    const report = await judgeVersion(deps.store, deps.clock, parsed);
    const pass = report.verdict === 'pass' || (report.verdict === 'inconclusive' && parsed.onInconclusive === 'pass');
    // Flagger logs a failing hook's body in its events: keep it one readable line plus the figures.
    return c.json(
      { ...report, canary: { name: payload.data.name, namespace: payload.data.namespace, phase: payload.data.phase ?? null } },
      pass ? 200 : 412,
    );
  });

  routes.get('/prometheus/api/v1/query', async (c) => {
    const auth = c.req.header('authorization');
    if (!deps.verify(bearerToken(auth) ?? basicPassword(auth))) unauthorized(c, 'basic auth password or bearer');
    const query = parsePromQuery(c.req.query('query') ?? '');
    const at = deps.clock.now() / 1000;
    if (query.kind === 'constant') return c.json(promVector(at, query.value, {}));
    const report = await judge(query.labels).catch((error: unknown) => {
      // As Prometheus answers a series it does not hold: no sample (Flagger fails the check), never a figure.
      if (error instanceof UnderstudyError && error.code === 'not_found') return null;
      throw error;
    });
    if (report === null) return c.json(promVector(at, null, {}));
    return c.json(promVector(at, query.figure(report), { version: report.version }));
  });
  return routes;
}
