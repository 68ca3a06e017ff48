import type { SseEvent } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { redactEvents } from './redact-events.js';
import { secretFinder } from './secret-finder.js';
import type { TextPattern } from './text-patterns.js';

describe('redactEvents', () => {
  it("reads each stream's channels as texts seen once: the short texts remembered clean stay remembered", () => {
    let scans = 0;
    const patterns: TextPattern[] = [
      {
        name: 'counted',
        find: (text) => {
          scans++;
          const at = text.indexOf('sk-');
          return at === -1 ? [] : [[at, text.length]];
        },
      },
    ];
    const finder = secretFinder(patterns, new Map());
    const placeholder = (kind: string): string => `[redacted:${kind}]`;
    expect(finder.ranges('application/json')).toEqual([]);
    // More streams than the memory of clean texts holds, each with a short channel of its own.
    for (let i = 0; i < 5000; i++) {
      const events: SseEvent[] = [
        { data: JSON.stringify({ delta: `word ${i}` }), at: 0 },
        { data: JSON.stringify({ delta: ' more' }), at: 50 },
      ];
      expect(redactEvents(events, finder, placeholder, (data) => data)).toEqual(events);
    }
    scans = 0;
    expect(finder.ranges('application/json')).toEqual([]);
    expect(scans).toBe(0);
    // A secret split across the deltas is still found in the channel and cut from the events that spell it.
    const split = redactEvents(
      [
        { data: '{"delta":"key s"}', at: 0 },
        { data: '{"delta":"k-123"}', at: 50 },
      ],
      finder,
      placeholder,
      (data) => data,
    );
    expect(split.map((e) => e.data)).toEqual(['{"delta":"key [redacted:counted]"}', '{"delta":""}']);
  });
});
