import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'invisible-split-key-0123456789';

/** Zero-width space, non-joiner, joiner, word joiner, byte-order mark, soft hyphen: none shows on screen. */
const invisibles = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

const keys = [
  'sk-proj-Zw9kQ2vLx7NbT4rPc8MdY3hJ6sWf',
  'ghp_Zw9kQ2vLx7NbT4rPc8MdY3hJ6sWfAbCd',
  'AKIAZW9KQ2VLX7NBT4RP',
  'sk-ant-api03-Zw9kQ2vLx7NbT4rPc8MdY3hJ6sWf',
  'xoxb-2048-Zw9kQ2vLx7NbT4rPc8Md',
];

/** The secret's two halves, split where the seeder put the invisible character: neither may be stored. */
function halves(secret: string, at: number): [string, string] {
  return [secret.slice(0, at), secret.slice(at)];
}

function storedVisible(out: string): string {
  return out.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]|\\u(?:200[bcd]|2060|feff|00ad)/gi, '');
}

/**
 * A key split by a character that does not show (pasted from a chat app, a PDF, a web page, or
 * put there to pass a filter) reads as the key to anyone who copies it, but the patterns saw two
 * shorter words (or a key cut short, its tail kept). Found by trust audit 2 (2026-12-03).
 */
describe('a secret split by an invisible character', () => {
  it('is redacted whole in text, in a JSON string and in a JSON string with the character escaped', () => {
    for (const secret of keys)
      for (const mark of invisibles)
        for (const at of [6, 11, secret.length - 5]) {
          const split = secret.slice(0, at) + mark + secret.slice(at);
          const escaped = `${secret.slice(0, at)}\\u${mark.charCodeAt(0).toString(16).padStart(4, '0')}${secret.slice(at)}`;
          const bodies: [string, string][] = [
            [`my key is ${split} thanks`, 'text/plain'],
            [JSON.stringify({ messages: [{ role: 'user', content: `use ${split} for it` }] }), 'application/json'],
            [`{"messages":[{"role":"user","content":"use ${escaped} for it"}]}`, 'application/json'],
          ];
          for (const [body, type] of bodies) {
            const out = storedVisible(createRedactor(redaction, key).forExchange().body(body, type));
            for (const half of halves(secret, at))
              if (half.length >= 8) expect(out, `${JSON.stringify(split)} in ${type}`).not.toContain(half);
            expect(out).not.toContain(secret);
          }
        }
  });

  it('is redacted whole when a label is split too, and in the stored events of a stream', () => {
    const r = createRedactor(redaction, key).forExchange();
    expect(r.text('pass\u200bword: Hunter2Pass99')).not.toContain('Hunter2Pass99');
    const secret = keys[0] as string;
    const deltas = ['my key ', secret.slice(0, 9), '\u200b', secret.slice(9, 20), '\u2060', secret.slice(20), ' ok'];
    const events = deltas.map((d, i) => ({ at: i, data: JSON.stringify({ choices: [{ delta: { content: d } }] }) }));
    const stored = storedVisible(
      createRedactor(redaction, key)
        .forExchange()
        .events(events)
        .map((e) => (JSON.parse(e.data) as { choices: [{ delta: { content: string } }] }).choices[0].delta.content)
        .join(''),
    );
    expect(stored).not.toContain(secret.slice(9, 20));
    expect(stored).not.toContain(secret.slice(20));
  });

  it('is redacted whole when split by a direction mark, an invisible operator or an HTML entity of one', () => {
    // Left-to-right and right-to-left marks, embeddings, overrides and isolates, the invisible
    // operators, the Mongolian vowel separator, the combining grapheme joiner; and in HTML the
    // entities of the zero-width characters and the soft hyphen.
    const marks = ['\u200e', '\u200f', '\u202a', '\u202c', '\u202e', '\u2061', '\u2063', '\u2066', '\u2069', '\u180e', '\u034f'];
    const entities = ['&#8203;', '&#x200B;', '&#x200b;', '&zwj;', '&zwnj;', '&shy;', '&#173;', '&ZeroWidthSpace;', '&NoBreak;', '&lrm;'];
    for (const secret of keys)
      for (const mark of [...marks, ...entities]) {
        const at = 11;
        const split = secret.slice(0, at) + mark + secret.slice(at);
        for (const [body, type] of [
          [`<p>my key is ${split} thanks</p>`, 'text/html'],
          [JSON.stringify({ content: `use ${split} for it` }), 'application/json'],
        ] as const) {
          const out = createRedactor(redaction, key).forExchange().body(body, type);
          for (const half of halves(secret, at))
            if (half.length >= 8) expect(out, `${JSON.stringify(mark)} in ${type}`).not.toContain(half);
        }
      }
  });

  it('leaves text whose invisible characters join no secret byte for byte', () => {
    const r = createRedactor(redaction, key).forExchange();
    const texts = [
      'family \u{1F468}\u200d\u{1F469}\u200d\u{1F467} emoji, order 4821-7730',
      'می\u200cخواهم بروم',
      'soft\u00adhyphen\u00adated words and a price of $1,299.00 on 2026-12-03',
      '\ufeffBOM at the start, then invoice INV-20261203-0042',
      'price &shy;&#8203;$1,299.00 &amp; order&nbsp;48213 &lrm;2026-12-03',
      '\u200fعربي\u200e order 48213 \u2066مرحبا\u2069',
    ];
    for (const t of texts) expect(r.body(t, 'text/plain')).toBe(t);
  });
});
