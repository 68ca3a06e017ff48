import { describe, expect, it } from 'vitest';
import { storedText } from '../test/stored-text.js';

const at = storedText('user-paired-password-test-key-0123456789');
const body = (json: unknown) => at.storedJson(JSON.stringify(json));

/** A password under a short name (`pass`, `p`) that only its user beside it marks (trust audit 5 left both stored). */
describe('a password beside its user', () => {
  it('is redacted as a YAML or INI `pass` line under a user line', () => {
    for (const text of ['database:\n  user: app\n  pass: Sunflower7x', '[smtp]\nusername = mailer\npass = Tr0ub4dor3']) {
      const pw = text.includes('Sunflower') ? 'Sunflower7x' : 'Tr0ub4dor3';
      expect(at.stored(text), text).not.toContain(pw);
      expect(at.storedJson(text), text).not.toContain(pw);
    }
  });

  it('is redacted as a JSON member `p` or `pw` beside a user member, also inside a JSON string', () => {
    const doc = { creds: { u: 'bob', p: 'Sunflower7!' }, other: { user: 'app', pw: 'xK9#mQ2vL' } };
    const stored = body(doc);
    for (const pw of ['Sunflower7!', 'xK9#mQ2vL']) {
      expect(stored).not.toContain(pw);
      expect(at.stored(JSON.stringify({ arguments: JSON.stringify(doc) }))).not.toContain(pw);
    }
  });

  it('leaves `pass` as a verb or a ticket, and members `p` without a user, byte for byte', () => {
    for (const text of [
      'tests pass: 42, fail: 0',
      'boarding pass: 12B',
      'user: bob\nstatus: pass',
      '{"p": 0.25, "q": 0.75}',
      '{"p": "paragraph", "style": "bold"}',
      '{"cfg": {"p": "0.5"}, "user": "bob"}',
      '{"u": "bob", "p": "two words"}',
    ])
      expect(at.stored(text), text).toBe(text);
  });
});
