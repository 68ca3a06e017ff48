import { z } from 'zod';

/** Control-plane roles: `read` sees everything; `operate` may also start, pause, approve, promote and roll back. */
export const accessRoles = ['read', 'operate'] as const;
export type AccessRole = (typeof accessRoles)[number];

/** A named control-plane token. The name is the actor recorded in the canary ledger. */
export interface AccessToken {
  readonly name: string;
  readonly role: AccessRole;
  readonly token: string;
}

const tokenSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-" (at most 64)'),
  role: z.enum(accessRoles),
  token: z.string().min(16, 'at least 16 characters'),
});

/**
 * `control.tokens`: a list of `{ name, role, token }`, or (from `UNDERSTUDY_TOKENS`) the text
 * `name:role:token,name:role:token`.
 */
export const accessTokensSchema = z.preprocess(
  (value) => (typeof value === 'string' ? parseTokenList(value) : value),
  z.array(tokenSchema).refine((tokens) => new Set(tokens.map((t) => t.name)).size === tokens.length, 'token names must be unique'),
);

function parseTokenList(text: string): unknown[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [name, role, ...rest] = entry.split(':');
      return { name, role, token: rest.join(':') };
    });
}
