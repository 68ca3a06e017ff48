import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { multipartForm } from '../test/multipart-form.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'string-start-key-0123456789abcdef');
const body = (s: string, type = 'application/json') => redactor.forExchange().body(s, type);
const message = (content: string) => JSON.stringify({ messages: [{ role: 'user', content }] });

/** Each secret is gone from `out`, and `out` is still the JSON it was. */
function expectRedactedJson(out: string, secrets: readonly string[]): void {
  expect(
    secrets.filter((s) => out.includes(s)),
    out,
  ).toEqual([]);
  expect(() => JSON.parse(out), out).not.toThrow();
}

// Found by the trust pass: a config line was only read at the start of a line, and a JSON
// string's opening quote is none — a message that is only `password: …` was stored in clear;
// so was a multipart payload held in a JSON string, whose quotes and line breaks are escapes.
describe('a secret assignment at the start of a string', () => {
  it('a message whose text is only `name: value` or `name = value`', () => {
    const cases: [string, string][] = [
      ['password: hunter2-start-01', 'hunter2-start-01'],
      ['Password: Hunter2 Start 02 with spaces', 'Hunter2 Start 02 with spaces'],
      ['PASSWORD: hunter2-start-03', 'hunter2-start-03'],
      ['api_key: hunter2-start-04', 'hunter2-start-04'],
      ['password = hunter2-start-05', 'hunter2-start-05'],
      ['passphrase: hunter2-start-06', 'hunter2-start-06'],
      ['client_secret: hunter2-start-07\nnext line', 'hunter2-start-07'],
    ];
    for (const [content, secret] of cases) {
      const out = body(message(content));
      expectRedactedJson(out, [secret]);
      expect(out).toContain('[redacted:');
    }
    // The other places a string starts: an array element, any member, a quoted string in text.
    expectRedactedJson(body(JSON.stringify(['password: hunter2-start-08'])), ['hunter2-start-08']);
    expectRedactedJson(body(JSON.stringify({ note: 'password: hunter2-start-09', n: 1 })), ['hunter2-start-09']);
    expectRedactedJson(body(message('he wrote "password: hunter2-start-10" on a sticky note')), ['hunter2-start-10']);
    expect(body('log line "password: hunter2-start-11"', 'text/plain')).not.toContain('hunter2-start-11');
    expect(body("log line 'password: hunter2-start-12'", 'text/plain')).not.toContain('hunter2-start-12');
  });

  it('a strong secret name with a colon inside a sentence, and a stated password', () => {
    const cases: [string, string][] = [
      ['hi. password: hunter2-mid-01, thanks', 'hunter2-mid-01'],
      ['the db_password: hunter2-mid-02 is wrong', 'hunter2-mid-02'],
      ['my password is hunter2mid03 and it fails', 'hunter2mid03'],
      ['The password was Tr0ub4dor&3.', 'Tr0ub4dor&3'],
    ];
    for (const [content, secret] of cases) {
      expectRedactedJson(body(message(content)), [secret]);
      expect(body(content, 'text/plain')).not.toContain(secret);
    }
  });

  it('leaves prose that only names a secret alone', () => {
    const kept = [
      'The password is required.',
      'Your password is too short; passwords must be 12 characters.',
      'Session: 45 minutes, then sign in again.',
      'Reset your password: see the link below',
      'Token limits: max_tokens: 100, prompt_tokens: 12',
    ];
    for (const text of kept) {
      expect(body(text, 'text/plain'), text).toBe(text);
      expect(body(message(text)), text).toBe(message(text));
    }
  });
});

describe('a multipart payload inside JSON-escaped text', () => {
  const fields: [string, string][] = [
    ['user', 'bob'],
    ['password', 'Multi-Json-Pw-0001'],
    ['api_key', 'multiJsonKey0002'],
  ];

  it('CRLF and LF line breaks, as a captured body embeds it (HAR-like)', () => {
    const crlf = multipartForm('XyZ', fields);
    for (const payload of [crlf, crlf.replaceAll('\r\n', '\n')]) {
      const doc = JSON.stringify({ postData: { mimeType: 'multipart/form-data; boundary=XyZ', text: payload } });
      for (const type of ['application/json', 'text/plain']) {
        const out = body(doc, type);
        expectRedactedJson(out, ['Multi-Json-Pw-0001', 'multiJsonKey0002']);
        const text = (JSON.parse(out) as { postData: { text: string } }).postData.text;
        expect(text).toContain('bob');
        expect(text).toContain('--XyZ--');
      }
    }
  });

  it('JSON in JSON (two levels of escapes), a file part after the name, a single-quoted or bare name, a mixed-case disposition', () => {
    const payload = multipartForm('XyZ', fields);
    expectRedactedJson(body(JSON.stringify({ a: JSON.stringify({ body: payload }) })), ['Multi-Json-Pw-0001', 'multiJsonKey0002']);
    const variants = [
      '--X\r\nContent-Disposition: form-data; name="password"; filename="pw.txt"\r\n\r\nMulti-Json-Pw-0003\r\n--X--',
      "--X\r\nContent-Disposition: form-data; name='password'\r\n\r\nMulti-Json-Pw-0003\r\n--X--",
      '--X\r\nContent-Disposition: form-data; name=password\r\n\r\nMulti-Json-Pw-0003\r\n--X--',
      '--X\r\ncontent-disposition: Form-data; name="password"\r\n\r\nMulti-Json-Pw-0003\r\n--X--',
    ];
    for (const v of variants) {
      expect(body(v, 'multipart/form-data; boundary=X'), v).not.toContain('Multi-Json-Pw-0003');
      expectRedactedJson(body(JSON.stringify({ body: v })), ['Multi-Json-Pw-0003']);
    }
  });
});

describe('a multipart payload in a JSON string cut at the capture cap', () => {
  it('the part after the cut is redacted, and the body stays cut', () => {
    const part = '--X\r\nContent-Disposition: form-data; name="password"\r\n\r\nCut-Multi-Pw-0001abc\r\n--X--';
    const full = message(part);
    for (const cut of [full.indexOf('abc') + 3, full.indexOf('abc') + 1, full.indexOf('\\r\\n--X--') + 1]) {
      const out = body(full.slice(0, cut));
      expect(out, out).not.toContain('Cut-Multi-Pw-0001');
      expect(out.startsWith('{"messages":[{"role":"user","content":"--X')).toBe(true);
    }
    // Two levels of JSON, cut in the inner one.
    const nested = JSON.stringify({ a: JSON.stringify({ body: part }) });
    expect(body(nested.slice(0, nested.indexOf('abc')))).not.toContain('Cut-Multi-Pw-0001');
  });
});
