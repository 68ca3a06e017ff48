import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/capture-io.js';
import { runDiff } from './diff.js';

const reply = (content: string) =>
  JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] });

/**
 * What `understudy diff` shows of two answers that hold different secrets of one kind: the
 * placeholder without its digest (`[redacted:api_key]`), as the engine compares it since trust audit
 * 3 — a display that showed `…:91a6… → …:ad13…` would mark a difference the verdict does not count.
 * The digest stays in the stored exchange (its own page, the API), where "is this the same secret
 * as that one?" is asked of one record or of two (trust audit 4's decision, docs/reliability.md).
 */
describe('understudy diff and redaction placeholders', () => {
  const a = reply('Your new key is [redacted:api_key:91a6c0ffee01] and your refund of $35 is on its way.');
  const b = reply('Your new key is [redacted:api_key:ad13beef0002] and your refund of $35 is on its way.');

  it('prints the placeholders without digests, and two different secrets of one kind are no difference', async () => {
    for (const json of [false, true]) {
      const t = captureIo({ isTty: false });
      writeFileSync(join(t.dir, 'a.json'), a);
      writeFileSync(join(t.dir, 'b.json'), b);
      const code = await runDiff(['a.json', 'b.json', '--no-color', ...(json ? ['--json'] : [])], t.io);
      expect(code, t.out()).toBe(0);
      expect(t.out()).not.toMatch(/91a6c0ffee01|ad13beef0002/);
    }
  });

  it('still shows a secret dropped or of another kind, and a change beside it, with the kind named', async () => {
    const t = captureIo({ isTty: false });
    writeFileSync(join(t.dir, 'a.json'), a);
    writeFileSync(join(t.dir, 'c.json'), reply('Your new key is [redacted:password:ad13beef0002] and your refund of $45 is on its way.'));
    const code = await runDiff(['a.json', 'c.json', '--no-color'], t.io);
    expect(code).toBe(1);
    expect(t.out()).toContain('[redacted:api_key]');
    expect(t.out()).toContain('[redacted:password]');
    expect(t.out()).toContain('$45');
    expect(t.out()).not.toMatch(/91a6c0ffee01|ad13beef0002/);
  });
});
