import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { correlationSigner, createRedactor, type ModelPrice, priceLookup } from '@understudy/capture';
import {
  type Clock,
  createIdGenerator,
  type EgressConfig,
  type EgressDestinationConfig,
  type Logger,
  parseConfig,
  type Random,
  type RedactionConfig,
  silentLogger,
  systemClock,
  systemRandom,
  urlForLog,
  type Version,
} from '@understudy/core';
import type { Store, ToolCallMatch, ToolCallRecord } from '@understudy/store';
import { createUpstreamPools, forward, writeError } from '@understudy/tap';
import { Hono } from 'hono';
import { Registry } from 'prom-client';
import { destinationTarget, egressPathPrefix } from './destination-target.js';
import { bodyKey } from './egress-body-key.js';
import type { CallKey } from './egress-cursor.js';
import { createEgressMetrics } from './egress-metrics.js';
import { type ToolCallContext, toolCallRecord } from './egress-record.js';
import { EgressRecorder } from './egress-recorder.js';
import { readWhole } from './read-whole.js';
import { RecentRecordings } from './recent-recordings.js';
import { writeRecorded } from './replay-recorded.js';

export interface EgressDeps {
  /** core `Config['egress']`: destinations, bounds, connections, timeouts. */
  readonly config: EgressConfig;
  /** Where recordings go and where a shadow call's original recording is read from. */
  readonly store: Pick<Store, 'toolCalls'>;
  /** Secret behind the keyed-hash redaction placeholders (the tap's). */
  readonly redactionKey: string;
  /** Redaction of recorded requests (default: the tap's defaults). */
  readonly redaction?: RedactionConfig;
  /** USD per million tokens by model, on top of the default table (the tap's `pricing`). */
  readonly pricing?: Readonly<Record<string, ModelPrice>>;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
  /** prom-client registry the metrics are registered in (default: a new one). */
  readonly registry?: Registry;
}

export interface Egress {
  /** Serve with @hono/node-server (the proxy path needs Node's request and response objects). */
  readonly app: Hono<{ Bindings: HttpBindings }>;
  readonly registry: Registry;
  /** Writes queued live recordings now (tests, shutdown). */
  flush(): Promise<void>;
  /** Flushes recordings and closes the tool pools. Idempotent. */
  close(): Promise<void>;
}

/**
 * The egress proxy (issue 5): an agent calls its tools through `http://<egress>/d/<name>/…`.
 * Live calls are forwarded with the tap's forwarding core and recorded in order under the
 * exchange id the tap gave the agent. Shadow and replay calls (`x-understudy-shadow: 1`) are
 * answered from the original exchange's recording, byte for byte; an unmatched write, or any
 * call to a `block` destination, is refused with 409 `shadow_blocked` and never reaches the tool.
 */
export function createEgress(deps: EgressDeps): Egress {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? systemRandom;
  const logger = (deps.logger ?? silentLogger).child({ component: 'egress' });
  const registry = deps.registry ?? new Registry();
  const { config } = deps;
  const ids = createIdGenerator({ clock, random });
  const redactor = createRedactor(deps.redaction ?? parseConfig({}).tap.redaction, deps.redactionKey);
  const sealingKey = redactor.sealingKey();
  const correlations = correlationSigner(redactor.correlationKey());
  const matchingKey = redactor.matchingKey();
  const prices = priceLookup(deps.pricing);
  const pools = createUpstreamPools(config);
  const destinations = new Map(config.destinations.map((d) => [d.name, d]));
  const versions = new Map<string, Version>(config.destinations.map((d) => [d.name, { name: d.name, upstream: d.baseUrl, headers: {} }]));
  let recorder: EgressRecorder | undefined;
  const metrics = createEgressMetrics(registry, () => recorder?.depth ?? 0);
  const recordings = new EgressRecorder({ toolCalls: deps.store.toolCalls, clock, logger, metrics, queueSize: config.queueSize });
  recorder = recordings;
  const recent = new RecentRecordings(deps.store.toolCalls, logger, config.recentExchanges);
  let closing: Promise<void> | undefined;

  const handle = async (incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
    const { name, inside, query } = destinationTarget(incoming.url ?? '/');
    const destination = destinations.get(name);
    const version = versions.get(name);
    if (destination === undefined || version === undefined) {
      const known = [...destinations.keys()].join(', ') || 'none';
      writeError(outgoing, 404, 'not_found', `no egress destination "${name}" (configured: ${known})`);
      return;
    }
    if (inside === null) {
      writeError(outgoing, 400, 'bad_request', `the path climbs above destination "${name}" with ".." (or hides ".." in an encoding)`);
      return;
    }
    const rest = inside + (query === '' ? '' : `?${query}`);
    const method = incoming.method ?? 'GET';
    // A correlation the tap or a replayer did not sign is refused before anything is read or
    // forwarded: a guessed exchange id must neither read that exchange's recorded answers nor
    // write calls into its recording.
    const check = correlations.read(incoming.headers);
    if (!check.verified) {
      metrics.call(name, destination.policy, 'refused');
      writeError(outgoing, 403, 'correlation_unverified', `${check.reason}; forward the value the tap sent unchanged`);
      return;
    }
    const { correlation } = check;
    const body = await readWhole(incoming, config.maxBodyBytes);
    if (body === undefined) {
      writeError(outgoing, 413, 'payload_too_large', `tool call bodies are limited to ${config.maxBodyBytes} bytes (egress.maxBodyBytes)`);
      return;
    }
    const contentType = incoming.headers['content-type'];
    // The key is stored and matched in its redacted spelling: placeholders are stable, so the
    // same call matches its recording while no secret in a path or query is kept.
    const scrub = redactor.forExchange();
    const redactedQuery = scrub.query(query);
    const keyPath = scrub.path(inside) + (redactedQuery === '' ? '' : `?${redactedQuery}`);
    const key: CallKey = { destination: name, method, path: keyPath, bodyKey: bodyKey(body, contentType, matchingKey) };
    const seqKey = correlation.shadow ? `s ${correlation.attemptId ?? correlation.exchangeId ?? ''}` : `l ${correlation.exchangeId ?? ''}`;
    const context: ToolCallContext = {
      id: ids(),
      startedAt: clock.now(),
      seq: recent.nextSeq(seqKey),
      correlation,
      destination,
      key,
      redactor,
      prices,
      maxBodyBytes: config.maxBodyBytes,
      rawPath: inside,
      rawQuery: query,
      rawHeaders: incoming.rawHeaders,
      body,
    };
    // forward() reads the path to send from the request target.
    incoming.url = rest;

    if (!correlation.shadow) {
      send(incoming, outgoing, version, body, context, 'recorded', null);
      return;
    }
    if (destination.policy === 'block') {
      await refuse(outgoing, context, 'blocked', `destination "${name}" refuses every shadow call (policy block)`);
      return;
    }
    const cursor =
      correlation.exchangeId === null
        ? undefined
        : await recent.cursor(correlation.attemptId ?? correlation.exchangeId, correlation.exchangeId);
    if (destination.policy === 'passthrough') {
      const seen = cursor?.take(key, true);
      send(incoming, outgoing, version, body, context, seen === undefined ? 'extra' : 'matched', seen?.id ?? null);
      return;
    }
    const recorded = cursor?.take(key);
    if (recorded !== undefined && recorded.status !== null && !recorded.responseTruncated) {
      await answer(outgoing, context, recorded);
      return;
    }
    const read = isRead(destination, method);
    if (read && destination.unmatchedReads === 'forward') {
      send(incoming, outgoing, version, body, context, 'extra', null);
      return;
    }
    const why =
      correlation.exchangeId === null
        ? 'carries no x-understudy-exchange'
        : `matches no recorded call of exchange ${correlation.exchangeId}`;
    await refuse(
      outgoing,
      context,
      read ? 'blocked' : 'unmatched',
      `shadow call ${method} /d/${name}${keyPath} ${why}; refused so it cannot act`,
    );
  };

  /** Forwards with the tap's core and records the call once the agent has the whole answer. */
  const send = (
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    version: Version,
    body: Buffer,
    context: ToolCallContext,
    match: ToolCallMatch,
    matchedId: string | null,
  ): void => {
    forward({
      incoming,
      outgoing,
      target: pools.target(version),
      captureBytes: config.maxBodyBytes,
      clock,
      body,
      onEnd: (result) => {
        metrics.call(context.destination.name, context.destination.policy, 'forwarded');
        if (result.capture === null) return;
        const record = toolCallRecord(context, {
          kind: 'forwarded',
          match,
          matchedId,
          result,
          capture: result.capture,
        });
        if (context.correlation.shadow) {
          void recordings.writeNow(record);
          return;
        }
        const exchangeId = context.correlation.exchangeId;
        if (exchangeId !== null) recent.remember(exchangeId, record);
        recordings.offer(record);
      },
    });
  };

  /** Answers a shadow call from the recording, byte for byte. */
  const answer = async (outgoing: ServerResponse, context: ToolCallContext, recorded: ToolCallRecord): Promise<void> => {
    await recordings.writeNow(toolCallRecord(context, { kind: 'replayed', recorded, durationMs: 0 }));
    metrics.call(context.destination.name, context.destination.policy, 'replayed');
    writeRecorded(outgoing, recorded, sealingKey);
  };

  const refuse = async (outgoing: ServerResponse, context: ToolCallContext, match: ToolCallMatch, message: string): Promise<void> => {
    const body = JSON.stringify({ error: { code: 'shadow_blocked', message } });
    await recordings.writeNow(toolCallRecord(context, { kind: 'blocked', match, body }));
    metrics.call(context.destination.name, context.destination.policy, 'blocked');
    writeError(outgoing, 409, 'shadow_blocked', message);
  };

  const app = new Hono<{ Bindings: HttpBindings }>();
  app.get('/_understudy/healthz', (c) => c.json({ status: 'ok', destinations: [...destinations.keys()] }));
  app.get('/_understudy/metrics', async (c) => c.body(await registry.metrics(), 200, { 'content-type': registry.contentType }));
  app.all('*', (c) => {
    const { incoming, outgoing } = c.env;
    if (closing !== undefined) {
      writeError(outgoing, 503, 'unavailable', 'the egress proxy is shutting down');
      return RESPONSE_ALREADY_SENT;
    }
    if (!(incoming.url ?? '').startsWith(egressPathPrefix)) {
      writeError(outgoing, 404, 'not_found', 'tool calls go to /d/<destination>/<path>');
      return RESPONSE_ALREADY_SENT;
    }
    handle(incoming, outgoing).catch((error: unknown) => {
      logger.error({ err: error, path: urlForLog(incoming.url ?? '') }, 'egress call failed');
      if (!outgoing.headersSent) writeError(outgoing, 500, 'internal', 'the egress proxy failed on this call');
      else outgoing.destroy();
    });
    return RESPONSE_ALREADY_SENT;
  });

  return {
    app,
    registry,
    flush: () => recordings.flush(),
    close() {
      closing ??= (async () => {
        await recordings.close();
        await pools.close();
      })();
      return closing;
    },
  };
}

function isRead(destination: EgressDestinationConfig, method: string): boolean {
  return destination.readMethods.includes(method.toUpperCase());
}
