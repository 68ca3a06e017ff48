import { createHash, timingSafeEqual } from 'node:crypto';
import { UnderstudyError } from '@understudy/core';
import type { MiddlewareHandler } from 'hono';

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether a presented token is the admin token. Both sides are hashed before the constant-time
 * compare, so neither the token's bytes nor its length leak through timing.
 */
export function tokenVerifier(token: string): (presented: string | undefined) => boolean {
  const expected = digest(token);
  return (presented) => presented !== undefined && timingSafeEqual(digest(presented), expected);
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

/** Requires `Authorization: Bearer <token>` (see {@link tokenVerifier}). */
export function bearerAuth(token: string): MiddlewareHandler {
  const verify = tokenVerifier(token);
  return async (c, next) => {
    if (!verify(bearerToken(c.req.header('authorization')))) {
      c.header('www-authenticate', 'Bearer realm="understudy"');
      throw new UnderstudyError('unauthorized', 'a valid "Authorization: Bearer <admin token>" header is required');
    }
    await next();
  };
}
