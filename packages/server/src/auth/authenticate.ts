import { UnderstudyError } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { bearerToken } from '../bearer-token.js';
import type { ControlEnv } from '../control-env.js';
import { wantsPage } from '../wants-page.js';
import { safeNext } from './login-routes.js';
import { sessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';
import type { Identity, TokenVerifier } from './token-verifier.js';

/**
 * Requires a known token: `Authorization: Bearer <token>`, or the session cookie a browser got
 * by signing in at `/login`. Sets `actor` (the token's name), `role` and `via` for the routes.
 * A browser asking for a dashboard page without either is sent to `/login`; everything else
 * gets a 401 in the API's error shape. The presented token is never logged nor echoed.
 */
export function authenticate(deps: {
  verify: TokenVerifier;
  sessions: SessionStore;
  redact?: (text: string) => string;
}): MiddlewareHandler<ControlEnv> {
  return async (c, next) => {
    let identity: Identity | undefined;
    let via: 'bearer' | 'session' = 'bearer';
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const token = bearerToken(header);
      identity = token === undefined ? undefined : deps.verify(token);
    } else {
      const session = getCookie(c, sessionCookie);
      identity = session === undefined ? undefined : deps.sessions.get(session);
      via = 'session';
    }
    if (identity === undefined) {
      if (wantsPage(c.req.method, c.req.path, c.req.header('accept'))) {
        return c.redirect(`/login?next=${encodeURIComponent(safeNext(c.req.path + new URL(c.req.url).search, deps.redact))}`, 302);
      }
      c.header('www-authenticate', 'Bearer realm="understudy"');
      throw new UnderstudyError('unauthorized', 'a valid "Authorization: Bearer <token>" header (or a session from /login) is required');
    }
    c.set('actor', identity.name);
    c.set('role', identity.role);
    c.set('via', via);
    await next();
    return undefined;
  };
}
