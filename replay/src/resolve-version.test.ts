import { UnderstudyError } from '@understudy/core';
import type { Store } from '@understudy/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempStore } from '../test/support.js';
import { createReplayer } from './replayer.js';
import { resolveVersion } from './resolve-version.js';

/**
 * A target or baseline given as a URL follows the rule of a version's upstream (`upstreamUrlProblem`):
 * only its origin and path are sent, so a key in its query or credentials in it would be dropped
 * silently and kept raw in the run's spec, its report and the API (found by the trust audit's
 * seeder, 2026-12-03: `replay --target 'http://h/v1?api_key=…'` stored and printed the key).
 */
describe('resolveVersion: a target URL', () => {
  let store: Store;
  beforeAll(async () => {
    ({ store } = await tempStore());
  });
  afterAll(() => store.close());

  it.each([
    ['a key in the query', 'http://127.0.0.1:9/v1?api_key=SeedQueryKey-0123456789'],
    ['credentials', 'http://svc:SeedUrlPassw0rd-77@127.0.0.1:9/v1'],
  ])('with %s is refused, and the error does not repeat it', async (_, url) => {
    const error = await resolveVersion(store, url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnderstudyError);
    expect((error as UnderstudyError).code).toBe('invalid_input');
    expect((error as Error).message).not.toMatch(/SeedQueryKey|SeedUrlPassw0rd/);
  });

  it('with a key is refused before a run is stored', async () => {
    const replayer = createReplayer({ store });
    await expect(replayer.create({ target: 'http://127.0.0.1:9/v1?token=SeedQueryKey-0123456789' })).rejects.toThrow(UnderstudyError);
    expect((await store.replays.listRuns(10)).length).toBe(0);
    await replayer.close();
  });

  it('with only an origin and a path is an ad-hoc version', async () => {
    expect(await resolveVersion(store, 'http://127.0.0.1:9/base')).toEqual({
      name: 'url-127.0.0.1-9',
      upstream: 'http://127.0.0.1:9/base',
      headers: {},
    });
  });
});
