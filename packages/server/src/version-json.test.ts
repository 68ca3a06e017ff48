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

describe('a version’s upstream as the API shows it', () => {
  it('hides a password in the URL and the values of secret-named query parameters, and keeps the rest', () => {
    const upstream = 'https://bob:UpstreamPw-5512@agent.example:8443/v1?api_key=UpstreamKey-7781&deployment=east';
    const shown = versionToJson({ name: 'v', upstream, headers: {} }).upstream;
    expect(shown).not.toContain('UpstreamPw-5512');
    expect(shown).not.toContain('UpstreamKey-7781');
    expect(shown).toBe('https://bob:hidden@agent.example:8443/v1?api_key=hidden&deployment=east');
    expect(versionToJson({ name: 'v', upstream: 'http://127.0.0.1:9000/v1', headers: {} }).upstream).toBe('http://127.0.0.1:9000/v1');
  });
});
