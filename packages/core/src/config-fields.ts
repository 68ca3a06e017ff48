import { z } from 'zod';
import { compileJsonPath } from './json-path.js';
import { upstreamUrlProblem } from './upstream-url.js';

// Field types more than one section of the config uses.

/** A JSON path in the one dialect (`compileJsonPath`): checked when the config loads. */
export const jsonPath = z.string().refine(
  (p) => {
    try {
      compileJsonPath(p);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected a JSON path such as $.user.email, $.items[*].id or $..token' },
);

export const port = z.number().int().min(0).max(65535);
export const ms = z.number().int().positive();
export const httpUrl = z.url({ protocol: /^https?$/ });
/** A version's upstream base URL: an http(s) URL without credentials, query or fragment ({@link upstreamUrlProblem}). */
export const upstreamUrl = z.string().superRefine((value, ctx) => {
  const problem = upstreamUrlProblem(value);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

export const timeoutsSchema = z.strictObject({
  connectMs: ms.default(5_000),
  headersMs: ms.default(60_000),
  bodyMs: ms.default(300_000),
});
