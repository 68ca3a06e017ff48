import { ManualClock } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createDemoAgentApp } from './demo-agent-app.js';

const questions = [
  'How long do refunds take?',
  'What is your return window?',
  'Do you ship abroad?',
  'Where is my order #A-1234?',
  'I want a refund of $20 for order #B-5678',
  'Which cards do you take?',
  'Can I change my address?',
  'What is your return window?',
];

/** One request: a customer's question in a session (two sessions may ask the same). */
const requests = questions.map((q, i) => ({
  session: `s${i}`,
  body: JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: q }] }),
}));

async function replies(order: readonly number[], seed: number): Promise<Map<string, string>> {
  // A fixed clock: a reply's `created` second is read from it, and two runs on the system clock
  // straddled a second boundary now and then (the whole suite under load failed on it once).
  const app = createDemoAgentApp({ variant: 'v3', seed, clock: new ManualClock(1_796_165_868_000) });
  const out = new Map<string, string>();
  for (const i of order) {
    const r = requests[i] as (typeof requests)[number];
    const res = await app.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-session-id': r.session },
      body: r.body,
    });
    const key = `${i}#${out.has(`${i}#0`) ? 1 : 0}`;
    out.set(key, `${res.status} ${await res.text()}`);
  }
  return out;
}

describe('a seeded demo agent', () => {
  // The demo's replay gate counts the regressed agent's faults over the replayed requests; with
  // one shared stream of draws, which request got which draw depended on the order concurrent
  // requests arrived in, so a seeded run still came out differently each time.
  it('answers each request the same whatever order requests arrive in, and a repeat of one afresh', async () => {
    const forward = [0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7];
    const shuffled = [5, 2, 7, 0, 6, 3, 1, 4, 6, 1, 4, 7, 3, 0, 5, 2];
    const a = await replies(forward, 11);
    const b = await replies(shuffled, 11);
    expect(b).toEqual(a);
    // A repeat is a fresh draw (production's own noise stays), not a copy of the first answer.
    const repeatsDiffer = [0, 1, 2, 5].filter((i) => a.get(`${i}#0`) !== a.get(`${i}#1`));
    expect(repeatsDiffer.length).toBeGreaterThan(0);
    // Another seed, other answers.
    expect(await replies(forward, 12)).not.toEqual(a);
  });
});
