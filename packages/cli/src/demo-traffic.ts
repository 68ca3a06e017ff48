import type { Clock, Logger, Random, TimerHandle } from '@understudy/core';
import { demoToolDefinitions } from '@understudy/demo-agent';
import { Pool } from 'undici';

/**
 * The embedded demo agent's version and route name: the demo registers only this name, never a
 * user's (a `stable` it wrote would redirect a real tap sharing the database).
 */
export const demoVersionName = 'understudy-demo';

export interface DemoTrafficOptions {
  /** The tap's base URL; every request goes through it, as a real client's would. */
  readonly tapUrl: string;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  readonly intervalMs?: number;
  /** Stop after this many requests, so a forgotten terminal does not fill the disk. */
  readonly maxRequests?: number;
}

export interface DemoTraffic {
  sent(): number;
  /** Stops the loop and waits for the request in flight. */
  stop(): Promise<void>;
}

const tools = demoToolDefinitions;

// A customer's email in the body shows body redaction; a bearer key in the header shows header redaction.
const email = 'jane.doe@example.com';
const scenarios: readonly { path: string; body: Record<string, unknown> }[] = [
  {
    path: '/v1/chat/completions',
    body: { model: 'demo', messages: [{ role: 'user', content: `Hi! How long does shipping take? I am ${email}` }] },
  },
  {
    path: '/v1/chat/completions',
    body: {
      model: 'demo',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'What is your return policy?' }],
    },
  },
  {
    path: '/v1/chat/completions',
    body: {
      model: 'demo',
      tools,
      messages: [{ role: 'user', content: `Please refund $42.50 for order #A-10423, it arrived broken. Contact: ${email}` }],
    },
  },
  {
    path: '/v1/messages',
    body: {
      model: 'demo',
      max_tokens: 256,
      stream: true,
      tools: [{ name: 'get_order', input_schema: { type: 'object' } }],
      messages: [{ role: 'user', content: 'Where is my order 55512?' }],
    },
  },
];

/**
 * A small, bounded loop of realistic agent calls through the tap, so someone running
 * `understudy start` for the first time sees captures (streamed, tool calls, redaction) at once.
 */
export function startDemoTraffic(options: DemoTrafficOptions): DemoTraffic {
  const max = options.maxRequests ?? 150;
  const pool = new Pool(options.tapUrl, { connections: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const apiKey = `sk-demo-${Buffer.from(options.random.bytes(12)).toString('hex')}`;
  let sent = 0;
  let inFlight: Promise<void> | undefined;
  let timer: TimerHandle | undefined;

  const tick = (): void => {
    if (inFlight !== undefined) return;
    if (sent >= max) {
      timer?.cancel();
      options.logger.info({ sent }, 'demo traffic finished');
      return;
    }
    const scenario = scenarios[sent % scenarios.length];
    sent++;
    if (scenario === undefined) return;
    inFlight = pool
      .request({
        method: 'POST',
        path: scenario.path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'x-api-key': apiKey },
        body: JSON.stringify(scenario.body),
      })
      .then(async (res) => {
        await res.body.text();
        options.logger.info({ path: scenario.path, status: res.statusCode }, 'demo request through the tap');
      })
      .catch((error: unknown) => options.logger.warn({ err: error, path: scenario.path }, 'demo request failed'))
      .finally(() => {
        inFlight = undefined;
      });
  };

  tick();
  timer = options.clock.setInterval(tick, options.intervalMs ?? 2_000);
  return {
    sent: () => sent,
    async stop() {
      timer?.cancel();
      await inFlight;
      await pool.close();
    },
  };
}
