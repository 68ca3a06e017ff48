import { describe, expect, it } from 'vitest';
import { webhookPathSecretStart } from './webhook-path.js';

const secret = (path: string): string | undefined => {
  const at = webhookPathSecretStart(path);
  return at === -1 ? undefined : path.slice(at);
};

describe("a Slack hook's request path", () => {
  it('is a credential after the workspace id, whatever its length', () => {
    expect(secret('/services/T0AB12CD3/B0CD34EF5/kq8Zx2')).toBe('B0CD34EF5/kq8Zx2');
    expect(secret('/workflows/T0AB12CD3/A0CD34EF5/123456789/Zq9vWx7Lm2')).toBe('A0CD34EF5/123456789/Zq9vWx7Lm2');
    expect(secret('/triggers/T0AB12CD3/4567891234/ab12cd34ef')).toBe('4567891234/ab12cd34ef');
  });

  it('needs ids of Slack shape (upper-case, a digit) and something after them', () => {
    for (const path of [
      '/services/TRANSLATE/BILLING/v2',
      '/services/billing/v2/invoices',
      '/services/T0AB12CD3/B0CD34EF5/',
      '/api/services/T0AB12CD3/B0CD34EF5/x',
      '/services/T0AB12CD3',
    ])
      expect(secret(path), path).toBeUndefined();
  });
});
