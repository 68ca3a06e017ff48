import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { storedText } from '../test/stored-text.js';
import { cjkPasswordWord } from './foreign-password-word.js';
import { createRedactor } from './redactor.js';

const key = 'cjk-password-key-0123456789';
const at = storedText(key);
const escapeAll = (s: string): string => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
/** A chat request as Python's json.dumps writes it: every non-ASCII character a `\u` escape. */
const storedEscaped = (text: string): string =>
  createRedactor(parseConfig({}).tap.redaction, key)
    .forExchange()
    .body(escapeAll(JSON.stringify({ messages: [{ role: 'user', content: text }] })), 'application/json');

/**
 * A password of two to four Han, kana or Hangul characters after its label: trust audit 4 left
 * "CJK passwords shorter than 5 chars" (the floor of five Latin letters was applied to them), and
 * trust audit 5 (2026-12-03) found them stored — and, Korean's `는` escaped by Python's json.dumps,
 * a password of any length.
 */
describe('a short password of Han, kana or Hangul', () => {
  const cases = [
    ['密码：{pw}', '猫狗'],
    ['密码是 {pw}', '天地玄黄'],
    ['密码是{pw}，请记住', '天地玄黄'],
    ['密碼為 {pw}', '山水'],
    ['密码 {pw}', '猫狗'],
    ['パスワード: {pw}', '山川'],
    ['パスワードは {pw}', '桜花'],
    ['비밀번호: {pw}', '하늘'],
    ['비밀번호는 {pw}', '바다'],
  ] as const;

  it('is redacted, in text, in a JSON string and with every non-ASCII character escaped', () => {
    for (const [label, pw] of cases) {
      const text = label.replace('{pw}', pw);
      expect(at.stored(text), text).not.toContain(pw);
      expect(at.storedJson(text), text).not.toContain(pw);
      expect(storedEscaped(text), text).not.toContain(escapeAll(pw));
    }
  });

  it('leaves what prose says about a password byte for byte', () => {
    for (const text of [
      '密码：错误',
      '密码是错误的',
      '密码已过期',
      'パスワードは間違っています',
      '비밀번호는 틀렸습니다',
      '密码：*',
      '密码是 什么？',
    ])
      expect(at.stored(text), text).toBe(text);
    expect(['猫狗', '天地玄黄', '하늘'].every(cjkPasswordWord)).toBe(true);
    expect(['猫', '错误', '过期了', '틀렸습니다', 'abc'].some(cjkPasswordWord)).toBe(false);
  });
});
