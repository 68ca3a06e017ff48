import { parseConfig } from '@understudy/core';
import { expect } from 'vitest';
import { createRedactor } from '../src/redactor.js';

/** What capture stores of a text, with the default config's redaction and a test key. */
export interface StoredText {
  /** The text as a plain-text body. */
  readonly stored: (text: string) => string;
  /** The text inside a chat request's JSON string (its newlines escaped, as a client sends them). */
  readonly storedJson: (text: string) => string;
}

/** {@link StoredText} of a redactor keyed with `key` (one exchange per call). */
export function storedText(key: string): StoredText {
  const redaction = parseConfig({}).tap.redaction;
  return {
    stored: (text) => createRedactor(redaction, key).forExchange().body(text, 'text/plain'),
    storedJson: (text) =>
      createRedactor(redaction, key)
        .forExchange()
        .body(JSON.stringify({ messages: [{ role: 'user', content: `Why does this fail?\n${text}\nthanks` }] }), 'application/json'),
  };
}

/** Each command line with each password put at its `{pw}`: the password is in neither stored form. */
export function expectPasswordsRedacted(at: StoredText, commands: readonly string[], passwords: readonly string[]): void {
  for (const command of commands)
    for (const pw of passwords) {
      const text = command.replaceAll('{pw}', pw);
      expect(at.stored(text), text).not.toContain(pw);
      expect(at.storedJson(text), text).not.toContain(pw);
    }
}

/**
 * Each template of `templates` (by class) with `{S}` put for `secret` whose stored form, as a text
 * body or in a JSON string, still holds the secret: `class text: template` / `class json: template`.
 */
export function templateLeaks(at: StoredText, templates: Readonly<Record<string, readonly string[]>>, secret: string): string[] {
  return Object.entries(templates).flatMap(([kind, list]) =>
    list.flatMap((t) => {
      const text = t.replaceAll('{S}', secret);
      return [
        at.stored(text).includes(secret) ? `${kind} text: ${t}` : [],
        at.storedJson(text).includes(secret) ? `${kind} json: ${t}` : [],
      ].flat();
    }),
  );
}
