import { type Logger, urlForLog } from '@understudy/core';
import type { CanaryEventInput } from '@understudy/store';
import type { Dispatcher } from 'undici';
import type { WebhookKind } from './canary-spec.js';
import { type CanaryView, canarySummary } from './canary-view.js';
import { postWebhook, type WebhookResponse } from './webhook-client.js';

/**
 * Calls a canary's webhooks of one kind. Payload (documented in README):
 * `{ kind, at, canary: { id, stable, candidate, state, step, steps, weight, reason }, event? }`.
 */
export interface Notifier {
  /** Calls every webhook subscribed to `kind` in turn and returns their answers. */
  call(
    view: CanaryView,
    kind: WebhookKind,
    at: number,
    extra?: Record<string, unknown>,
  ): Promise<{ url: string; response: WebhookResponse }[]>;
  /** Sends each ledger event to the `event` webhooks, after it committed (at most once). */
  events(view: CanaryView, at: number, events: readonly CanaryEventInput[]): Promise<void>;
}

export function createNotifier(dispatcher: Dispatcher, logger: Logger): Notifier {
  const call: Notifier['call'] = async (view, kind, at, extra = {}) => {
    const out: { url: string; response: WebhookResponse }[] = [];
    for (const hook of view.spec.webhooks) {
      if (!hook.kinds.includes(kind)) continue;
      const response = await postWebhook(dispatcher, hook.url, { kind, at, canary: canarySummary(view), ...extra }, hook.timeoutMs);
      if (!response.ok)
        logger.warn({ canary: view.record.id, kind, url: urlForLog(hook.url), error: response.error }, 'canary webhook failed');
      out.push({ url: hook.url, response });
    }
    return out;
  };
  return {
    call,
    async events(view, at, events) {
      if (!view.spec.webhooks.some((h) => h.kinds.includes('event'))) return;
      for (const e of events) await call(view, 'event', at, { event: { type: e.type, actor: e.actor, data: e.data } });
    },
  };
}

/** Whether hook answers allow going on: every call 2xx and none says `{ "pass": false }`. */
export function hooksAllow(answers: readonly { url: string; response: WebhookResponse }[]): { ok: boolean; reason: string } {
  for (const { url, response } of answers) {
    if (!response.ok) return { ok: false, reason: `${url}: ${response.error}` };
    if (response.status < 200 || response.status > 299) return { ok: false, reason: `${url}: status ${response.status}` };
    const body = response.body as { pass?: unknown; reason?: unknown } | null;
    if (body !== null && typeof body === 'object' && body.pass === false) {
      return { ok: false, reason: `${url}: ${typeof body.reason === 'string' ? body.reason : 'refused'}` };
    }
  }
  return { ok: true, reason: '' };
}
