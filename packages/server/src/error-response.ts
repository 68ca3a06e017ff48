import { type Logger, UnderstudyError } from '@understudy/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { safeErrorMessage } from './safe-error-message.js';

/**
 * Turns any thrown value into the API's error shape `{ error: { code, message } }`. Coded
 * errors keep their status, their message cleared of what reads as a secret (`redact`, see
 * `safeErrorMessage`); anything unexpected is logged with its stack and answered with
 * a bare 500, so internals never reach the client.
 */
export function errorResponse(error: unknown, c: Context, logger: Logger, redact: (text: string) => string = (t) => t): Response {
  // What a message repeats of the request (an id, a path) goes through `safeErrorMessage`, in the
  // answer and in the log line alike.
  const path = safeErrorMessage(c.req.path, redact);
  if (error instanceof UnderstudyError) {
    if (error.status >= 500) logger.error({ err: error, path }, 'request failed');
    return c.json({ error: { code: error.code, message: safeErrorMessage(error.message, redact) } }, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthorized' : 'bad_request';
    return c.json(
      { error: { code, message: safeErrorMessage(error.message || 'bad request', redact) } },
      error.status as ContentfulStatusCode,
    );
  }
  logger.error({ err: error, path }, 'unexpected error in a control-plane request');
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}
