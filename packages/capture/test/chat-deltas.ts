import type { SseEvent } from '@understudy/core';

/** Chat-completion SSE deltas the way an LLM streams them: `text` cut at arbitrary points (`cuts`, modulo its length). */
export function chatDeltas(text: string, cuts: readonly number[]): SseEvent[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let at = 0;
  for (const p of points) {
    pieces.push(text.slice(at, p));
    at = p;
  }
  pieces.push(text.slice(at));
  return pieces.map((content, i) => ({ at: i, data: JSON.stringify({ choices: [{ index: 0, delta: { content } }] }) }));
}
