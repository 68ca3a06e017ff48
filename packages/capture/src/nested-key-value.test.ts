import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('nested-key-value-test-key-0123456789');

/** `key` nested in a block or table that names what it is for (trust audit 6 left `api = { key = "…" }` stored). */
describe('a key nested under a name', () => {
  it('is redacted in HCL blocks, code objects and TOML tables, in text and in a JSON string', () => {
    expectPasswordsRedacted(
      at,
      [
        'api = { key = "{pw}" }',
        'api {\n  key = "{pw}"\n  url = "https://api.example.com"\n}',
        'stripe: { key: "{pw}" }',
        '[api]\nkey = "{pw}"',
        '[tool.api]\nurl = "https://x"\nkey = {pw}',
        'provider "x" {\n  api = {\n    region = "eu"\n    key    = "{pw}"\n  }\n}',
      ],
      ['Sunflower7x', 'Tr0ub4dor3', 'xK9mQ2vLp0'],
    );
  });

  it('leaves a key that is prose, or nested under a name that makes it no secret', () => {
    for (const text of [
      'key = "primary"',
      'the key = "value" pairs',
      'sort = { key = "created_at" }',
      '[primary]\nkey = "id"',
      'api = { url = "https://api.example.com" }',
      '[api]\nurl = "https://api.example.com"',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
