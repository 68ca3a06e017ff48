/**
 * One selector grammar (issue 10): every consumer of a user-written JSON path or sticky key —
 * the shadow mirror's key, the canary's sticky key (CLI/API spec and the tap's split), the
 * redaction paths and compare's ignore paths — accepts and refuses the same selectors.
 */

import { parseCanarySpec } from '@understudy/canary';
import { compilePathMatcher } from '@understudy/compare';
import { compileJsonPath, parseConfig } from '@understudy/core';
import { compileStickyKey, parseCanarySticky } from '@understudy/tap';
import { describe, expect, it } from 'vitest';

const paths: readonly [string, boolean][] = [
  ['$.user.email', true],
  ['$.messages[0].id', true],
  ['$.messages[*].content', true],
  ['$.metadata.*', true],
  ["$['odd key']", true],
  ['$["quoted \\"key\\""]', true],
  ['$..email', true],
  ['$.**.trace_id', true],
  ['$.conversation-id', true],
  ['user.email', false],
  ['$.a[', false],
  ['$[x]', false],
  ['$.a..', false],
  ['', false],
];

const accepts = (f: () => unknown): boolean => {
  try {
    f();
    return true;
  } catch {
    return false;
  }
};

describe('one selector grammar, every consumer', () => {
  for (const [path, ok] of paths) {
    it(`${ok ? 'accepts' : 'refuses'} ${JSON.stringify(path)} everywhere`, () => {
      const verdicts = {
        redaction: accepts(() => parseConfig({ tap: { redaction: { jsonPaths: [path] } } })) && accepts(() => compileJsonPath(path)),
        compareIgnore: compilePathMatcher([path]).invalid.length === 0,
        shadowKey:
          accepts(() => parseConfig({ tap: { shadow: { key: `json:${path}` } } })) && accepts(() => compileStickyKey(`json:${path}`)),
        canarySpec: accepts(() => parseCanarySpec({ candidate: 'v2', sticky: `json:${path}` })),
        canarySplit: accepts(() => parseCanarySticky(`json:${path}`)),
      };
      expect(verdicts).toEqual({ redaction: ok, compareIgnore: ok, shadowKey: ok, canarySpec: ok, canarySplit: ok });
    });
  }
});
