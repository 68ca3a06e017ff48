import { parseConfig } from '@understudy/core';
import { describe, expect, it } from 'vitest';
import { createRedactor } from './redactor.js';

const redaction = parseConfig({}).tap.redaction;
const key = 'nested-assignments-key-0123456789';
const stored = (text: string): string => createRedactor(redaction, key).forExchange().body(text, 'text/plain');
const storedJson = (text: string): string =>
  createRedactor(redaction, key)
    .forExchange()
    .body(JSON.stringify({ cmd: text }), 'application/json');

/**
 * A secret assigned inside another assignment's value (`--from-literal=password=X`, `-e
 * DB_PASSWORD=X` joined as `--env=DB_PASSWORD=X`, `--set auth.token=X`) and a YAML block scalar
 * under a secret name (`password: |` then the value on the next, indented line). Agents run
 * `kubectl create secret`, `helm install --set` and paste YAML daily; each was stored as written
 * (trust audit 2, 2026-12-03).
 */
describe('secrets assigned inside a value, and YAML block scalars', () => {
  const pw = 'Hunter2Pass!x';

  it('are redacted after a name that follows an =', () => {
    for (const text of [
      `kubectl create secret generic db --from-literal=password=${pw}`,
      `kubectl create secret generic db --from-literal=api_key=${pw} --from-literal=user=app`,
      `docker run --env=DB_PASSWORD=${pw} app`,
      `helm install x --set=auth.password=${pw}`,
    ]) {
      expect(stored(text), text).not.toContain(pw);
      expect(storedJson(text), text).not.toContain(pw);
    }
  });

  it('are redacted as the indented lines of a block scalar', () => {
    for (const text of [`db:\n  password: |\n    ${pw}\n  user: app`, `token: >-\n  ${pw}\nother: 1`, `client_secret: |+\n\t${pw}\n`]) {
      expect(stored(text), text).not.toContain(pw);
      expect(storedJson(text), text).not.toContain(pw);
    }
    // The lines after the block are the document's own.
    expect(stored(`db:\n  password: |\n    ${pw}\n  user: app`)).toContain('\n  user: app');
  });

  it('leave ordinary key=value pairs and YAML blocks under other names', () => {
    for (const text of [
      'kubectl create configmap app --from-literal=mode=fast --from-literal=replicas=3',
      'a=b=c and x=passwords_total=12',
      'description: |\n  The password policy needs 12 characters.\nnext: 1',
      'password: |\n\nuser: app',
    ])
      expect(stored(text), text).toBe(text);
  });
});
