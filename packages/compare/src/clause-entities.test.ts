import { describe, expect, it } from 'vitest';
import { judged } from '../test/judged.js';
import { factSheet } from './fact-sheet.js';

const names = (s: string) =>
  factSheet(s)
    .values.filter((v) => v.type === 'entity')
    .map((v) => v.text);

describe('a menu path', () => {
  it('is one name, however its steps are marked', () => {
    expect(names('You can turn off auto-renew in Settings > Subscription so you are not charged.')).toEqual(['Settings > Subscription']);
    expect(names('Go to Settings → Privacy → Cookies and clear them.')).toEqual(['Settings > Privacy > Cookies']);
    expect(names('Open Account › Billing to update your card.')).toEqual(['Account > Billing']);
  });

  it('changed in one step is another place; marked another way, the same', () => {
    const original = 'Turn off auto-renew in Settings > Subscription so you are not charged again.';
    expect(judged(original, 'To avoid the charge, switch off auto-renew in Settings > Billing.')).not.toEqual([]);
    expect(judged(original, 'To avoid the charge, switch off auto-renew under Settings → Subscription.')).toEqual([]);
  });
});
