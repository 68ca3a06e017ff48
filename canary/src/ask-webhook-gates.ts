import type { Dispatcher } from 'undici';
import type { WebhookGateResult } from './arm-stats.js';
import { gateName } from './canary-spec.js';
import type { CanaryView } from './canary-view.js';
import { gateAnswer, postWebhook } from './webhook-client.js';

/**
 * Asks every webhook gate of a canary for its verdict on the window [since, now]. The gates are
 * asked at once, so a tick waits for the slowest one, not for their sum; an unanswered gate is a
 * value (its error), never a throw.
 */
export async function askWebhookGates(
  dispatcher: Dispatcher,
  view: CanaryView,
  since: number,
  now: number,
): Promise<Map<string, WebhookGateResult>> {
  const { spec, record } = view;
  const asked = await Promise.all(
    spec.gates.flatMap((gate) =>
      gate.kind !== 'webhook' || gate.url === undefined
        ? []
        : [
            postWebhook(
              dispatcher,
              gate.url,
              {
                kind: 'gate',
                gate: gateName(gate),
                at: now,
                canary: {
                  id: record.id,
                  stable: spec.stable,
                  candidate: spec.candidate,
                  step: record.stepIndex + 1,
                  weight: record.weight,
                },
                window: { from: since, to: now },
              },
              gate.timeoutMs,
            ).then((res) => [gateName(gate), gateAnswer(res)] as const),
          ],
    ),
  );
  return new Map<string, WebhookGateResult>(asked);
}
