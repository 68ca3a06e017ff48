import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../src/redactor.js';
import { storedText, templateLeaks } from './stored-text.js';

/**
 * Trust audit 10's probe (2026-12-04): what audit 9 left stored and the classes found beside it,
 * each through the one redactor as a plain-text body and inside a chat request's JSON string;
 * members named past ASCII as a JSON body holds them; a webhook's request path. The ordinary text
 * beside each class must stay byte for byte.
 */
const at = storedText('trust-audit10-shapes-key-0123456789');
const S = 'Q10xSeedPw!4k2';

/** `{S}` is the secret, by class. */
const templates: Readonly<Record<string, readonly string[]>> = {
  'a user / password pair after an abbreviated label (u/p, usr/pwd)': [
    'u/p: admin / {S}',
    'U/P admin:{S}',
    'usr/pwd: admin/{S}',
    'user/pw = bob / {S}',
  ],
  'a user / password pair after log in, sign in, log on (with, as, using, to …)': [
    'log in with admin / {S}',
    'Log in as admin:{S}',
    'sign in with bob/{S}',
    'log on as bob / {S}',
    'log in to grafana with admin/{S}',
    'You can sign-in using ops:{S} until Friday.',
  ],
  'a password label of a language no list holds, before a value of a password shape alone on its line': [
    'nenosiri: {S}',
    'fjalëkalimi: {S}',
    'գաղտնաբառ: {S}',
    'პაროლი: {S}',
    'পাসওয়ার্ড: {S}',
    'கடவுச்சொல்: {S}',
    'συνθηματικό: {S}',
    'contrasinal: {S}',
    'pasfhocal: {S}',
    'құпия сөз: {S}',
    'нууц үг: {S}',
    'parol: {S}',
    'پاس ورڈ: {S}',
    'lösen: {S}',
  ],
  'a value an error names only as tried': [
    "login failed: tried '{S}' for user x",
    'auth failed, tried "{S}"',
    'Password rejected (tried {S})',
    'invalid credentials; tried `{S}` for bob',
  ],
};

/** Members whose names are secret only folded: the Kelvin sign, a mark, a dotted capital I; a pair's words split by a blank. */
const members: readonly string[] = [
  '{"\u212Aey": "{S}"}',
  '{"coo\u212Aie": "{S}"}',
  '{"kennw\u00f6rt": "{S}"}',
  '{"passwo\u0308rt": "{S}"}',
  '{"GEHE\u0130MN\u0130S": "{S}"}',
  '{"card no": "{S}"}',
  '{"security answer": "{S}"}',
];

/** Prose, code and settings that hold no secret: stored as written. */
const ordinary: readonly string[] = [
  'log in with your work account / SSO',
  'Sign in with Google / Apple',
  'sign in with email/password',
  'log in as admin to see it: /admin/settings',
  'I tried 3 times; the login still failed.',
  'login failed: tried again later',
  "we tried 'npm ci' first",
  'u/p ratio 3:1',
  'Des résultats très intéressants: {"durée": 12, "clé_publique": false}',
  '{"card": {"brand": "visa"}, "cc": 2, "security": "tls"}',
  'Version: Release-2024.1a\nBuild: 7F3a-99c2\nToleo: 2.4.1',
  'Jibu: x+y=3 ni sahihi kwa Maswali yote',
];

describe('trust audit 10 shapes', () => {
  it('redacts each shape as a text body and inside a JSON string', () => {
    expect(templateLeaks(at, templates, S)).toEqual([]);
  });

  it('redacts members named past ASCII or by a split pair, in a body and in JSON held in a string', () => {
    const leaks = members.flatMap((m) => {
      const body = m.replaceAll('{S}', S);
      const held = JSON.stringify({ tool_calls: [{ function: { name: 'run', arguments: body } }] });
      return [at.stored(body).includes(S) ? `body: ${m}` : [], at.stored(held).includes(S) ? `held: ${m}` : []].flat();
    });
    expect(leaks).toEqual([]);
  });

  it("redacts a Slack webhook's token in a request path, whatever its length, and keeps the workspace's id, as in a URL", () => {
    for (const token of ['kq8Zx2Vb7Np', 'Zq9vWx', 'kq8Zx2Vb7Np4tL8xWh7kP2mZ9']) {
      const path = `/services/T0AB12CD3/B0CD34EF5/${token}`;
      const stored = createRedactor(parseConfig({}).tap.redaction, 'trust-audit10-path-key-0123456789').forExchange().path(path);
      expect(stored, path).not.toContain(token);
      expect(stored, path).toMatch(/^\/services\/T0AB12CD3\/\[redacted:webhook:/);
    }
    const plain = '/services/billing/v2/invoices';
    expect(createRedactor(parseConfig({}).tap.redaction, 'trust-audit10-path-key-0123456789').forExchange().path(plain)).toBe(plain);
  });

  it('stores ordinary text byte for byte', () => {
    for (const text of ordinary) expect(at.stored(text), text).toBe(text);
  });
});
