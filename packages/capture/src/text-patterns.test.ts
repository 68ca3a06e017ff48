import { describe, expect, it } from 'vitest';
import { storedText } from '../test/stored-text.js';

const at = storedText('text-patterns-test-key-0123456789');

/**
 * A URL's `user:password@host` is no email address: its password is taken (`url_password`) and its
 * host kept. Trust audit 5 left the hosts of mongodb+srv and amqps URLs lost as emails.
 */
describe('the email pattern beside a URL credential', () => {
  it('keeps the host of a URL with a password, and takes the password', () => {
    for (const [text, host, pw] of [
      ['mongodb+srv://admin:Sunflower7x@cluster0.abc.mongodb.net/shop?retryWrites=true', 'cluster0.abc.mongodb.net', 'Sunflower7x'],
      ['amqps://guest:Tr0ub4dor-3@mq.internal:5671/vhost', 'mq.internal:5671', 'Tr0ub4dor-3'],
      ['git clone https://deploy:Pw&Amp3x@git.example.com/r.git', 'git.example.com/r.git', 'Pw&Amp3x'],
    ] as const) {
      for (const stored of [at.stored(text), at.storedJson(text)]) {
        expect(stored, text).toContain(`[redacted:url_password:`);
        expect(stored, text).toContain(`@${host}`);
        expect(stored, text).not.toContain(pw);
      }
    }
  });

  it('still takes email addresses, in prose, in mailto and after a URL with no password', () => {
    for (const text of ['mail bob.smith@example.com today', 'https://x.com/share?to=mailto:al@example.org', 'https://x.com/ then a@b.io'])
      expect(at.stored(text), text).toContain('[redacted:email:');
  });
});
