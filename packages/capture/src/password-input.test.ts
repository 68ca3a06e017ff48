import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'password-input-key-0123456789';
const stored = (text: string, type = 'text/html'): string => createRedactor(redaction, key).forExchange().body(text, type);

/**
 * A form an agent fetches or writes holds a password field's value as an attribute:
 * `<input type="password" value="…">`. The value is named by the element's type (or its name), not
 * by an assignment to a secret name, and was stored as written (trust audit 2, 2026-12-03).
 */
describe('the value of a password input', () => {
  const pw = 'Hunter2Pass!';
  const inputs = [
    `<input type="password" name="pw" value="${pw}">`,
    `<input value="${pw}" type="password" id="x">`,
    `<INPUT TYPE=PASSWORD VALUE='${pw}'/>`,
    `<input\n  type="password"\n  value="${pw}"\n>`,
    `<input type="text" name="api_token" value="${pw}">`,
    `<input name="csrfToken" type="hidden" value="${pw}" />`,
    `<input class="form-control" type="password" autocomplete="current-password" value=${pw}>`,
  ];

  it('is redacted in HTML, in text and inside JSON', () => {
    for (const input of inputs) {
      expect(stored(`<form>${input}</form>`), input).not.toContain(pw);
      expect(stored(JSON.stringify({ html: `<form>${input}</form>` }), 'application/json'), input).not.toContain(pw);
    }
  });

  it('leaves other inputs and the rest of the page', () => {
    const page =
      '<form action="/login"><input type="text" name="username" value="alice"><input type="password" name="password" value=""><input type="number" name="qty" value="4821"><button type="submit" value="Log in">Log in</button></form>';
    expect(stored(page)).toBe(page);
  });
});
