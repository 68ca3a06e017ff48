import { type Dispatcher, request } from 'undici';

/** How a webhook call ended: the status and parsed JSON body, or why there was no answer. */
export type WebhookResponse =
  | { readonly ok: true; readonly status: number; readonly body: unknown }
  | { readonly ok: false; readonly error: string };

/** Answers past this are cut: a webhook reply is a small JSON verdict. */
const maxResponseBytes = 64 * 1024;

/**
 * POSTs `payload` as JSON through the injected dispatcher. The timeout covers both the
 * response head and the body (undici's headersTimeout/bodyTimeout), so no wall-clock timer is
 * needed here; any failure becomes a value, never a throw.
 */
export async function postWebhook(dispatcher: Dispatcher, url: string, payload: unknown, timeoutMs: number): Promise<WebhookResponse> {
  try {
    const res = await request(url, {
      dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'understudy-canary' },
      body: JSON.stringify(payload),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of res.body) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > maxResponseBytes) {
        res.body.destroy();
        return { ok: false, error: `response larger than ${maxResponseBytes} bytes` };
      }
      chunks.push(b);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = text;
      }
    }
    return { ok: true, status: res.statusCode, body };
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    return { ok: false, error: `${typeof e.code === 'string' ? `${e.code}: ` : ''}${String(e.message ?? error)}` };
  }
}

/** A gate-style answer: 2xx with `{ pass: boolean, reason? }`; anything else is no answer. */
export function gateAnswer(res: WebhookResponse): { pass: boolean; reason: string } | { error: string } {
  if (!res.ok) return { error: res.error };
  if (res.status < 200 || res.status > 299) return { error: `status ${res.status}` };
  const body = res.body as { pass?: unknown; reason?: unknown } | null;
  if (body === null || typeof body !== 'object' || typeof body.pass !== 'boolean')
    return { error: 'expected a JSON body { "pass": boolean, "reason"?: string }' };
  return { pass: body.pass, reason: typeof body.reason === 'string' ? body.reason : body.pass ? 'passed' : 'failed' };
}
