import { describe, expect, it } from 'vitest';
import { clientResponseHeaders, extraHeaders, upstreamRequestHeaders } from './forward-headers.js';
import { splitTarget } from './split-target.js';

describe('upstreamRequestHeaders', () => {
  it('drops hop-by-hop, Connection-named and reserved fields; version headers replace inbound ones', () => {
    const out = upstreamRequestHeaders(
      [
        'Host',
        'a',
        'Connection',
        'X-Hop',
        'X-Hop',
        '1',
        'Transfer-Encoding',
        'chunked',
        'Expect',
        '100-continue',
        'X-Understudy-Role',
        'x',
        'X-Prompt-Version',
        '1',
        'Accept',
        '*/*',
      ],
      extraHeaders({ 'x-prompt-version': '13' }),
      { remoteAddress: '10.1.1.1', encrypted: true },
    );
    expect(out).toEqual([
      'Accept',
      '*/*',
      'x-prompt-version',
      '13',
      'x-forwarded-for',
      '10.1.1.1',
      'x-forwarded-proto',
      'https',
      'x-forwarded-host',
      'a',
    ]);
  });
});

describe('clientResponseHeaders', () => {
  it('keeps content-encoding and repeated set-cookie, drops hop-by-hop, sets the version', () => {
    const raw = [
      'Content-Encoding',
      'br',
      'Set-Cookie',
      'a=1',
      'Set-Cookie',
      'b=2',
      'Keep-Alive',
      'timeout=5',
      'Transfer-Encoding',
      'chunked',
      'X-Understudy-Version',
      'forged',
    ];
    expect(clientResponseHeaders(raw, 'stable')).toEqual([
      'Content-Encoding',
      'br',
      'Set-Cookie',
      'a=1',
      'Set-Cookie',
      'b=2',
      'x-understudy-version',
      'stable',
    ]);
  });
});

describe('splitTarget', () => {
  it('splits path and query and ignores the authority of absolute-form targets', () => {
    expect(splitTarget('/a/b?x=1&y')).toEqual({ path: '/a/b', query: 'x=1&y' });
    expect(splitTarget('http://evil.example:81/p?q')).toEqual({ path: '/p', query: 'q' });
    expect(splitTarget('https://evil.example')).toEqual({ path: '/', query: '' });
    expect(splitTarget('*')).toEqual({ path: '/', query: '' });
  });
});
