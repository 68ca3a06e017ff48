import { type Logger, UnderstudyError } from '@understudy/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Turns any thrown value into the API's error shape `{ error: { code, message } }`. Coded
 * errors keep their status; anything unexpected is logged with its stack and answered with
 * a bare 500, so internals never reach the client.
 */
export function errorResponse(error: unknown, c: Context, logger: Logger): Response {
  if (error instanceof UnderstudyError) {
    if (error.status >= 500) logger.error({ err: error, path: c.req.path }, 'request failed');
    return c.json(error.toJSON(), error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthorized' : 'bad_request';
    return c.json({ error: { code, message: error.message || 'bad request' } }, error.status as ContentfulStatusCode);
  }
  logger.error({ err: error, path: c.req.path }, 'unexpected error in a control-plane request');
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}
