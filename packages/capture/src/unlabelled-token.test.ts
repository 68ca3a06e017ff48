import { parseConfig, seededRandom } from '@understudy/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';
import { unlabelledTokens } from './unlabelled-token.js';

const redactor = createRedactor(parseConfig({}).tap.redaction, 'unlabelled-token-test-key-0123456789');
const body = (text: string) => redactor.forExchange().body(text, 'application/json');
const taken = (text: string) => unlabelledTokens(text).map(([s, e]) => text.slice(s, e));

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function randomToken(random: ReturnType<typeof seededRandom>, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(random.next() * alphabet.length));
  return s;
}

describe('unlabelledTokens', () => {
  it('takes the same tokens looking only in the long runs of key characters as looking at the whole text', () => {
    const pieces = fc.constantFrom(
      'q7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiYx',
      'Kq8Zx2Vb7Np9Lc3R',
      'abcdefghijklmnop',
      '0123456789',
      '.',
      '-',
      '_',
      '+/=',
      ' ',
      '"',
      ':',
      '\\n',
      '"id":"',
      'é',
    );
    const text = fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 5 }), fc.stringMatching(/^[A-Za-z0-9]{10,30}$/)), { maxLength: 14 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(unlabelledTokens(t)).toEqual(unlabelledTokens(t, [0, t.length]));
      }),
      { numRuns: 10_000 },
    );
  });

  it('takes a random 40-character token with no label from a chat message, as JSON, plain text and SSE text', () => {
    const token = 'q7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEoUiYx';
    expect(taken(`Please log in with ${token} before noon.`)).toEqual([token]);
    expect(taken(`${token} is yours`)).toEqual([token]);
    const json = JSON.stringify({
      messages: [
        { role: 'user', content: `here:\n${token}` },
        { role: 'user', content: token },
      ],
    });
    expect(body(json)).not.toContain(token);
    expect(body(json)).toContain('[redacted:token:');
    expect(JSON.parse(body(json))).toBeTruthy();
  });

  it('takes 98 % of random tokens of 40 characters and 90 % of 24 (seeded draws)', () => {
    const random = seededRandom(7);
    for (const [length, share] of [
      [40, 0.98],
      [24, 0.9],
    ] as const) {
      let hits = 0;
      for (let i = 0; i < 1000; i++) {
        const t = randomToken(random, length);
        if (taken(`use ${t} now`).length === 1) hits++;
      }
      expect(hits / 1000).toBeGreaterThanOrEqual(share);
    }
  });

  it('reads a run for a digit anywhere in it, and passes over a run without one', () => {
    // The only digit last, then first: a run is read whole for it.
    for (const token of ['QwErTyUiOpAsDfGhJkLzXcVbNm7', '7QwErTyUiOpAsDfGhJkLzXcVbNm']) expect(taken(`use ${token} now`)).toEqual([token]);
    // Both cases, no word runs, but no digit: not random by the rule, however long.
    expect(taken('use QwErTyUiOpAsDfGhJkLzXcVbNmQwErTyUiOp now')).toEqual([]);
    // A streamed event's padding, and a digit just outside the run (after a blank).
    expect(taken(`{"i":1,"pad":"${'x'.repeat(150)}"}`)).toEqual([]);
    expect(taken(`${'x'.repeat(40)} 7`)).toEqual([]);
  });

  it('leaves ids, digests and identifiers the engine and a reader need', () => {
    const kept = [
      'a3f9c2e1b4d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9', // git SHA
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', // SHA-256
      'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855',
      '550e8400-e29b-41d4-a716-446655440000', // UUID
      '01ARZ3NDEKTSV4RRFFQ69G5FAV', // ULID
      'createTapMetricsForVersion2Handler',
      'ThisIsAVeryLongCamelCaseIdentifier2',
      'README_Install_Guide_v2_Final_2024',
      'my-long-slug-with-words-2024-Release',
      'HTTPServerErrorResponse500Handler',
      'ORDER-2024-000123-000456-000789',
    ];
    for (const id of kept) expect(taken(`see ${id} for details`), id).toEqual([]);
    // A record's own ids, as members named so.
    const reply = JSON.stringify({
      id: 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT',
      choices: [{ message: { tool_calls: [{ id: 'call_Xy7Kp2Lm9QvTb4NcW8yHs3Kd', function: { name: 'f', arguments: '{}' } }] } }],
    });
    expect(body(reply)).toBe(reply);
    const toolTurn = JSON.stringify({ role: 'tool', tool_call_id: 'call_Xy7Kp2Lm9QvTb4NcW8yHs3Kd', content: 'ok' });
    expect(body(toolTurn)).toBe(toolTurn);
    const responses = JSON.stringify({
      type: 'x',
      item_id: 'msg_67c9fdcecf488190bdd9a0409de3a1ec07b8b0ad4e5eb654',
      previousResponseId: 'resp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z',
    });
    expect(body(responses)).toBe(responses);
  });

  it('leaves words, URLs, file names and base64 data longer than a key', () => {
    const image = Buffer.from(randomToken(seededRandom(3), 600)).toString('base64');
    for (const text of [
      'The quick brown fox jumps over the lazy dog again and again.',
      'see https://docs.example.com/guides/Install2024Guide/q7Zr2LmX9vTb4NcW8yHs3KdP6fJg1RtQ5aEo',
      'open C:/Users/bob/Documents/report_Q3_2024_final.pdf',
      `data:image/png;base64,${image}`,
    ])
      expect(taken(text), text).toEqual([]);
  });
});

/**
 * Standard base64 writes `+` and `/` as letters: a random 32-byte token (44 characters) holds two or
 * three, and its parts between them were each too short to read as random (trust audit 2, 2026-12-03).
 */
describe('base64 tokens with + and /', () => {
  it('are taken however many + and / they hold, and paths of words are not', () => {
    const random = seededRandom(2026_12_03);
    const b64 = `${alphabet}+/`;
    let missed = 0;
    for (let n = 0; n < 200; n++) {
      let token = '';
      for (let i = 0; i < 43; i++) token += b64.charAt(Math.floor(random.next() * b64.length));
      if (taken(`key ${token}= ok`).length !== 1) missed++;
    }
    expect(missed).toBeLessThanOrEqual(6);
    expect(taken('see Kq8Zx2Vb7Np9+Lc3RwT5yMh4/Gd6Jf1Ws9Qa== now')).toEqual(['Kq8Zx2Vb7Np9+Lc3RwT5yMh4/Gd6Jf1Ws9Qa==']);
    for (const text of [
      'open src/components/Button2/Header3Title.tsx',
      'at 2026/12/03 Report2024/Final/Summary4.pdf',
      'C++/CLI and C#/VB.NET',
    ])
      expect(taken(text), text).toEqual([]);
  });
});

/** Left by trust audit 5: base64 of `user:password` without its padding, and an AWS secret key that reads as words. */
describe('unpadded credentials and paired AWS keys', () => {
  it('takes base64 of user:password without padding, and leaves a word that merely decodes', () => {
    for (const pair of ['deploy:Sunflower7!x', 'ci-bot:Tr0ub4dor&3zz', 'admin:xK9#mQ2vLp0qr']) {
      const token = Buffer.from(pair).toString('base64').replace(/=+$/, '');
      expect(token.length % 4, pair).not.toBe(0);
      expect(taken(`creds ${token} ok`), pair).toEqual([token]);
    }
    for (const text of ['see createTapMetricsForVersion2Handler', 'README_Install_Guide_v2_Final_2024'])
      expect(taken(text), text).toEqual([]);
  });

  it('takes base64 of user:password of 11 to 23 characters standing alone (trust audit 7), and no word of that length', () => {
    for (const pair of ['bob:pw12', 'u:S7Pw-9x', 'deploy:S7short', 'ci:hunter2!', 'adm:Tr0ub4dor&'] as const) {
      for (const token of [Buffer.from(pair).toString('base64'), Buffer.from(pair).toString('base64').replace(/=+$/, '')]) {
        expect(token.length, pair).toBeLessThan(24);
        expect([pair, taken(`registry ${token}.`)]).toEqual([pair, [token]]);
        expect(body(JSON.stringify({ auth: 'x', note: `use ${token} there` })), pair).not.toContain(token);
      }
    }
    for (const text of [
      'aGVsbG8gd29ybGQ=',
      'International',
      'Characteristics',
      'ZGVwbG95LXN0YWdl',
      'order ORD-2024-88412',
      'YWJjZGVmZ2hpams=',
      'ZXhhbXBsZS5jb20=',
    ])
      expect([text, taken(`see ${text} there`)]).toEqual([text, []]);
  });

  it('takes a 40-character key that reads as words when the text holds an access key id, or alone when its letters are chopped (trust audit 7)', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(taken(`AKIAIOSFODNN7EXAMPLE and ${secret}`)).toContain(secret);
    expect(taken(`key id ASIAQ7XW2LMN4PA5SEED\nsecret:\n${secret}`)).toContain(secret);
    expect(taken(`the docs show ${secret} as the example`)).toEqual([secret]);
    expect(taken('the other one wJalrXUtnFEMI/K7MDENG/bPxRfiCYS7SEEDKEY')).toEqual(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYS7SEEDKEY']);
    // Names and paths of 40 characters stay: a name's capitals stand alone, a constant has no lower case.
    for (const name of [
      'src/App2/components/HeaderBar/indexPage1',
      'createTapMetricsForVersion2HandlerAbcdef',
      'XMLHttpRequestUploadProgressEventTarget1',
      'docs/API/v2/UsersController/GetByIdAsync',
      'iPhone/iPad/eBay/xPosition/yPos/GetAByB1',
      'AWS_SECRET_ACCESS_KEY/DEFAULT_REGION/V2X',
    ])
      expect([name, taken(`see ${name} there`)]).toEqual([name, []]);
    expect(taken('AKIAIOSFODNN7EXAMPLE in src/components/Button2/IndexPageLayouts')).not.toContain(
      'src/components/Button2/IndexPageLayouts',
    );
  });
});
