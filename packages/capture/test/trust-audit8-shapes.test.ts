import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../src/redactor.js';
import { storedText } from './stored-text.js';

/**
 * Trust audit 8's probe (2026-12-04): shapes audits 5–7 did not try, each through the one redactor
 * as a plain-text body and inside a chat request's JSON string — a password stated in a sentence
 * in other languages (a copula, an inflected label, words before the colon), credentials by
 * position in code, SQL's `IDENTIFIED BY`, a namespaced XML element, HTML character references, a
 * proxy URL's `DOMAIN\user` — then query strings and headers whose names pair or nest into
 * secrets; and the ordinary text beside them (counts, ids, prose about passwords, hyphenated
 * words, options, references to nothing secret) that must stay byte for byte.
 */
const at = storedText('trust-audit8-shapes-key-0123456789');
const S = 'Q8xSeedPw-4k2';

/** `{S}` is the secret. */
const templates: readonly string[] = [
  "mon mot de passe, c'est {S}",
  'Mi contraseña es "{S}"',
  'Das Passwort lautet: {S}',
  'şifrem {S}',
  'lösenordet är {S}',
  'mật khẩu là {S}',
  'הסיסמה היא {S}',
  'पासवर्ड है {S}',
  'ο κωδικός είναι {S}',
  'пароль від бази: {S}',
  'heslo je {S}',
  'Password for the admin account: {S}',
  'passcode {S}',
  'Error: Incorrect API key provided: {S}.',
  'the access token for staging is {S}',
  'requests.get(url, auth=("bob", "{S}"))',
  "HTTPBasicAuth('bob', '{S}')",
  'smtp.login("me@example.com", "{S}")',
  'client.authenticate("bob", "{S}")',
  'new NetworkCredential("bob", "{S}")',
  "ALTER USER app WITH PASSWORD '{S}';",
  "CREATE USER 'u'@'%' IDENTIFIED BY '{S}';",
  "CREATE USER app IDENTIFIED WITH mysql_native_password BY '{S}';",
  'CREATE USER app IDENTIFIED BY {S};',
  '<wsse:Password Type="PasswordText">{S}</wsse:Password>',
  '&#112;assword={S}',
  'password=&quot;{S}&quot;',
  'HTTPS_PROXY=http://corp\\bob:{S}@proxy.corp.example:8080',
  'https://app.example/callback?code={S}&state=xyz',
  'rootpw {S}',
];

/** Prose, code and settings that hold no secret: stored as written. */
const ordinary: readonly string[] = [
  'key_count = 3',
  'token_limit: 4000\npassword_min_length = 12\nauth_type: oauth',
  'Das Passwort muss mindestens 12 Zeichen haben.',
  'la contraseña es incorrecta',
  'Password for the admin account: see the vault entry',
  'Stop struggling with scattered API keys, hacking together home-brewed tools',
  'They hold the API key, the auth token and the per-work session token among them.',
  'An element on the page, identified by a reference from a prior result.',
  'docker login --password-stdin -u bob',
  'echo $PASSWORD | docker login -u bob --password-stdin',
  'print("hello", "world")',
  'login("bob", user_password)',
  'the password policy: v2.1.0',
  'C:\\Users\\bob\\notes.txt',
  '&amp; &lt;b&gt; &#169; 2026 Example &#8212; all rights reserved',
  'https://shop.example/search?code=404&page=2 and https://shop.example/list?p=2&q=shoes',
  'order 7c9e6679-7425-40de-944b-e07fc1f90ae7, commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12',
];

describe('trust audit 8 shapes', () => {
  it('redacts each shape as a text body and inside a JSON string', () => {
    const leaks = templates.flatMap((t) => {
      const text = t.replaceAll('{S}', S);
      return [at.stored(text).includes(S) ? `text: ${t}` : [], at.storedJson(text).includes(S) ? `json: ${t}` : []].flat();
    });
    expect(leaks).toEqual([]);
  });

  it('stores ordinary text byte for byte', () => {
    for (const text of ordinary) expect(at.stored(text), text).toBe(text);
  });

  it('redacts query values whose names pair (`code` with `state`, `pass` with `user`) or nest (`creds[password]`, JSON), and nothing else', () => {
    const query = (q: string) => createRedactor(parseConfig({}).tap.redaction, 'trust-audit8-query-key-0123456789').forExchange().query(q);
    for (const q of [
      `code=${S}&state=abc`,
      `grant_type=authorization_code&code=${S}`,
      `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${S}`,
      `user=bob&pass=${S}`,
      `creds%5Bpassword%5D=${S}`,
      `q=${encodeURIComponent(JSON.stringify({ password: S }))}`,
    ])
      expect(query(q), q).not.toContain(S);
    for (const q of ['code=404&page=2', 'p=2&q=shoes', 'pass=true&mode=fast', 'key_count=3']) expect(query(q)).toBe(q);
  });

  it('redacts headers named with a short password word, a JWT or a bearer, and keeps those about a secret', () => {
    const headers = createRedactor(parseConfig({}).tap.redaction, 'trust-audit8-header-key-0123456789')
      .forExchange()
      .headers({ 'x-db-pass': S, 'x-user-jwt': S, 'x-upstream-bearer': S, 'x-otp': S, 'x-token-count': '3', 'x-key-type': 'rsa' });
    expect(JSON.stringify(headers)).not.toContain(S);
    expect(headers['x-token-count']).toBe('3');
    expect(headers['x-key-type']).toBe('rsa');
  });
});
