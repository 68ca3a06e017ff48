import { describe, expect, it } from 'vitest';
import { parseLlmVerdict } from './parse-llm-verdict.js';

// What models actually send back when asked for JSON without a response_format (local servers,
// reasoning models): fences, prose around it, a draft inside a think block, loose types.
describe('parseLlmVerdict', () => {
  it('reads the plain object, fenced or wrapped in prose', () => {
    const want = { verdict: 'regression', reason: '$35 became $53', confidence: 0.8 };
    expect(parseLlmVerdict('{"verdict":"regression","reason":"$35 became $53","confidence":0.8}')).toEqual(want);
    expect(parseLlmVerdict('```json\n{"verdict":"regression","reason":"$35 became $53","confidence":0.8}\n```')).toEqual(want);
    expect(parseLlmVerdict('Here you go: {"verdict":"regression","reason":"$35 became $53","confidence":0.8} Hope it helps.')).toEqual(
      want,
    );
  });

  it('takes the last verdict of several (a reasoning model drafts one in its think block, then answers)', () => {
    const text =
      '<think>Maybe {"verdict":"same","reason":"draft","confidence":0.2}? No, the fee changed.</think>\n' +
      '{"verdict":"regression","reason":"fee {was} $35","confidence":0.9}';
    expect(parseLlmVerdict(text)).toEqual({ verdict: 'regression', reason: 'fee {was} $35', confidence: 0.9 });
  });

  it('is lenient with case, spacing, a numeric string and a percentage confidence, and a missing reason or confidence', () => {
    expect(parseLlmVerdict('{"verdict":" Regression ","confidence":"0.7"}')).toEqual({
      verdict: 'regression',
      reason: '',
      confidence: 0.7,
    });
    expect(parseLlmVerdict('{"verdict":"SAME","reason":"reworded","confidence":85}')).toEqual({
      verdict: 'same',
      reason: 'reworded',
      confidence: 0.85,
    });
    expect(parseLlmVerdict('{"verdict":"same"}')).toEqual({ verdict: 'same', reason: '', confidence: 0.5 });
    expect(parseLlmVerdict('{"verdict":"regression","confidence":-3}')?.confidence).toBe(0);
    expect(parseLlmVerdict('{"verdict":"regression","reason":"x","confidence":"high"}')?.confidence).toBe(0.5);
  });

  it('refuses what is no verdict: no object, another verdict word, broken JSON, a bare value', () => {
    for (const text of [
      'They look alike to me.',
      '{"verdict":"maybe","reason":"unsure","confidence":0.5}',
      '{"verdict":"regression", "reason": ',
      '"same"',
      '{"verdict":["same"]}',
      '',
    ])
      expect(parseLlmVerdict(text), text).toBeUndefined();
  });

  it('finds a verdict nested in another object or an array (some servers wrap it)', () => {
    expect(parseLlmVerdict('[{"verdict":"same","reason":"ok","confidence":1}]')?.verdict).toBe('same');
    expect(parseLlmVerdict('{"result":{"verdict":"regression","reason":"ok","confidence":1}}')?.verdict).toBe('regression');
  });

  it('stays linear on a long answer of stray braces', () => {
    const text = `${'{'.repeat(60_000)} {"verdict":"same","reason":"ok","confidence":1}`;
    expect(parseLlmVerdict(text)?.verdict).toBe('same');
    expect(parseLlmVerdict('{'.repeat(60_000))).toBeUndefined();
  });

  it('keeps a reason to 300 characters', () => {
    const v = parseLlmVerdict(JSON.stringify({ verdict: 'same', reason: 'r'.repeat(1000), confidence: 1 }));
    expect(v?.reason).toHaveLength(300);
  });
});
