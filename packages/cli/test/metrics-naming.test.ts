import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { startOtlpReceiver } from '../../otel/test/otlp-receiver.js';
import { demoVersionName } from '../src/demo/demo-agents.js';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';
import { eventually } from './eventually.js';

// Prometheus naming conventions (https://prometheus.io/docs/practices/naming/).
const nonBaseUnits =
  /_(ms|millis|milliseconds|microseconds|us|nanoseconds|ns|minutes|hours|days|kb|kib|mb|mib|kilobytes|megabytes|percent)(_|$)/;
const timeWords = /(duration|latency|ttfb|time|delay|age|elapsed|wait)/;
const sizeWords = /(size|bytes|length)/;
/** Labels whose values come from requests (ids, paths, users) make the series set unbounded. */
const unboundedLabels = /^(id|.*_id|path|url|uri|query|user|session|conversation|exchange|ip|host|email|model|prompt)$/;
const ulid = /[0-9A-HJKMNP-TV-Z]{26}/;
/** RFC 9110 §9 methods plus PATCH (RFC 5789); anything else a client sends is one `other` series. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH', 'other']);

interface Violation {
  readonly surface: string;
  readonly metric: string;
  readonly rule: string;
}

function check(surface: string, exposition: string, sentTokens: readonly string[]): Violation[] {
  const out: Violation[] = [];
  const bad = (metric: string, rule: string) => out.push({ surface, metric, rule });
  for (const family of parsePrometheusTextFormat(exposition)) {
    const { name, type, help } = family;
    if (!/^understudy_[a-z][a-z0-9_]*[a-z0-9]$/.test(name) || name.includes('__')) bad(name, 'snake_case name with the understudy_ prefix');
    if ((help ?? '').trim() === '') bad(name, 'HELP text');
    if (type === 'COUNTER' && !name.endsWith('_total')) bad(name, 'a counter ends in _total');
    if (type !== 'COUNTER' && name.endsWith('_total')) bad(name, 'only counters end in _total');
    if (nonBaseUnits.test(name)) bad(name, 'base units only (seconds, bytes, ratio)');
    const stem = name.replace(/_total$/, '');
    if ((type === 'HISTOGRAM' || type === 'SUMMARY') && timeWords.test(stem) && !stem.endsWith('_seconds'))
      bad(name, 'a time ends in _seconds');
    if (sizeWords.test(stem) && type !== 'COUNTER' && !stem.endsWith('_bytes')) bad(name, 'a size ends in _bytes');
    if (family.metrics.length > 60) bad(name, `bounded series (${family.metrics.length} > 60)`);
    for (const sample of family.metrics) {
      for (const [label, value] of Object.entries(sample.labels ?? {})) {
        if (!/^[a-z][a-z0-9_]*$/.test(label)) bad(name, `snake_case label ${label}`);
        if (unboundedLabels.test(label)) bad(name, `bounded label: ${label} takes values from requests`);
        if (label === 'method' && !knownMethods.has(value)) bad(name, `method="${value}": a standard method or other`);
        if (ulid.test(value) || sentTokens.some((t) => value.includes(t))) bad(name, `label ${label}="${value}" carries a request value`);
      }
      if ('buckets' in sample && stem.endsWith('_seconds')) {
        const bounds = Object.keys(sample.buckets ?? {})
          .filter((le) => le !== '+Inf')
          .map(Number);
        if (Math.max(...bounds) > 3600) bad(name, 'bucket bounds in seconds');
      }
    }
  }
  return out;
}

describe('Prometheus metrics: names, units and label cardinality', () => {
  it('every registry (tap, control plane, egress) follows the naming conventions after hostile traffic', async () => {
    const token = 'metrics-token-123';
    // The OpenTelemetry export on too, so its families are checked with the rest.
    const collector = await startOtlpReceiver();
    // And the LLM judge (a stub OpenAI-compatible model that finds every pair the same), so its families are too.
    let judgeCalls = 0;
    const judge = createServer((req, res) => {
      judgeCalls++;
      req.resume().on('end', () => {
        const content = '{"verdict":"same","reason":"same facts","confidence":0.9}';
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content } }] }));
      });
    });
    await new Promise<void>((resolve) => judge.listen(0, '127.0.0.1', resolve));
    const judgeUrl = `http://127.0.0.1:${(judge.address() as AddressInfo).port}/v1`;
    const c = captureIo({ env: { UNDERSTUDY_ADMIN_TOKEN: token, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: collector.url } });
    writeFileSync(
      join(c.dir, 'understudy.config.json'),
      JSON.stringify({
        tap: { shadow: { version: demoVersionName, rate: 1 } },
        compare: { judge: { url: judgeUrl, model: 'judge-mini' } },
      }),
    );
    const abort = new AbortController();
    const done = run(['start', '--port', '0', '--control-port', '0'], c.io, abort.signal);
    try {
      const control = await eventually(() => /control\s+(http:\S+)/.exec(c.out())?.[1]);
      const tap = /tap\s+(http:\S+)/.exec(c.out())?.[1] ?? '';
      const egress = /egress\s+(http:\S+)/.exec(c.out())?.[1] ?? '';
      const auth = { authorization: `Bearer ${token}` };

      // Requests whose paths, ids, methods and destinations are all different: none may become a series.
      const tokens = Array.from({ length: 40 }, (_, i) => `zq${i}x${(i * 7919).toString(36)}`);
      for (const t of tokens) {
        await (await fetch(`${tap}/v1/chat/${t}?user=${t}`, { method: 'POST', body: '{}' })).arrayBuffer();
        await (await fetch(`${control}/api/exchanges/${t}`, { headers: auth })).arrayBuffer();
        await (await fetch(`${control}/nowhere/${t}`)).arrayBuffer();
        await (await fetch(`${egress}/d/${t}/orders/1`)).arrayBuffer();
        await (await fetch(`${egress}/d/orders/orders/${t}`)).arrayBuffer();
      }
      for (const method of ['PROPFIND', 'PATCH', 'OPTIONS', 'PURGE', 'MKCOL'])
        await (await fetch(`${control}/api/versions`, { method, headers: auth })).arrayBuffer();
      const chat = { model: 'demo', messages: [{ role: 'user', content: 'Where is my order 55512?' }] };
      for (let i = 0; i < 5; i++)
        await (
          await fetch(`${tap}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(chat),
          })
        ).arrayBuffer();
      // Shadow copies are compared by the worker; wait until its verdicts are counted.
      const scrape = async (url: string, headers: Record<string, string> = {}) => (await fetch(url, { headers })).text();
      await eventually(async () =>
        (await scrape(`${control}/metrics`, auth)).includes('understudy_shadow_comparisons_total{') ? true : undefined,
      );
      // The demo's live shadow asked the judge, and the control plane counts its calls.
      await eventually(async () =>
        /^understudy_judge_calls_total [1-9]/m.test(await scrape(`${control}/metrics`, auth)) ? true : undefined,
      );
      expect(judgeCalls).toBeGreaterThan(0);

      const surfaces: Record<string, string> = {
        tap: await scrape(`${tap}/_understudy/metrics`),
        control: await scrape(`${control}/metrics`, auth),
        egress: await scrape(`${egress}/_understudy/metrics`),
      };
      const families = new Set<string>();
      const violations: Violation[] = [];
      for (const [surface, text] of Object.entries(surfaces)) {
        for (const f of parsePrometheusTextFormat(text)) families.add(f.name);
        violations.push(...check(surface, text, tokens));
      }
      // The tap's endpoint needs no token: it serves the tap's own registry, never the control
      // plane's, the egress proxy's or the exporter's counters.
      const onTap = parsePrometheusTextFormat(surfaces.tap ?? '').map((f) => f.name);
      expect(onTap.filter((name) => /^understudy_(control|egress|otel|judge)_/.test(name))).toEqual([]);
      expect(onTap).toContain('understudy_tap_requests_total');
      // The rules ran over every family the platform registers.
      expect([...families].sort()).toEqual(
        expect.arrayContaining([
          'understudy_control_request_duration_seconds',
          'understudy_control_requests_total',
          'understudy_egress_calls_total',
          'understudy_judge_budget_exhausted_total',
          'understudy_judge_cache_hits_total',
          'understudy_judge_call_duration_seconds',
          'understudy_judge_calls_total',
          'understudy_judge_failures_total',
          'understudy_otel_queue_depth',
          'understudy_otel_spans_dropped_total',
          'understudy_otel_spans_exported_total',
          'understudy_shadow_comparisons_total',
          'understudy_shadow_mirrored_total',
          'understudy_tap_request_duration_seconds',
          'understudy_tap_requests_total',
        ]),
      );
      expect(violations).toEqual([]);
    } finally {
      abort.abort();
      await done;
      await collector.close();
      await new Promise<void>((resolve) => judge.close(() => resolve()));
    }
  }, 60_000);

  it('the checker itself flags each broken rule', () => {
    const text = [
      '# HELP understudy_hits Hits.',
      '# TYPE understudy_hits counter',
      'understudy_hits{path="/orders/zq1",method="PURGE"} 1',
      '# HELP understudy_wait_ms Wait.',
      '# TYPE understudy_wait_ms histogram',
      'understudy_wait_ms_bucket{le="500"} 1',
      'understudy_wait_ms_bucket{le="+Inf"} 1',
      'understudy_wait_ms_sum 3',
      'understudy_wait_ms_count 1',
      '# HELP understudy_depth_total Depth.',
      '# TYPE understudy_depth_total gauge',
      'understudy_depth_total{exchange_id="01M7YAMM9SDHAA4Y6FHZAJTQ9A"} 1',
      '',
    ].join('\n');
    expect(check('t', text, ['zq1']).map((v) => `${v.metric}: ${v.rule}`)).toEqual([
      'understudy_hits: a counter ends in _total',
      'understudy_hits: bounded label: path takes values from requests',
      'understudy_hits: label path="/orders/zq1" carries a request value',
      'understudy_hits: method="PURGE": a standard method or other',
      'understudy_wait_ms: base units only (seconds, bytes, ratio)',
      'understudy_wait_ms: a time ends in _seconds',
      'understudy_depth_total: only counters end in _total',
      'understudy_depth_total: bounded label: exchange_id takes values from requests',
      'understudy_depth_total: label exchange_id="01M7YAMM9SDHAA4Y6FHZAJTQ9A" carries a request value',
    ]);
  });
});
