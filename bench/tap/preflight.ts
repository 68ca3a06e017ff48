import { request } from 'undici';
import { chatCompletion, completionId } from './chat-fixture.js';
import type { LoadClient } from './load-client.js';
import type { Target } from './load-jobs.js';

async function upstreamCount(port: number): Promise<number> {
  const res = await request(`http://127.0.0.1:${port}/__count`, { headersTimeout: 5_000, bodyTimeout: 5_000 });
  return Number(await res.body.text());
}

/**
 * Checks that a contender answers with the upstream's completion (same id, same text) and that
 * the upstream saw exactly one request for it. Resolves to the problem, or undefined.
 */
export async function preflight(load: LoadClient, target: Target, upstreamPort: number): Promise<string | undefined> {
  const before = await upstreamCount(upstreamPort);
  const res = await load.check({ target, stream: false });
  const after = await upstreamCount(upstreamPort);
  if (res.status !== 200) return `status ${res.status}: ${res.body.slice(0, 300)}`;
  if (after !== before + 1) return `the upstream saw ${after - before} requests, expected 1`;
  const expected = JSON.parse(chatCompletion.toString('utf8')) as { choices: { message: { content: string } }[] };
  let body: { id?: unknown; choices?: { message?: { content?: unknown } }[] };
  try {
    body = JSON.parse(res.body) as typeof body;
  } catch {
    return `not JSON: ${res.body.slice(0, 300)}`;
  }
  if (body.id !== completionId) return `unexpected id ${String(body.id)}`;
  if (body.choices?.[0]?.message?.content !== expected.choices[0]?.message.content) return 'the completion text differs from the upstream';
  return undefined;
}
