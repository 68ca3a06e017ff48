import { seededRandom } from '@understudy/core';
import { openAiChat, type SavedResponse } from './fixtures.js';
import { answerText, topicList } from './quality-set.js';

/** The answer topics of slot `n` (wrapping round the list). */
export const topicsFor = (n: number): readonly string[] => topicList[n % topicList.length] ?? [];

/**
 * The throughput pairs of bench:compare: ~2 KB OpenAI chat completions of six topics each, where
 * the candidate answers the same question in fresh words (sentence swaps, synonyms), the common
 * case of a shadow pair. Seeded: the same pairs on every run.
 */
export function chatPairs(count = 200): { a: SavedResponse; b: SavedResponse }[] {
  const random = seededRandom(7);
  const topicsRandom = seededRandom(8);
  const answerFor = (picks: readonly number[]): string => picks.map((p) => answerText(random, topicsFor(p))).join('\n\n');
  const pairs: { a: SavedResponse; b: SavedResponse }[] = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor(topicsRandom.next() * 6);
    const picks = [first, first + 1, first + 2, first + 3, first + 4, first + 5];
    const a = openAiChat(random, { text: answerFor(picks), toolCalls: [], finishReason: 'stop', model: 'm' }, false);
    const b = openAiChat(random, { text: answerFor(picks), toolCalls: [], finishReason: 'stop', model: 'm' }, false);
    pairs.push({ a, b });
  }
  return pairs;
}

/** A captured reply as the compare engine's `canonicalize` takes it: the body as bytes, as the store holds it. */
export interface CapturedReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly path: string;
  readonly body: Uint8Array;
}

/** {@link chatPairs} with each body as bytes: what the throughput benches canonicalize. */
export function chatBytePairs(count = 200): { a: CapturedReply; b: CapturedReply }[] {
  const encoder = new TextEncoder();
  const captured = (r: SavedResponse): CapturedReply => ({ status: 200, headers: r.headers, path: r.path, body: encoder.encode(r.body) });
  return chatPairs(count).map((p) => ({ a: captured(p.a), b: captured(p.b) }));
}
