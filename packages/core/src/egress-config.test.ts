import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('egress config', () => {
  it('defaults to no destinations on port 8082 and fills each destination in', () => {
    expect(parseConfig({}).egress).toMatchObject({ port: 8082, host: '127.0.0.1', destinations: [] });
    const [orders] = parseConfig({ egress: { destinations: [{ name: 'orders', baseUrl: 'http://127.0.0.1:9000' }] } }).egress.destinations;
    expect(orders).toEqual({
      name: 'orders',
      baseUrl: 'http://127.0.0.1:9000',
      policy: 'record',
      unmatchedReads: 'forward',
      readMethods: ['GET', 'HEAD', 'OPTIONS'],
    });
  });

  it('names the offending key path', () => {
    expect(() => parseConfig({ egress: { destinations: [{ name: 'orders', baseUrl: 'http://x', policy: 'sometimes' }] } })).toThrow(
      /egress\.destinations\[0\]\.policy/,
    );
    expect(() => parseConfig({ egress: { destinations: [{ name: 'a/b', baseUrl: 'http://x' }] } })).toThrow(
      /egress\.destinations\[0\]\.name/,
    );
  });
});
