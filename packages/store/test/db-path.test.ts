import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store.js';

const dir = mkdtempSync(join(tmpdir(), 'understudy-db-path-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('UNDERSTUDY_DB is validated before any directory is made', () => {
  it('refuses a path under a virtual file system with invalid_config', async () => {
    await expect(openStore({ url: '/proc/understudy/x.db' })).rejects.toMatchObject({
      code: 'invalid_config',
      message: /virtual file system/,
    });
    await expect(openStore({ url: '/sys/kernel/understudy.db' })).rejects.toMatchObject({ code: 'invalid_config' });
  });

  it('refuses a path below a file', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    await expect(openStore({ url: join(file, 'sub', 'x.db') })).rejects.toMatchObject({
      code: 'invalid_config',
      message: /is not a directory/,
    });
  });

  it('still creates missing directories under a writable one', async () => {
    const store = await openStore({ url: join(dir, 'a', 'b', 'x.db') });
    await store.close();
  });
});
