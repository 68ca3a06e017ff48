import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'assignments-key-0123456789abcdef');
const body = (s: string, type = 'text/plain') => redactor.forExchange().body(s, type);

// Found by the trust pass: a secret of no known shape is only caught under a secret name, and
// names were only read as JSON members, headers and the request's own query — not in a URL a
// tool call carries in its arguments, a curl line or a log an agent pastes.
describe('secrets assigned to a secret name in text', () => {
  it('in a URL query or fragment inside JSON (a tool call fetching a URL)', () => {
    const out = body(
      JSON.stringify({
        url: 'https://api.example.com/v1/data?api_key=noshapekey123456&x=1',
        cb: 'https://x.example/cb#access_token=tok-no-shape-98765&state=s1',
      }),
      'application/json',
    );
    expect(out).not.toContain('noshapekey123456');
    expect(out).not.toContain('tok-no-shape-98765');
    const parsed = JSON.parse(out) as { url: string; cb: string };
    expect(parsed.url).toMatch(/^https:\/\/api\.example\.com\/v1\/data\?api_key=.+&x=1$/);
    expect(parsed.cb).toMatch(/&state=s1$/);
  });

  it('as name=value and in header lines (curl, logs, a pasted request), JSON-escaped lines included', () => {
    const text = [
      'GET /v1/items?client_secret=cs-no-shape-0001 HTTP/1.1',
      'password=hunter2-no-shape user=bob',
      'curl -H "Authorization: Basic dXNlcjpodW50ZXIyLXBhc3M=" -H "X-Api-Key: hdr-no-shape-0002" https://x.example',
      'Proxy-Authorization: Digest username="bob", response="6629fae49393a05397450978507c4ef1"',
    ].join('\n');
    const out = body(text);
    for (const secret of [
      'cs-no-shape-0001',
      'hunter2-no-shape',
      'dXNlcjpodW50ZXIyLXBhc3M',
      'hdr-no-shape-0002',
      '6629fae49393a05397450978507c4ef1',
    ])
      expect(out, secret).not.toContain(secret);
    expect(out).toContain('user=bob');
    const json = body(JSON.stringify({ log: text }), 'application/json');
    for (const secret of ['cs-no-shape-0001', 'hunter2-no-shape', 'dXNlcjpodW50ZXIyLXBhc3M', 'hdr-no-shape-0002'])
      expect(json, secret).not.toContain(secret);
  });

  it('leaves ordinary text and counts alone', () => {
    const prose =
      'Your session: 45 minutes. Use key=value pairs; max_tokens=100, prompt_tokens: 12. Keys: 3. https://x.example/?q=shoes&page=2';
    expect(body(prose)).toBe(prose);
  });
});

// Found by the trust audit (2026-12-03): an `.npmrc` line names its credential after a `:`
// (`//registry.npmjs.org/:_authToken=…`), and a legacy npm token (a UUID) or a base64 password
// there has no shape of its own.
describe('a secret name right after a colon', () => {
  it('.npmrc credentials are redacted', () => {
    const text = [
      '//registry.npmjs.org/:_authToken=3f2a9c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c',
      '//npm.example.com/:_password=UHJvYmVOcG1QYXNzd29yZA==',
      'scope:token=NoShapeScopeTok-77',
    ].join('\n');
    const out = body(text);
    expect(out).not.toContain('3f2a9c1e-7b4d-4e8a-9c2f-5d6e7f8a9b0c');
    expect(out).not.toContain('UHJvYmVOcG1QYXNzd29yZA');
    expect(out).not.toContain('NoShapeScopeTok-77');
    expect(out).toContain('//registry.npmjs.org/:_authToken=[redacted:');
  });

  it('a colon before an ordinary name changes nothing', () => {
    const text = 'see https://example.com:8443/a?b=c and note:keyboard=qwerty, time 10:30';
    expect(body(text)).toBe(text);
  });
});

/**
 * Trust audit 6 (2026-12-03): a blank before a properties line's colon, a quoted name before `:`
 * (a Python dict), a Ruby symbol before `=>`, a literal a type's constructor wraps, a name in Latin
 * letters with diacritics (`contraseña`), a quoted `curl -u` in a JSON string.
 */
describe('trust audit 6: names and values written otherwise', () => {
  const at = storedText('secret-assignments-audit6-key-0123456789');
  it('are redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(
      at,
      [
        'password : {pw}',
        "settings = {'password': '{pw}'}",
        ":password => '{pw}'",
        'let password = String::from("{pw}");',
        'api_key = SecretStr("{pw}")',
        'contraseña = "{pw}"',
        'curl -u "admin:{pw}" https://x',
      ],
      ['Sunflower7!', 'Tr0ub4dor&3', 'xK9#mQ2vL'],
    );
  });

  it('leaves env names read, phrases, type paths and symbols with no literal byte for byte', () => {
    for (const text of [
      'password = Env("DB_PASSWORD")',
      "{'password': 'changed for bob'}",
      'std::string password = get()',
      'password :: Text',
      ':password => params[:password]',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
