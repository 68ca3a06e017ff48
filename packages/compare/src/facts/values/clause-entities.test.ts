import { describe, expect, it } from 'vitest';
import { judged } from '../../../test/judged.js';
import { factSheet } from '../clauses/fact-sheet.js';

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

  it('changed is named against the path it replaces, not against a greeter production varies on', () => {
    // "subscription" is still a word of the candidate, and production's greeters differ (Maya, Tom):
    // the new path replaces the old one, which no production answer words otherwise.
    const original = 'Hi, Maya from support here. Your plan renewed on October 2. You can turn off auto-renew in Settings > Subscription.';
    const baselines = ['Hi, this is Tom from support. Your plan renewed October 2; disable auto-renew in Settings > Subscription.'];
    const candidate = 'Your yearly subscription renewed October 2. To avoid the next charge, turn off auto-renew in Settings > Billing.';
    expect(judged(original, candidate, baselines)).toEqual(['fact_changed: Settings > Subscription → Settings > Billing']);
    // The same path under another step mark, and the greeter left out: nothing changed.
    expect(
      judged(original, 'Your yearly subscription renewed October 2. Turn off auto-renew in Settings → Subscription.', baselines),
    ).toEqual([]);
  });
});

describe('a table row', () => {
  // Every word of four letters or more capitalized, as a Title Case heading's are: a row of cells is
  // no title, and its capitals may be names.
  const table = '| Route | Fare | Time |\n|---|---|---|\n| Perth – Fremantle | A$19 | 30 min |\n| Perth – Rottnest | A$89 | 45 min |';

  it('keeps the names of its cells', () => {
    expect(names('| Perth – Rottnest | A$89 | 45 min |')).toEqual(['Perth', 'Rottnest']);
    expect(names('## Ferry Times And Fares')).toEqual([]);
  });

  it('names a place changed in one cell, not a table copied', () => {
    expect(judged(table, table.replace('Rottnest', 'Mandurah'))).toEqual(['fact_changed: Rottnest → Mandurah']);
    expect(judged(table, table)).toEqual([]);
  });
});
