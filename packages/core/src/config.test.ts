import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from './config.js';
import { UnderstudyError } from './errors.js';

const fromText = (text: string) => ({ file: 'understudy.config.json', readFile: () => text });

describe('loadConfig', () => {
  it('fills defaults and freezes the result', () => {
    const config = loadConfig();
    expect(config.db).toBe('data/understudy.db');
    expect(config.tap.capture.maxBodyBytes).toBe(1024 * 1024);
    expect(config.tap.capture.rate).toBe(1);
    expect(Object.isFrozen(config.tap.capture)).toBe(true);
  });

  it('reads a file that starts with a byte-order mark, as Windows editors save it (user audit 3)', () => {
    expect(loadConfig(fromText('\uFEFF{"tap":{"port":9090}}')).tap.port).toBe(9090);
    expect(() => loadConfig(fromText('\uFEFF{"tap":{"port":"x"}}'))).toThrow(/tap\.port/);
  });

  it('names the path of an ill-typed key and what was expected', () => {
    const run = () => loadConfig(fromText('{"tap":{"capture":{"rate":"all"}}}'));
    expect(run).toThrow(UnderstudyError);
    expect(run).toThrow(/tap\.capture\.rate: .*expected number/);
  });

  it('refuses an admin token with whitespace, which no Authorization header could ever carry back', () => {
    for (const adminToken of ['two words here', 'trailing-space ', '\ttabbed-token'])
      expect(() => parseConfig({ adminToken })).toThrow(/adminToken: .*whitespace/);
    expect(parseConfig({ adminToken: 'no-whitespace-token' }).adminToken).toBe('no-whitespace-token');
  });

  it('names an unknown key with its full path', () => {
    expect(() => loadConfig(fromText('{"tap":{"captur":{}}}'))).toThrow(/tap\.captur: unknown key/);
  });

  it('names array positions in the path', () => {
    const text = '{"versions":[{"name":"stable","upstream":"http://127.0.0.1:1"},{"name":"c","upstream":"ftp://x"}]}';
    expect(() => loadConfig(fromText(text))).toThrow(/versions\[1\]\.upstream/);
  });

  it('refuses a version upstream with credentials, a query or a fragment (only origin and path are sent), quoting none', () => {
    for (const [upstream, why] of [
      ['http://bob:ConfigSeedPw-3@127.0.0.1:1', /must not carry credentials/],
      ['http://127.0.0.1:1/v1?key=ConfigSeedKey-9', /must not carry a query/],
      ['http://127.0.0.1:1/v1#frag', /must not carry a fragment/],
    ] as const) {
      const text = JSON.stringify({ versions: [{ name: 'c', upstream }] });
      expect(() => loadConfig(fromText(text))).toThrow(why);
      expect(() => loadConfig(fromText(text))).not.toThrow(/ConfigSeed/);
    }
    expect(loadConfig(fromText('{"versions":[{"name":"c","upstream":"https://agent.internal/base/"}]}')).versions[0]?.upstream).toBe(
      'https://agent.internal/base/',
    );
  });

  it('rejects malformed JSON with the file name', () => {
    expect(() => loadConfig(fromText('{nope'))).toThrow(/understudy\.config\.json is not valid JSON/);
  });

  it('lets env vars override the file and flags override both', () => {
    const config = loadConfig({
      ...fromText('{"db":"a.db","tap":{"port":9000}}'),
      env: { UNDERSTUDY_DB: 'b.db', UNDERSTUDY_ADMIN_TOKEN: 'secret-token' },
      overrides: { tap: { port: 9001 } },
    });
    expect(config.db).toBe('b.db');
    expect(config.adminToken).toBe('secret-token');
    expect(config.tap.port).toBe(9001);
  });

  it('reads named control-plane tokens from the file or UNDERSTUDY_TOKENS, never echoing a token in an error', () => {
    const fromEnv = loadConfig({ env: { UNDERSTUDY_TOKENS: 'alice:read:aaaaaaaaaaaaaaaa, bot:operate:b:bbbbbbbbbbbbbbb' } });
    expect(fromEnv.control.tokens).toEqual([
      { name: 'alice', role: 'read', token: 'aaaaaaaaaaaaaaaa' },
      { name: 'bot', role: 'operate', token: 'b:bbbbbbbbbbbbbbb' },
    ]);
    const file = JSON.stringify({ control: { tokens: [{ name: 'ci', role: 'operate', token: 'cccccccccccccccc' }] } });
    expect(loadConfig({ file: 'x.json', readFile: () => file }).control.tokens).toHaveLength(1);
    expect(() => loadConfig({ env: { UNDERSTUDY_TOKENS: 'eve:admin:eeeeeeeeeeeeeeee' } })).toThrow(/control\.tokens\[0\]\.role/);
    expect(() => loadConfig({ env: { UNDERSTUDY_TOKENS: 'eve:read:short' } })).toThrow(/control\.tokens\[0\]\.token: at least 16/);
    expect(() => loadConfig({ env: { UNDERSTUDY_TOKENS: 'eve:read:short' } })).not.toThrow(/short/);
    expect(() => loadConfig({ env: { UNDERSTUDY_TOKENS: 'a:read:aaaaaaaaaaaaaaaa,a:operate:bbbbbbbbbbbbbbbb' } })).toThrow(/unique/);
  });

  it('reports the error code invalid_config', () => {
    try {
      parseConfig({ control: { port: -1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnderstudyError);
      expect((error as UnderstudyError).code).toBe('invalid_config');
      expect((error as UnderstudyError).details).toEqual({ path: 'control.port' });
    }
  });
});
