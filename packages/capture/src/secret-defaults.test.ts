import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('secret-defaults-test-key-0123456789');

/**
 * A secret's literal given as a default: after a fallback operator, as a template placeholder's
 * default, as a Terraform variable's default, and a typed declaration's (trust audit 6: `??` was
 * left by audit 5; `||=`, `${…:…}`, `variable "…" { default }` and `: &str =` were found stored).
 */
describe('a secret given as a default or a typed literal', () => {
  const passwords = ['Sunflower7!', 'Tr0ub4dor&3', 'xK9#mQ2vL'];
  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(
      at,
      [
        'const pw = process.env.DB_PASSWORD ?? "{pw}";',
        'password: process.env.DB_PASSWORD ?? "{pw}",',
        'const password = process.env.PW || "{pw}";',
        "ENV['API_KEY'] ||= '{pw}'",
        'token = os.environ.get("API_TOKEN") or "{pw}"',
        'val secret = System.getenv("CLIENT_SECRET") ?: "{pw}"',
        // `\u0024` is `$`: Biome reads `${` in a plain string as a template written by mistake.
        '@Value("\u0024{db.password:{pw}}")',
        'DB_PASSWORD=\u0024{DB_PASSWORD:-{pw}}',
        'variable "db_password" {\n  type    = string\n  default = "{pw}"\n}',
        'const DB_PASSWORD: &str = "{pw}";',
        'static API_KEY: &\'static str = "{pw}";',
        'const apiKey: string = "{pw}";',
        'val password: String = "{pw}"',
      ],
      passwords,
    );
  });

  it('leaves other fallbacks, templates, variables and types byte for byte', () => {
    for (const text of [
      'const name = user.name ?? "anonymous";',
      'const timeout = env.TIMEOUT || "30s";',
      '@Value("\u0024{server.port:8080}")',
      'variable "region" {\n  default = "eu-west-1"\n}',
      'const GREETING: &str = "hello";',
      'if (a ?? b) return "x";',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
