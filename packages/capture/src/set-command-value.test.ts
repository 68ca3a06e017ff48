import { describe, expect, it } from 'vitest';
import { expectPasswordsRedacted, storedText } from '../test/stored-text.js';

const at = storedText('set-command-value-test-key-0123456789');

/** A command that sets a secret-named setting (trust audit 6 found `aws configure set` and `gh secret set --body` stored). */
describe('a secret set on a command line after its name', () => {
  it('is redacted, in text and in a JSON string', () => {
    expectPasswordsRedacted(
      at,
      [
        'aws configure set aws_secret_access_key {pw}',
        'gh secret set API_TOKEN --body "{pw}"',
        'gh secret set DEPLOY_KEY -b {pw}',
        'glab variable set DB_PASSWORD --value {pw}',
        'yarn config set npmAuthToken {pw}',
        'npm config set //registry.npmjs.org/:_authToken {pw}',
        'npm config set "//npm.pkg.github.com/:_authToken" {pw}',
      ],
      ['Sunflower7x', 'Tr0ub4dor3', 'xK9mQ2vLp0'],
    );
  });

  it('leaves settings that are no secret, and options after a secret name, byte for byte', () => {
    for (const text of [
      'aws configure set region us-east-1',
      'git config set user.name bob',
      'gh secret set TOKEN --repo org/app < token.txt',
    ])
      expect(at.stored(text), text).toBe(text);
  });

  it('reads a configuration path, -b"…", a value piped in, and PowerShell env: items (trust audit 7)', () => {
    expectPasswordsRedacted(
      at,
      [
        'dotnet user-secrets set "Api:Key" "{pw}"',
        'dotnet user-secrets set "Stripe:SecretKey" {pw}',
        'dotnet user-secrets set Db:Password {pw} --project src/App',
        'gh secret set API_KEY -b"{pw}"',
        "echo -n '{pw}' | gh secret set API_KEY",
        'printf %s {pw} | gh secret set DEPLOY_TOKEN --repo org/app',
        'Set-Item env:DB_PASSWORD "{pw}"',
        "Set-Item -Path Env:\\API_KEY -Value '{pw}'",
        'New-Item -Path env: -Name API_TOKEN -Value {pw}',
        'set-content env:SMTP_PASSWORD {pw}',
      ],
      ['Sunflower7x', 'Tr0ub4dor3', 'xK9mQ2vLp0'],
    );
  });

  it('leaves a prompt for the value, ordinary settings and other drives byte for byte', () => {
    for (const text of [
      'gh secret set API_KEY  # prompts for the value',
      'gh secret set API_KEY < key.txt',
      'dotnet user-secrets set "Logging:Level" "Debug"',
      'Set-Item env:PATH "C:\\bin"',
      'Set-Item -Path HKCU:\\Software\\Key -Value 1',
      'echo done | gh secret list',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
