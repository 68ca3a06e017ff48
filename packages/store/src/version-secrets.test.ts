import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshPostgresUrl, hasPostgres } from '../test/postgres.js';
import { openStore, type Store, storeDatabase } from './store.js';

const dialects = [
  { kind: 'sqlite', skip: false, url: async () => join(mkdtempSync(join(tmpdir(), 'us-versions-')), 'x.db') },
  { kind: 'postgres', skip: !hasPostgres(), url: async () => (await freshPostgresUrl()) ?? '' },
] as const;

const key = 'version-secrets-test-key-0123456789';
const secret = 'sk-live-VersionSecretsTest4Kq8Zx2Vb7';
const v2 = { name: 'v2', upstream: 'http://127.0.0.1:9', headers: { authorization: `Bearer ${secret}`, 'x-prompt-version': '13' } };

for (const d of dialects) {
  describe.skipIf(d.skip)(`versions' header values sealed at rest on ${d.kind}`, () => {
    let store: Store | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    const storedHeaders = async (s: Store) =>
      (await storeDatabase(s).selectFrom('versions').select('headers').where('name', '=', 'v2').executeTakeFirstOrThrow()).headers;

    it('stores no value in the clear, reads them back exactly, and stores the same version as the same bytes', async () => {
      const url = await d.url();
      store = await openStore({ url, redactionKey: key });
      await store.routing.ensure('v2', 'v2', 1);
      await store.versions.upsert(v2);
      const stored = await storedHeaders(store);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain('13');
      expect(await store.versions.get('v2')).toEqual(v2);
      expect(await store.versions.list()).toEqual([v2]);
      const stamp = await store.routing.stamp('v2');
      await store.versions.upsert(v2);
      expect(await storedHeaders(store)).toBe(stored);
      expect(await store.routing.stamp('v2')).toBe(stamp);
      await store.versions.upsert({ ...v2, headers: { ...v2.headers, 'x-prompt-version': '14' } });
      expect(await store.routing.stamp('v2')).not.toBe(stamp);
    });

    it('seals values stored in the clear before sealing existed as soon as a store opens with the key', async () => {
      const url = await d.url();
      const old = await openStore({ url });
      await old.versions.upsert(v2);
      await old.versions.upsert({ name: 'v3', upstream: 'http://127.0.0.1:9', headers: {} });
      expect(await storedHeaders(old)).toContain(secret);
      await old.close();
      store = await openStore({ url, redactionKey: key });
      const stored = await storedHeaders(store);
      expect(stored).not.toContain(secret);
      expect(await store.versions.get('v2')).toEqual(v2);
      await store.close();
      // Opening again changes nothing: the synthetic IV gives the same sealed bytes.
      store = await openStore({ url, redactionKey: key });
      expect(await storedHeaders(store)).toBe(stored);
      await store.versions.upsert(v2);
      expect(await storedHeaders(store)).toBe(stored);
    });
  });
}
