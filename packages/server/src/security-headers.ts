import type { Random } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';
import type { ControlEnv } from './control-env.js';

/**
 * A fresh nonce per response and a strict Content-Security-Policy: nothing loads from
 * anywhere but this origin, and only the dashboard's own inline style and script (carrying
 * the nonce) run. A captured body rendered on a page is escaped text; should anything slip
 * through, the policy still refuses to run it.
 */
export function securityHeaders(random: Random): MiddlewareHandler<ControlEnv> {
  return async (c, next) => {
    const nonce = Buffer.from(random.bytes(16)).toString('base64');
    c.set('nonce', nonce);
    await next();
    c.header(
      'content-security-policy',
      [
        "default-src 'none'",
        `script-src 'nonce-${nonce}'`,
        `style-src 'nonce-${nonce}'`,
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
      ].join('; '),
    );
    c.header('x-content-type-options', 'nosniff');
    // Not `no-referrer`: under it Chromium sends `Origin: null` on form posts, which the CSRF check
    // (rightly) refuses. `same-origin` keeps the dashboard's URLs from leaking anywhere else.
    c.header('referrer-policy', 'same-origin');
    c.header('x-frame-options', 'DENY');
  };
}
