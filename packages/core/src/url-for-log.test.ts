import { describe, expect, it } from 'vitest';
import { urlForLog } from './url-for-log.js';

describe('urlForLog', () => {
  it('drops a database URL password, query and fragment', () => {
    expect(urlForLog('postgres://app:s3cr3t-Pw@127.0.0.1:5432/understudy?sslmode=require&password=other')).toBe(
      'postgres://app:redacted@127.0.0.1:5432/understudy',
    );
    expect(urlForLog('https://hooks.example.test/notify?token=abc#frag')).toBe('https://hooks.example.test/notify');
    expect(urlForLog('postgres://app@127.0.0.1/understudy')).toBe('postgres://app@127.0.0.1/understudy');
  });

  it('drops a path query and keeps file paths as they are', () => {
    expect(urlForLog('/d/search/v1/find?api_key=sk-live-123&q=x')).toBe('/d/search/v1/find');
    expect(urlForLog('/var/lib/understudy/understudy.db')).toBe('/var/lib/understudy/understudy.db');
    expect(urlForLog(':memory:')).toBe(':memory:');
  });

  it('hides the credentials of a URL the parser refuses', () => {
    const shown = urlForLog('postgres://app:p@ss word@[bad/understudy?x=1');
    expect(shown).not.toContain('p@ss');
    expect(shown).not.toContain('ss word');
    expect(shown).not.toContain('x=1');
  });
});
