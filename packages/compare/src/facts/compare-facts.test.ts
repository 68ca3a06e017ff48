import { describe, expect, it } from 'vitest';
import { canonicalize } from '../adapters/canonicalize.js';
import { compareResponses } from '../compare-responses.js';
import { NoiseModel } from '../noise/noise-model.js';
import type { DivergenceReport } from '../report/divergence-report.js';
import { formatReport } from '../report/format-report.js';

// The defects issue 11 names, end to end through compareResponses: facts in prose, paraphrase
// judged against one baseline, shorter answers.
let n = 0;
const chat = (content: string) =>
  canonicalize({
    status: 200,
    headers: { 'content-type': 'application/json' },
    path: '/v1/chat/completions',
    body: JSON.stringify({
      id: `chatcmpl-${n++}`,
      object: 'chat.completion',
      created: 1,
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    }),
  });

/** What `understudy diff ORIGINAL CANDIDATE --baseline …` does. */
function diff(original: string, candidate: string, baselines: readonly string[] = []): DivergenceReport {
  const a = chat(original);
  const endpoint = 'POST /v1/chat/completions';
  const base = baselines.map(chat);
  let noise: NoiseModel | null = null;
  if (base.length > 0) {
    noise = new NoiseModel();
    for (const b of base) noise.addBaseline(a, b, endpoint);
  }
  return compareResponses(chat(candidate), a, {
    endpoint,
    noise,
    baselines: base,
    judge: base.length > 0 ? { minBaselinePairs: 1, textQuantile: 0 } : {},
  });
}

const factMessages = (r: DivergenceReport): string[] =>
  (r.categories.find((c) => c.name === 'fact')?.differences ?? []).filter((d) => d.explainedByNoise !== true).map((d) => d.message);

describe('facts in prose', () => {
  it('catches a changed amount and names both values', () => {
    const r = diff(
      "I've waived the $35 overdraft charge, so your balance is back to $120.40.",
      "I've waived the $53 overdraft charge, so your balance is back to $120.40.",
    );
    expect(r.verdict).toBe('regression');
    expect(factMessages(r)).toContain('$35 → $53');
    expect(formatReport(r)).toContain('$35 → $53');
  });

  it('shows which rule found a change production varies on, and which baseline excused it', () => {
    const r = diff('Delivery takes 3 working days.', 'Delivery takes 5 working days.', [
      'Delivery takes 4 working days.',
      'Delivery takes 5 working days.',
    ]);
    expect(r.verdict).not.toBe('regression');
    expect(formatReport(r)).toContain(
      '3 working days → 5 working days [noise: aligned-values, a close baseline clause states another value of baseline 1]',
    );
  });

  it('catches a flipped negation and shows the phrase on both sides', () => {
    const r = diff(
      "You don't need a referral to book a dermatology appointment.",
      'You do need a referral to book a dermatology appointment.',
    );
    expect(r.verdict).toBe('regression');
    expect(factMessages(r)).toContain("don't need a referral → do need a referral");
  });

  it("catches a permission flipped beside an elided clause that reuses the original's other word", () => {
    // The candidate's "welcome" is the original's word for the scooters: the elided "and so are
    // scooters" is a clause of its own, so "Bikes are welcome" pairs with "Bikes aren't allowed".
    const r = diff("Bikes aren't allowed on the ferry, but scooters are welcome.", 'Bikes are welcome on the ferry, and so are scooters.', [
      'The ferry takes no bikes; scooters are fine.',
    ]);
    expect(r.verdict).toBe('regression');
    expect(factMessages(r).some((m) => m.includes("aren't allowed") && m.includes('are welcome'))).toBe(true);
  });

  it('catches another booking code and another city', () => {
    expect(
      factMessages(diff('Your booking code is QX7L2P for the flight to Lisbon.', 'Your booking code is QX7L2R for the flight to Lisbon.')),
    ).toEqual(['QX7L2P → QX7L2R']);
    const city = diff('Your hotel in Lisbon is confirmed for two nights.', 'Your hotel in Porto is confirmed for two nights.');
    expect(city.verdict).toBe('regression');
    expect(factMessages(city)).toEqual(['Lisbon → Porto']);
  });

  it('catches a policy sentence no production answer supports', () => {
    const r = diff(
      'You can return unworn shoes within 30 days. Refunds go to your original payment method.',
      'You can return unworn shoes within 30 days. Refunds go to your original payment method. All sale items are excluded from returns and cannot be exchanged.',
    );
    expect(r.verdict).toBe('regression');
    expect(r.categories.find((c) => c.name === 'fact')?.differences.map((d) => d.kind)).toContain('added_claim');
  });

  it('treats a value production itself varies on as noise', () => {
    const r = diff('Hi Anna, your appointment is on Tuesday at 9am.', 'Hi Priya, your appointment is on Tuesday at 9am.', [
      'Hi Ben, your appointment is on Tuesday at 9am.',
    ]);
    expect(r.verdict).not.toBe('regression');
  });
});

describe('paraphrase is noise, with zero to three baselines', () => {
  const original =
    'To reset your password, open the sign-in page and choose "Forgot password". We will email you a reset link that stays valid for one hour. Pick a new password of at least 12 characters.';
  const paraphrases = [
    // shorter
    'Use "Forgot password" on the sign-in page; the emailed link works for an hour.',
    // longer
    'Sure! To reset your password, go to the sign-in page and click "Forgot password". You will get an email with a reset link, which is valid for 60 minutes. Choose a new password that is at least twelve characters long. If the email does not arrive, check your spam folder. Let me know if you need anything else!',
    // bulleted
    'Here is how to reset it:\n- Open the sign-in page and select "Forgot password".\n- Check your email for the reset link (valid for 1 hour).\n- Set a new password with 12 or more characters.',
    // reordered
    'Your new password needs at least 12 characters. Start from the sign-in page: choose "Forgot password" and we will send you a link by email. The link stays valid for one hour.',
  ];
  const baselines = [
    'Go to the sign-in page and click "Forgot password". A reset link will arrive by email and is valid for one hour. Your new password must have at least 12 characters.',
    'On the sign-in page, select "Forgot password" and follow the link we email you within one hour. Use a new password of 12+ characters.',
    'Click "Forgot password" on the login page, then open the emailed link (it expires after an hour) and choose a password of at least twelve characters.',
  ];
  for (const k of [0, 1, 2, 3]) {
    it(`with ${k} baseline(s)`, () => {
      for (const p of paraphrases) {
        const r = diff(original, p, baselines.slice(0, k));
        expect({ p, verdict: r.verdict, why: r.categories.filter((c) => c.regression).map((c) => c.reason) }).toMatchObject({
          verdict: 'noise',
        });
      }
    });
  }
});

describe('tool calls and their words', () => {
  const call = (args: Record<string, unknown>, preamble: string | null = null) =>
    canonicalize({
      status: 200,
      headers: { 'content-type': 'application/json' },
      path: '/v1/chat/completions',
      body: JSON.stringify({
        id: `chatcmpl-${n++}`,
        object: 'chat.completion',
        created: 1,
        model: 'm',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: preamble,
              tool_calls: [{ id: `call_${n}`, type: 'function', function: { name: 'edit_file', arguments: JSON.stringify(args) } }],
            },
            finish_reason: 'tool_calls',
          },
        ],
      }),
    });

  it('compares arguments as typed values: a changed ISO date or path is a high-severity change whatever its token count', () => {
    const base = { path: 'src/server/routes/users.ts', due: '2026-03-14', message: 'fix the off-by-one in pagination' };
    for (const changed of [
      { ...base, due: '2026-03-15' },
      { ...base, path: 'src/server/routes/index.ts' },
      { ...base, message: 'fix the off-by-one in pagination on 2026-04-01' },
    ]) {
      const r = compareResponses(call(changed), call(base));
      expect(r.verdict).toBe('regression');
      expect(r.categories.find((c) => c.name === 'tool_call')?.differences[0]?.severity).toBe('high');
    }
    // The same values written another way, and reworded free text, are not changes.
    const same = compareResponses(
      call({ ...base, path: './src/server/routes/users.ts', due: '2026-03-14T00:00:00Z', message: 'fix pagination off-by-one' }),
      call(base),
    );
    expect(same.verdict).not.toBe('regression');
  });

  it('treats a reworded (or dropped) preamble before the same calls as noise', () => {
    const args = { path: 'src/a.ts', line: 12 };
    expect(compareResponses(call(args, 'Let me patch the file.'), call(args, "I'll make that edit.")).verdict).toBe('noise');
    expect(compareResponses(call(args, null), call(args, 'Applying the fix now.')).verdict).toBe('noise');
  });

  it('flags an answer in another language even when every value matches', () => {
    const r = diff(
      'Your appointment with Dr. Okafor is on March 3 at 9am. Please bring your insurance card and arrive ten minutes early.',
      'Su cita con el Dr. Okafor es el 3 de marzo a las 9am. Por favor traiga su tarjeta del seguro y llegue diez minutos antes.',
    );
    expect(r.verdict).toBe('regression');
    expect(r.categories.find((c) => c.name === 'text')?.differences.map((d) => d.kind)).toContain('text_language');
  });
});
