import { describe, expect, it } from 'vitest';
import { hiddenHeaderValue, versionToJson } from './version-json.js';

describe('a version as the API shows it', () => {
  it('hides every header named like a credential by capture’s rule, x-auth-* and *-key-* included', () => {
    const headers = {
      authorization: 'Bearer v',
      'x-api-key': 'v',
      'OpenAI-Api-Key': 'v',
      'x-auth-foo': 'v',
      'X-Auth-User': 'v',
      'x-key-id': 'v',
      'x-goog-api-key': 'v',
      'x-prompt-version': '14',
      'x-model': 'gpt-4o',
    };
    const shown = versionToJson({ name: 'candidate', upstream: 'http://127.0.0.1:1', headers }).headers;
    expect(Object.entries(shown).filter(([, v]) => v !== hiddenHeaderValue)).toEqual([
      ['x-prompt-version', '14'],
      ['x-model', 'gpt-4o'],
    ]);
  });
});
