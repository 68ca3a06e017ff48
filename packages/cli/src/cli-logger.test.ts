import { describe, expect, it } from 'vitest';
import { captureIo } from '../test/capture-io.js';
import { createCliLogger } from './cli-logger.js';

/** Errors that echo what they were given: a request body, a URL with a query token, a connection string. */
const seeds = {
  bodyPw: 'LogBodyPw-7712',
  queryKey: 'LogQueryKey-4410',
  dbPw: 'LogDbPw-9931',
  token: 'Zx8Kq2Vb7Np9Lc3Rw6Yh1Gd5Fs0Ja2Ue8Io4Tm',
  vendor: 'hf_LogVendorTok3nAbCdEfGhIjKlMn01',
} as const;

describe('createCliLogger', () => {
  for (const readable of [true, false])
    it(`no secret an error echoes reaches a log line (${readable ? 'readable' : 'JSON'} lines)`, () => {
      const c = captureIo();
      const logger = createCliLogger(c.io, { readable });
      const parseError = new SyntaxError(`Unexpected token in JSON at position 40: {"user":"bob","password":"${seeds.bodyPw}"`);
      logger.error({ err: parseError, url: `http://agent.internal/v1/chat?api_key=${seeds.queryKey}` }, 'request failed');
      logger.warn({ db: `postgres://app:${seeds.dbPw}@db:5432/app` }, `store unreachable; the client sent ${seeds.token}`);
      logger.info({ body: { password: seeds.bodyPw, note: `key ${seeds.vendor}` } }, 'echoed');
      const out = c.out();
      expect(out).toContain('request failed');
      expect(out).toContain('[redacted:');
      for (const s of Object.values(seeds)) expect(out, s).not.toContain(s);
      if (!readable) for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    });
});

describe('createCliLogger and URLs already shown without their password', () => {
  it('keeps `postgres://user:redacted@host` as urlForLog wrote it', () => {
    const c = captureIo();
    createCliLogger(c.io, { readable: false }).info({ db: 'postgres://postgres:redacted@127.0.0.1:5432/u' }, 'control plane listening');
    expect(c.out()).toContain('postgres://postgres:redacted@127.0.0.1:5432/u');
  });
});
