import { seededRandom } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import type { Conversation } from './conversation.js';
import { respond, type Variant } from './support-agent.js';

const ask = (text: string, toolNames: string[] = []): Conversation => ({
  lastUserText: text,
  toolNames,
  toolResult: undefined,
  promptText: text,
});
const wrong = /\b(14 days|7 to 10 business days|7–10 business days|\$100|15 business days)\b/;

function answers(variant: Variant, question: string, n: number): string[] {
  const random = seededRandom(7);
  return Array.from({ length: n }, () => {
    const turn = respond(ask(question), variant, random);
    return turn.kind === 'text' ? turn.text : `(${turn.kind})`;
  });
}

describe('demo agent versions', () => {
  it('v2 rewords every answer but keeps the facts; v1 and v2 never state a wrong one', () => {
    const v1 = answers('v1', 'What is your return policy?', 50);
    const v2 = answers('v2', 'What is your return policy?', 50);
    expect(new Set(v2).size).toBeGreaterThan(5);
    for (const a of v2) {
      expect(v1).not.toContain(a);
      expect(a).toContain('30 days');
    }
    for (const a of [...v1, ...v2, ...answers('v2', 'How long does shipping take?', 50)]) expect(a).not.toMatch(wrong);
  });

  it('v3 states a wrong fact in some answers, fails more often and calls the wrong tool on some intents', () => {
    const v3 = answers('v3', 'How long does shipping take?', 200);
    const wrongFacts = v3.filter((a) => wrong.test(a)).length;
    expect(wrongFacts).toBeGreaterThan(20);
    expect(wrongFacts).toBeLessThan(150);
    expect(v3.filter((a) => a === '(failure)').length).toBeGreaterThan(3);
    const random = seededRandom(3);
    const tools = Array.from({ length: 200 }, () =>
      respond(ask('Please refund $20 for order #A-10423', ['refund_order', 'get_order']), 'v3', random),
    );
    const names = tools.flatMap((t) => (t.kind === 'tool_calls' ? t.calls.map((c) => c.name) : []));
    expect(names).toContain('refund_order');
    expect(names).toContain('get_order');
  });
});
