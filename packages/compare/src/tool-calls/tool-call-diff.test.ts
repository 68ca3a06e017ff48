import { describe, expect, it } from 'vitest';
import type { ToolCall } from '../adapters/canonical-response.js';
import { diffToolCalls } from './tool-call-diff.js';

const call = (name: string, args: Record<string, unknown>, turn = 0): ToolCall => ({
  name,
  arguments: args as ToolCall['arguments'],
  argumentsValid: true,
  turn,
});

describe('diffToolCalls', () => {
  it('matches the parallel calls of one turn as a multiset', () => {
    const a = [call('a', { x: 1 }), call('b', { y: [1, 2] })];
    const b = [call('b', { y: [1, 2] }), call('a', { x: 1 })];
    expect(diffToolCalls(a, b).differences).toEqual([]);
  });

  it('reports a changed argument with its path, and compares arguments key-order-insensitively', () => {
    const { differences } = diffToolCalls(
      [call('get_weather', { city: 'Paris', unit: 'c' })],
      [call('get_weather', { unit: 'c', city: 'Lyon' })],
    );
    expect(differences).toMatchObject([
      { kind: 'value_change', path: 'tool_calls[0].arguments.city', key: 'tool:get_weather.city', severity: 'high' },
    ]);
  });

  it('reports another tool as tool_name, and missing / extra calls', () => {
    expect(diffToolCalls([call('get_weather', {})], [call('search', {})]).differences).toMatchObject([
      { kind: 'tool_name', original: 'get_weather', candidate: 'search' },
    ]);
    const r = diffToolCalls([call('a', {}), call('b', {})], [call('a', {})]);
    expect(r.differences).toMatchObject([{ kind: 'tool_missing', key: 'tool:b' }]);
    const e = diffToolCalls([call('a', {})], [call('a', {}), call('c', {})]);
    expect(e.differences).toMatchObject([{ kind: 'tool_extra', key: 'tool:c' }]);
  });

  it('reports a call that moved to another turn as reordered', () => {
    const a = [call('a', {}, 0), call('b', {}, 1)];
    const b = [call('b', {}, 0), call('a', {}, 1)];
    expect(diffToolCalls(a, b).differences.map((d) => d.kind)).toEqual(['tool_reordered', 'tool_reordered']);
  });

  it('flags arguments that are no longer valid JSON', () => {
    const bad: ToolCall = { name: 'f', arguments: '{"a":', argumentsValid: false, turn: 0 };
    expect(diffToolCalls([call('f', { a: 1 })], [bad]).differences).toMatchObject([{ kind: 'tool_arguments_invalid', severity: 'high' }]);
  });
});
