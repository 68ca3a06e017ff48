import { type Config, loadConfig, parseConfig } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzParams, typedOutcome } from './fuzz-settings.js';
import { hostileValue, mutationsOf } from './mutate.js';

/** A config that loads, the skeleton the mutations start from. */
const valid = {
  db: 'data/x.db',
  versions: [{ name: 'stable', upstream: 'http://127.0.0.1:9000', headers: { 'x-prompt-version': '13' } }],
  tap: {
    port: 8080,
    capture: { rate: 0.5, maxBodyBytes: 1024, methods: ['post'], excludePaths: ['/health*'] },
    redaction: { headers: ['x-customer-id'], jsonPaths: ['$.user.email'], patterns: [{ name: 'iban', regex: '[A-Z]{2}\\d{2}' }] },
    shadow: { version: 'candidate', rate: 0.1, key: 'header:x-session' },
    timeouts: { headersMs: 1000 },
  },
  control: { port: 8081 },
  egress: { destinations: [{ name: 'crm', baseUrl: 'http://127.0.0.1:9001', policy: 'record' }] },
  compare: { ignore: [{ endpoint: 'POST /v1/*', paths: ['$.trace_id'] }], numericTolerance: 0.01 },
};

/** What a config loader must do with anything: a frozen config, or `invalid_config` naming where (the CLI prints it on one line). */
function checkOutcome(outcome: ReturnType<typeof typedOutcome<Config>>): void {
  if (outcome.ok) {
    expect(Object.isFrozen(outcome.value)).toBe(true);
    expect(Object.isFrozen(outcome.value.tap.capture)).toBe(true);
    return;
  }
  expect(outcome.error.code).toBe('invalid_config');
  expect(outcome.error.message).toMatch(/^config/);
}

describe('fuzz: config loader', () => {
  it('loads or refuses (invalid_config) any file text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(
        '{"__proto__":{"db":1}}',
        '{"tap":{"__proto__":{"port":"x"}}}',
        '{"constructor":{"prototype":{}}}',
        'null',
        '[]',
        '"s"',
      ),
    );
    fc.assert(
      fc.property(text, (t) => checkOutcome(typedOutcome(() => loadConfig({ file: 'understudy.config.json', readFile: () => t })))),
      fuzzParams('config-loader/text', 8_000),
    );
  });

  it('loads or refuses a valid config with one value anywhere replaced by anything, and names the key path', () => {
    fc.assert(
      fc.property(mutationsOf(valid), (input) => {
        const outcome = typedOutcome(() => parseConfig(input, 'fuzz.json'));
        checkOutcome(outcome);
        if (!outcome.ok) expect(typeof outcome.error.details?.path).toBe('string');
      }),
      fuzzParams('config-loader/mutation', 8_000),
    );
  });

  it('loads or refuses any value of the environment variables and any flag overrides', () => {
    const env = fc.record(
      {
        UNDERSTUDY_DB: fc.string({ unit: 'binary', maxLength: 30 }),
        UNDERSTUDY_ADMIN_TOKEN: fc.string({ unit: 'binary', maxLength: 30 }),
        UNDERSTUDY_REDACTION_KEY: fc.string({ unit: 'binary', maxLength: 30 }),
      },
      { requiredKeys: [] },
    );
    const overrides = fc.record(
      { tap: fc.record({ port: hostileValue, version: hostileValue }, { requiredKeys: [] }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(env, overrides, (e, o) =>
        checkOutcome(
          typedOutcome(() => loadConfig({ file: 'c.json', readFile: () => JSON.stringify(valid), env: e, overrides: o as never })),
        ),
      ),
      fuzzParams('config-loader/env', 4_000),
    );
  });
});
