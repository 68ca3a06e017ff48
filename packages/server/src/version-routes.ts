import { isValidVersionName, UnderstudyError, upstreamUrl, type Version } from '@understudy/core';
import type { Store } from '@understudy/store';
import { Hono } from 'hono';
import { z } from 'zod/v4';
import { noQuery, parseQuery, queryParams } from './parse-query.js';
import { versionToJson } from './version-json.js';

const versionInput = z.strictObject({
  name: z.string().refine(isValidVersionName, 'expected letters, digits, ".", "_" or "-" (at most 63)'),
  upstream: upstreamUrl,
  headers: z.record(z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'expected a header name'), z.string()).optional(),
});

/** `GET /api/versions` and `POST /api/versions` (create or replace by name). */
export function versionRoutes(store: Store): Hono {
  const routes = new Hono();
  routes.get('/', async (c) => {
    parseQuery(noQuery, queryParams(c));
    return c.json({ items: (await store.versions.list()).map(versionToJson) });
  });
  routes.post('/', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch (cause) {
      throw new UnderstudyError('bad_request', 'the body must be JSON: {"name", "upstream", "headers"?}', { cause });
    }
    const result = versionInput.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
      const message = issue?.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : (issue?.message ?? 'invalid');
      throw new UnderstudyError('invalid_input', `${where}: ${message}`);
    }
    const version: Version = { name: result.data.name, upstream: result.data.upstream, headers: result.data.headers ?? {} };
    await store.versions.upsert(version);
    return c.json(versionToJson(version), 201);
  });
  return routes;
}
