import { type Clock, type Logger, type Random, SseParser, type TimerHandle } from '@understudy/core';
import { demoToolDefinitions } from '@understudy/demo-agent';
import { Pool } from 'undici';
import { type ConversationScript, conversationScripts, pickScript } from './demo-conversations.js';

export interface DemoTrafficOptions {
  /** The tap's base URL; every request goes through it, as a real client's would. */
  readonly tapUrl: string;
  readonly clock: Clock;
  readonly random: Random;
  readonly logger: Logger;
  /** Conversations in flight at once (default 1). */
  readonly concurrency?: number;
  /** Pause between a conversation's turns and between conversations (default 2 s; 0 = none). */
  readonly pauseMs?: number;
  /** Stop after this many requests, so a forgotten terminal does not fill the disk (default 150). */
  readonly maxRequests?: number;
}

export interface DemoTraffic {
  /** Requests sent so far. */
  sent(): number;
  /** Replies by status class (`2xx`, `4xx`, `5xx`, `failed`). */
  outcomes(): Readonly<Record<string, number>>;
  /** Stops starting turns and waits for the ones in flight. */
  stop(): Promise<void>;
}

interface Message {
  readonly role: 'user' | 'assistant';
  readonly content: string;
}

/**
 * Customers talking to the agent through the tap: multi-turn conversations (each turn carries
 * the history, as chat clients send it), some streamed, some with tools, a session header that
 * keeps a conversation on one version, and a few malformed or adversarial requests. Bounded in
 * requests; every pause goes through the injected clock.
 */
export function startDemoTraffic(options: DemoTrafficOptions): DemoTraffic {
  const max = options.maxRequests ?? 150;
  const pauseMs = options.pauseMs ?? 2_000;
  const concurrency = options.concurrency ?? 1;
  const pool = new Pool(options.tapUrl, { connections: concurrency, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const apiKey = `sk-demo-${Buffer.from(options.random.bytes(12)).toString('hex')}`;
  const scripts = conversationScripts(options.random);
  const outcomes: Record<string, number> = {};
  let sent = 0;
  let stopped = false;
  // Pending pauses, so stop() can end them at once.
  const pauses = new Map<TimerHandle, () => void>();

  const pause = (ms: number): Promise<void> =>
    ms <= 0 || stopped
      ? Promise.resolve()
      : new Promise((resolve) => {
          const timer = options.clock.setTimeout(() => {
            pauses.delete(timer);
            resolve();
          }, ms);
          pauses.set(timer, resolve);
        });

  const converse = async (script: ConversationScript, session: string): Promise<void> => {
    const history: Message[] = [];
    for (const turn of script.turns) {
      if (stopped || sent >= max) return;
      sent++;
      let body: string;
      if ('rawBody' in turn) body = turn.rawBody;
      else {
        history.push({ role: 'user', content: turn.say });
        body = JSON.stringify({
          model: 'demo',
          messages: history,
          ...(script.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
          ...(script.tools ? { tools: demoToolDefinitions } : {}),
        });
      }
      try {
        const res = await pool.request({
          method: 'POST',
          path: '/v1/chat/completions',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'x-session-id': session },
          body,
        });
        const text = await res.body.text();
        const cls = `${Math.floor(res.statusCode / 100)}xx`;
        outcomes[cls] = (outcomes[cls] ?? 0) + 1;
        if ('say' in turn && res.statusCode === 200) history.push({ role: 'assistant', content: replyText(text, script.stream) });
      } catch (error) {
        outcomes.failed = (outcomes.failed ?? 0) + 1;
        options.logger.warn({ err: error, conversation: script.name }, 'demo request failed');
      }
      await pause(pauseMs);
    }
  };

  const worker = async (): Promise<void> => {
    while (!stopped && sent < max) {
      const session = Buffer.from(options.random.bytes(6)).toString('hex');
      await converse(pickScript(scripts, options.random), session);
      await pause(pauseMs);
    }
  };

  const done = Promise.all(Array.from({ length: concurrency }, worker)).then(() => {
    if (!stopped) options.logger.info({ sent }, 'demo traffic finished');
  });
  return {
    sent: () => sent,
    outcomes: () => ({ ...outcomes }),
    async stop() {
      stopped = true;
      for (const [timer, resolve] of pauses) {
        timer.cancel();
        resolve();
      }
      pauses.clear();
      await done;
      await pool.close();
    },
  };
}

/** The assistant's text from a chat completion, JSON or streamed. */
function replyText(body: string, streamed: boolean): string {
  if (!streamed) {
    try {
      const json = JSON.parse(body) as { choices?: { message?: { content?: string | null } }[] };
      return json.choices?.[0]?.message?.content ?? '';
    } catch {
      return '';
    }
  }
  let text = '';
  const parser = new SseParser((event) => {
    try {
      const chunk = JSON.parse(event.data) as { choices?: { delta?: { content?: string } }[] };
      text += chunk.choices?.[0]?.delta?.content ?? '';
    } catch {
      // `[DONE]` and other non-JSON events carry no text.
    }
  }, 1 << 20);
  parser.push(body, 0);
  return text;
}
