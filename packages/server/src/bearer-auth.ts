import { createHash, timingSafeEqual } from 'node:crypto';
import { UnderstudyError } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Requires `Authorization: Bearer <token>`. Both sides are hashed before the constant-time
 * compare, so neither the token's bytes nor its length leak through timing.
 */
export function bearerAuth(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] === undefined || !timingSafeEqual(digest(match[1]), expected)) {
      c.header('www-authenticate', 'Bearer realm="understudy"');
      throw new UnderstudyError('unauthorized', 'a valid "Authorization: Bearer <admin token>" header is required');
    }
    await next();
  };
}
