import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('code-snippet-secrets-key-0123456789');

/**
 * Secrets in the code and config snippets people paste into a chat, in several languages, where
 * the name is a quoted argument or key, a constructor's, or a lower-case variable ending in `pass`,
 * and a client's option on a line of its own in a JSON string. Trust audit 5 (2026-12-03) found each
 * of these stored (`secret-assignments.ts`, `header-policy.ts`, `command-line-password.ts`).
 */
describe('a secret in a pasted code or config snippet', () => {
  const passwords = ['Sunflower7!', 'Tr0ub4dor&3', 'xK9#mQ2vL'];
  const snippets = [
    "define('DB_PASSWORD', '{pw}');",
    'define( "AUTH_KEY",  "{pw}" );',
    'props.setProperty("password", "{pw}");',
    'config.put("api_key", "{pw}")',
    'db_pw = os.getenv("DB_PASSWORD", "{pw}")',
    'os.environ["DB_PASSWORD"] = "{pw}"',
    "$config['db_password'] = '{pw}';",
    "'password' => '{pw}',",
    'var cred = new NetworkCredential("bob", "{pw}");',
    'new BasicAWSCredentials("AKIAEXAMPLEID", "{pw}")',
    '$pw = ConvertTo-SecureString "{pw}" -AsPlainText -Force',
    'ConvertTo-SecureString -String "{pw}" -AsPlainText -Force',
    'let password = "{pw}";',
    'String pwd = "{pw}";',
    'if ok { cfg.password = "{pw}" }',
    'pw := "{pw}"',
    '<property name="password" value="{pw}"/>',
    '<add key="ApiSecret" value="{pw}" />',
    'dsn := "app:{pw}@tcp(db:3306)/shop?parseTime=true"',
    'echo {pw} | base64 -d',
    'db_pass={pw}',
    'smtpPass: "{pw}"',
    'mysql -u root -p{pw} -h db',
    'sshpass -p {pw} ssh root@host',
    'docker login -u bob -p {pw} registry.example.com',
    'redis-cli -h cache -a {pw} ping',
  ];

  it('is redacted, in text and in a JSON string (on a line of its own)', () => {
    expectPasswordsRedacted(at, snippets, passwords);
  });

  it('is redacted base64-wrapped: user:password encoded, with no label', () => {
    for (const pw of passwords) {
      const encoded = Buffer.from(`deploy:${pw}`).toString('base64');
      for (const text of [`creds (base64): ${encoded}`, `use ${encoded} for the registry`]) {
        expect(at.stored(text), text).not.toContain(encoded);
        expect(at.storedJson(text), text).not.toContain(encoded);
      }
    }
  });

  it('leaves lists of names, other calls and variables byte for byte', () => {
    for (const text of [
      'required: ["password", "username"]',
      'fields = ("password", "email")',
      'log.info("password", "changed for bob")',
      'ConvertTo-SecureString $encrypted -Key $key',
      '$secure = ConvertTo-SecureString $plain -AsPlainText -Force',
      'boarding pass ready; bypass=true; compass: north',
      'cmp(a, b) == 0 and env["PATH"] == "/usr/bin"',
      'let name = "Bob"; cfg.timeout = "30s"',
      '<property name="timeout" value="30"/>',
      'see user:pass@ docs, tcp(host) and x@tcp',
    ]) {
      expect(at.stored(text), text).toBe(text);
      expect(at.storedJson(text), text).not.toContain('[redacted');
    }
  });
});

/** A letters-only password in an aligned table's field (trust audit 5: `PASSWORD    Sunshine` was stored). */
describe('a password of letters in an aligned field', () => {
  it('is redacted after two blanks or a tab, in text and in a JSON string', () => {
    for (const text of ['PASSWORD    Sunshine', 'Username    alice\nPassword    Sunshine\nHost        db', 'Password\tSunshine']) {
      expect(at.stored(text), text).not.toContain('Sunshine');
      if (!text.includes('\t')) expect(at.storedJson(text), text).not.toContain('Sunshine');
    }
  });

  it('leaves headings, states and prose byte for byte', () => {
    for (const text of ['Password Reset', 'Password    Required', 'the password    Sunshine', 'Password    Sunshine and more'])
      expect(at.stored(text), text).toBe(text);
  });
});
