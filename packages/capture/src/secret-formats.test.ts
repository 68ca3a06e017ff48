import { parseConfig, seededRandom } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { multipartForm } from '../test/multipart-form.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'formats-key-0123456789abcdef');
const body = (s: string, type = 'text/plain') => redactor.forExchange().body(s, type);

/** Each secret is gone from `out`, whatever else is kept. */
function expectNone(out: string, secrets: readonly string[]): void {
  expect(secrets.filter((s) => out.includes(s))).toEqual([]);
}

// Found by the trust pass: values of no known shape under a secret name were caught only as
// JSON members, `name=value` and header lines — not as YAML or INI config, XML, quoted
// assignments in code, percent-encoded text or multipart form fields.
describe('secrets in config, markup and encoded text', () => {
  it('YAML and INI lines, as a body and inside a prompt', () => {
    const yaml = [
      'config:',
      '  api_key: sk-proj-abcdefghijklmnopqrstu',
      '  password: Hunter2NoShape',
      '  db_password: "quoted pass phrase"',
      "  - client_secret: 'cs-list-item-0001'",
      '  authToken: yt0NoShape77 # rotated monthly',
      '[db]',
      'password = Ini-Pw-NoShape-9',
    ].join('\n');
    const secrets = [
      'sk-proj-abcdefghijklmnopqrstu',
      'Hunter2NoShape',
      'quoted pass phrase',
      'cs-list-item-0001',
      'yt0NoShape77',
      'Ini-Pw-NoShape-9',
    ];
    const out = body(yaml);
    expectNone(out, secrets);
    expect(out).toContain('# rotated monthly');
    expect(out.split('\n')[0]).toBe('config:');
    const prompt = body(JSON.stringify({ messages: [{ role: 'user', content: `Why does this fail?\n${yaml}` }] }), 'application/json');
    expectNone(prompt, secrets);
    expect(JSON.parse(prompt)).toBeTruthy();
  });

  it('XML elements and attributes', () => {
    const xml =
      '<creds><user>bob</user><password>Hunter2NoShape</password><apiKey>ak0NoShape99</apiKey>' +
      '<login user="bob" password="Attr-Pw-NoShape"/><Token type="x">tok0NoShape55</Token></creds>';
    const out = body(xml, 'application/xml');
    expectNone(out, ['Hunter2NoShape', 'ak0NoShape99', 'Attr-Pw-NoShape', 'tok0NoShape55']);
    expect(out).toContain('<user>bob</user>');
    expect(out).toContain('</password>');
    expectNone(body(JSON.stringify({ soap: xml }), 'application/json'), ['Hunter2NoShape', 'ak0NoShape99', 'Attr-Pw-NoShape']);
  });

  it('quoted assignments in code and env files', () => {
    const code = [
      'client = Client(password="Code-Pw-NoShape", timeout=3)',
      "SECRET_KEY='env0NoShape99x'",
      'const auth = { apiKey: "js0NoShape4242" };',
    ].join('\n');
    const out = body(code);
    expectNone(out, ['Code-Pw-NoShape', 'env0NoShape99x', 'js0NoShape4242']);
    expect(out).toContain('timeout=3');
    expectNone(body(JSON.stringify({ code }), 'application/json'), ['Code-Pw-NoShape', 'env0NoShape99x', 'js0NoShape4242']);
  });

  it('percent-encoded secrets in free text, JSON and form bodies', () => {
    const text = 'redirect https://x.example/cb?next=%2Fv1%3Fapi_key%3DpctNoShape123%26a%3D1 and key sk%2Dproj%2Dabcdefghijklmnopqrst';
    const out = body(text);
    expectNone(out, ['pctNoShape123', 'abcdefghijklmnopqrst']);
    expect(out).toContain('%26a%3D1');
    expectNone(body(JSON.stringify({ url: text }), 'application/json'), ['pctNoShape123', 'abcdefghijklmnopqrst']);
    const form = body('user=bob&note=sk%2Dproj%2Dabcdefghijklmnopqrst&password=Form%20Pw%20NoShape', 'application/x-www-form-urlencoded');
    expectNone(form, ['abcdefghijklmnopqrst', 'Form%20Pw%20NoShape', 'Form Pw NoShape']);
    expect(form).toMatch(/^user=bob&/);
  });

  it('multipart form fields named like secrets', () => {
    const multipart = multipartForm('XyZ', [
      ['user', 'bob'],
      ['password', 'Multi-Pw-NoShape'],
      ['api_key', 'mp0NoShape31337', 'text/plain'],
    ]);
    const out = body(multipart, 'multipart/form-data; boundary=XyZ');
    expectNone(out, ['Multi-Pw-NoShape', 'mp0NoShape31337']);
    expect(out).toContain('\r\n\r\nbob\r\n--XyZ');
    expect(out.endsWith('--XyZ--\r\n')).toBe(true);
  });

  it('credential header lines of every common name', () => {
    const lines = [
      'X-Api-Key: xak0NoShape11',
      'X-Auth-Token: xat0NoShape22',
      'Cookie: sid=ck0NoShape33',
      'Set-Cookie: sid=sc0NoShape44; Path=/; HttpOnly',
      'Proxy-Authorization: Basic cHJveHk6bm9zaGFwZTU1',
    ].join('\r\n');
    expectNone(body(lines), ['xak0NoShape11', 'xat0NoShape22', 'ck0NoShape33', 'sc0NoShape44', 'cHJveHk6bm9zaGFwZTU1']);
  });

  it('leaves prose, counts, markup and ordinary encoded URLs alone', () => {
    const kept = [
      'Session: 45 minutes, then sign in again.',
      'Token limits:\n  max_tokens: 100\n  prompt_tokens: 12',
      'Key: the main idea of the chapter.',
      'The password field is required. Passwords must be 12 characters.',
      '<key>API_TOKEN</key><string>placeholder</string>',
      '<keyboard>qwerty</keyboard><tokenizer>bpe</tokenizer>',
      'See https://x.example/search?q=caf%C3%A9%20au%20lait&page=2 for more.',
      'Use key=value pairs; a = b; password reset link sent.',
      '<input type="password" name="pw"> and <label for="password">Password</label>',
      'name="token" is an attribute',
    ];
    for (const text of kept) expect(body(text), text).toBe(text);
  });

  // Found before landing was final: a YAML value read to the end of the line took the rest of a
  // JSON body with it (the line ended in a `\n` escape only after the string's closing quote).
  it('keeps JSON valid: a value never runs past the string it stands in', () => {
    const bodies = [
      { a: 'config:\n  api_key: abc123xyz', b: 1 },
      { args: JSON.stringify({ config: 'a\npassword: x1y2z3w4' }), c: 'tail' },
      { a: 'password=', b: 'xyz' },
      { a: 'token: ', b: 'x' },
      { a: '<password>', b: '</password>' },
      { a: 'x\npassword: "quoted pw"', b: ['k'] },
      { a: 'db_password: ends here\\', b: 2 },
    ];
    for (const value of bodies) {
      const text = JSON.stringify(value);
      const out = body(text, 'application/json');
      expect(() => JSON.parse(out), out).not.toThrow();
      expect(Object.keys(JSON.parse(out) as object)).toEqual(Object.keys(value));
    }
    const out = body(JSON.stringify(bodies.slice(0, 2)), 'application/json');
    expectNone(out, ['abc123xyz', 'x1y2z3w4']);
  });

  it('keeps any JSON document valid, whatever secret-like syntax its strings hold (seeded)', () => {
    const atoms = ['password', 'api_key', 'token', 'apiKey', ':', ': ', '=', ' = ', '"', "'", '\n', '  ', '- ', '<', '>', '</', 'abc123'];
    const more = ['X-Api-Key', 'name="password"', '\r\n\r\n', '--b', '%3D', '%2D', 'sk-', '\\', '#', ',', '{', '}'];
    const pick = [...atoms, ...more];
    const random = seededRandom(42);
    const broken: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: 1 + Math.floor(random.next() * 12) }, () => pick[Math.floor(random.next() * pick.length)]).join('');
      const doc = n % 2 === 0 ? { a: s, b: 'tail' } : { m: [{ c: s }, JSON.stringify({ d: s, e: 1 })], z: s };
      const out = body(JSON.stringify(doc), 'application/json');
      try {
        JSON.parse(out);
      } catch {
        broken.push(s);
      }
    }
    expect(broken.slice(0, 3)).toEqual([]);
  });
});
