import type { AccessToken, Config, Random } from '@understudy/core';
import { generateToken } from './secrets.js';

export interface AdminAccess {
  /** The `admin` (operate) token: configured, or generated when no token at all is configured. */
  readonly token: string | undefined;
  /** The named tokens of `control.tokens` / `UNDERSTUDY_TOKENS`. */
  readonly tokens: readonly AccessToken[];
  /** True when no token was configured and the admin one was made for this run. */
  readonly generated: boolean;
  /** Where the control plane listens: loopback unless a token was configured or a host set. */
  readonly host: string;
}

/** The control plane's tokens and bind address, from config/env, or an admin token generated for this run. */
export function adminAccess(config: Config, random: Random): AdminAccess {
  const tokens = config.control.tokens;
  const configured = config.adminToken !== undefined || tokens.length > 0;
  const token = config.adminToken ?? (configured ? undefined : generateToken(random));
  // A token made up on the spot is printed to one terminal; nobody else can know it, so there
  // is no reason to expose the control plane beyond this machine.
  const host = config.control.host ?? (configured ? '0.0.0.0' : '127.0.0.1');
  return { token, tokens, generated: !configured, host };
}
