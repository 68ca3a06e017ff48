import { describe, expect, it } from 'vitest';
import { costUsd, priceLookup } from './pricing.js';
import { StreamUsage, usageFromJson } from './usage-extractor.js';

describe('usage', () => {
  it('reads OpenAI chat, Responses API and Anthropic bodies', () => {
    expect(
      usageFromJson(
        '{"model":"gpt-4o","choices":[{"message":{"content":"the \\"usage\\" word"}}],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}',
      ),
    ).toEqual({
      model: 'gpt-4o',
      inputTokens: 3,
      outputTokens: 4,
    });
    expect(
      usageFromJson(
        '{"object":"response","model":"gpt-4.1","usage":{"input_tokens":5,"output_tokens":6,"output_tokens_details":{"reasoning_tokens":0}}}',
      ),
    ).toMatchObject({ inputTokens: 5, outputTokens: 6 });
    expect(usageFromJson('{"type":"message","model":"claude-3-opus-20240229","usage":{"input_tokens":8,"output_tokens":9}}')).toMatchObject(
      { model: 'claude-3-opus-20240229', inputTokens: 8, outputTokens: 9 },
    );
    expect(usageFromJson('{"usage":null}')).toBeUndefined();
    expect(usageFromJson('not json "usage": {')).toBeUndefined();
  });

  it('accumulates streamed usage (Anthropic start + delta, OpenAI final chunk, Responses completed)', () => {
    const anthropic = new StreamUsage();
    anthropic.event('{"type":"message_start","message":{"model":"claude-3-5-haiku","usage":{"input_tokens":30,"output_tokens":1}}}');
    anthropic.event('{"type":"content_block_delta","delta":{"text":"hi"}}');
    anthropic.event('{"type":"message_delta","usage":{"output_tokens":14}}');
    expect(anthropic.result()).toEqual({ model: 'claude-3-5-haiku', inputTokens: 30, outputTokens: 14 });

    const openai = new StreamUsage();
    openai.event('{"model":"gpt-4o-mini","choices":[{"delta":{"content":"a"}}],"usage":null}');
    openai.event('{"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":2,"completion_tokens":1}}');
    openai.event('[DONE]');
    expect(openai.result()).toEqual({ model: 'gpt-4o-mini', inputTokens: 2, outputTokens: 1 });

    const responses = new StreamUsage();
    responses.event('{"type":"response.completed","response":{"model":"gpt-4.1","usage":{"input_tokens":4,"output_tokens":2}}}');
    expect(responses.result()).toEqual({ model: 'gpt-4.1', inputTokens: 4, outputTokens: 2 });
  });
});

describe('pricing', () => {
  it('matches exact names, then dated snapshots by the longest prefix; overrides win', () => {
    const prices = priceLookup({ 'gpt-4o': { inputPerMTok: 1, outputPerMTok: 2 }, 'house-1': { inputPerMTok: 3, outputPerMTok: 3 } });
    expect(prices('gpt-4o-mini-2024-07-18')).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(prices('gpt-4o-2024-08-06')).toEqual({ inputPerMTok: 1, outputPerMTok: 2 });
    expect(prices('house-1')).toEqual({ inputPerMTok: 3, outputPerMTok: 3 });
    expect(prices('gpt-4ox')).toBeUndefined();
    expect(costUsd(prices('gpt-4o'), 1_000_000, 500_000)).toBe(2);
    expect(costUsd(undefined, 1, 1)).toBeNull();
    expect(costUsd(prices('gpt-4o'), null, null)).toBeNull();
  });
});
