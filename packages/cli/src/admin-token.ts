import type { Config, Random } from '@understudy/core';
import { generateToken } from './secrets.js';

export interface AdminAccess {
  readonly token: string;
  /** True when no token was configured and this one was made for this run. */
  readonly generated: boolean;
  /** Where the control plane listens: loopback unless a token was configured or a host set. */
  readonly host: string;
}

/** The control plane's bearer token and bind address, from config/env or generated. */
export function adminAccess(config: Config, random: Random): AdminAccess {
  const configured = config.adminToken;
  const token = configured ?? generateToken(random);
  // A token made up on the spot is printed to one terminal; nobody else can know it, so there
  // is no reason to expose the control plane beyond this machine.
  const host = config.control.host ?? (configured === undefined ? '127.0.0.1' : '0.0.0.0');
  return { token, generated: configured === undefined, host };
}
