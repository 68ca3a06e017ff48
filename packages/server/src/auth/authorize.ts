import { UnderstudyError } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';
import type { ControlEnv } from '../control-env.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request that can change something (any method but GET/HEAD/OPTIONS) needs the
 * `operate` role; a `read` token only looks. A change made with the session cookie must also
 * come from the dashboard's own origin (the `Origin` header, which browsers send on every
 * POST): with the SameSite=Strict cookie, a cross-site form cannot act for a signed-in user.
 */
export function authorize(): MiddlewareHandler<ControlEnv> {
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      if (c.get('role') !== 'operate')
        throw new UnderstudyError('forbidden', `token "${c.get('actor')}" has the read role; ${c.req.method} needs an operate token`);
      if (c.get('via') === 'session') {
        const origin = c.req.header('origin');
        if (origin === undefined || origin !== new URL(c.req.url).origin)
          throw new UnderstudyError('forbidden', 'a change from the dashboard must come from its own origin (Origin header)');
      }
    }
    await next();
  };
}
