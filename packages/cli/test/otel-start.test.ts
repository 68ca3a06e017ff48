import { describe, expect, it } from 'vitest';
import { attrs, startOtlpReceiver } from '../../otel/test/otlp-receiver.js';
import { demoVersionName } from '../src/demo/demo-agents.js';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';
import { eventually } from './eventually.js';

describe('understudy start with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('exports the traffic through the tap as GenAI spans to the collector, and counts them in /metrics', async () => {
    const receiver = await startOtlpReceiver();
    const token = 'otel-start-token-1';
    const c = captureIo({
      env: {
        UNDERSTUDY_ADMIN_TOKEN: token,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url.replace(/\/v1\/traces$/, ''),
        OTEL_EXPORTER_OTLP_HEADERS: 'authorization=Bearer%20collector-key',
        OTEL_SERVICE_NAME: 'shop-agent-gateway',
      },
    });
    const abort = new AbortController();
    const done = run(['start', '--port', '0', '--control-port', '0'], c.io, abort.signal);
    try {
      const control = await eventually(() => /control\s+(http:\S+)/.exec(c.out())?.[1]);
      const tap = /tap\s+(http:\S+)/.exec(c.out())?.[1] ?? '';
      const chat = { model: 'demo', messages: [{ role: 'user', content: 'Where is my order 55512?' }] };
      const res = await fetch(`${tap}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(chat),
      });
      await res.arrayBuffer();
      const span = await eventually(() =>
        receiver.spans.find(
          (s) => attrs(s.attributes)['gen_ai.request.model'] === 'demo' && attrs(s.attributes)['understudy.role'] === 'live',
        ),
      );
      expect(attrs(span.attributes)).toMatchObject({
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        // The embedded demo serves under its own version name, never a user's `stable`.
        'understudy.version': demoVersionName,
      });
      expect(receiver.requests[0]).toMatchObject({ serviceName: 'shop-agent-gateway', contentType: 'application/x-protobuf' });
      expect(receiver.requests[0]?.headers.authorization).toBe('Bearer collector-key');
      const metrics = await (await fetch(`${control}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();
      expect(Number(/^understudy_otel_spans_exported_total (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(0);
      expect(metrics).toMatch(/^understudy_otel_spans_dropped_total 0$/m);
    } finally {
      abort.abort();
      await done;
      await receiver.close();
    }
  }, 60_000);
});
