import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ControlEnv } from '../control-env.js';
import { LoginPage } from '../dashboard/login-page.js';
import { safeErrorMessage } from '../safe-error-message.js';
import { sessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';
import type { TokenVerifier } from './token-verifier.js';

/**
 * Only a path of this dashboard: `/x`, never `//host` or `/\host` (an open redirect), and none
 * holding what reads as a secret (`redact`, see `safeErrorMessage`): the sign-in form repeats it in a
 * hidden field and the redirect to the form in its `Location`, both stored bytes for a proxy in
 * front of us. No page of ours has such a path; it is dropped for `/`.
 */
export function safeNext(next: unknown, redact: (text: string) => string = (t) => t): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && safeErrorMessage(next, redact) === next ? next : '/';
}

/**
 * `GET /login` (the form) and `POST /login` (token in a form field → an HttpOnly,
 * SameSite=Strict session cookie, then back to `next`). Open routes: they reveal nothing.
 */
export function loginRoutes(deps: {
  verify: TokenVerifier;
  sessions: SessionStore;
  sessionTtlMs: number;
  redact?: (text: string) => string;
}): Hono<ControlEnv> {
  const routes = new Hono<ControlEnv>();
  routes.get('/login', (c) => c.html(<LoginPage nonce={c.get('nonce')} next={safeNext(c.req.query('next'), deps.redact)} />));
  routes.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const next = safeNext(form.next, deps.redact);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    const identity = token === '' ? undefined : deps.verify(token);
    if (identity === undefined)
      return c.html(<LoginPage nonce={c.get('nonce')} next={next} error="That token is not known to this control plane." />, 401);
    const previous = getCookie(c, sessionCookie);
    if (previous !== undefined) deps.sessions.delete(previous);
    setCookie(c, sessionCookie, deps.sessions.create(identity), {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: Math.floor(deps.sessionTtlMs / 1000),
    });
    return c.redirect(next, 303);
  });
  return routes;
}

/** `POST /logout`: ends the browser's session (any role may; from the dashboard's own origin). */
export function logoutRoute(sessions: SessionStore): Hono<ControlEnv> {
  const routes = new Hono<ControlEnv>();
  routes.post('/logout', (c) => {
    const session = getCookie(c, sessionCookie);
    if (session !== undefined && c.req.header('origin') === new URL(c.req.url).origin) sessions.delete(session);
    deleteCookie(c, sessionCookie, { path: '/' });
    return c.redirect('/login', 303);
  });
  return routes;
}
