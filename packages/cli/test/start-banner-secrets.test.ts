import { describe, expect, it } from 'vitest';
import { run } from '../src/run.js';
import { captureIo } from './capture-io.js';

describe('understudy start’s upstream', () => {
  it('refuses an upstream with a password or a query (the tap sends only origin and path), quoting neither: one line, exit 2', async () => {
    const c = captureIo({ env: { UNDERSTUDY_ADMIN_TOKEN: 'banner-test-token-0123456789' } });
    const upstream = 'http://bob:BannerSeedPw-6621@127.0.0.1:9/v1?api_key=BannerSeedKey-3317';
    expect(await run(['start', '--upstream', upstream, '--port', '0', '--control-port', '0'], c.io)).toBe(2);
    expect(c.err()).toMatch(/^understudy start: --upstream must not carry credentials/);
    expect(c.err().trimEnd().split('\n')).toHaveLength(1);
    const all = c.out() + c.err();
    for (const seed of ['BannerSeedPw-6621', 'BannerSeedKey-3317']) expect(all).not.toContain(seed);
  });
});
