import type { AccessRole } from '@understudy/core';

/** Who signed the request, as routes read it (`c.get('actor')`); set by {@link authenticate}. */
export interface ControlVariables {
  /** The token's name: the actor recorded in the canary ledger. Never the token itself. */
  actor: string;
  role: AccessRole;
  /** How the request proved it: a bearer header, or the session cookie a browser got at `/login`. */
  via: 'bearer' | 'session';
  /** This response's Content-Security-Policy nonce, for the dashboard's inline style and script. */
  nonce: string;
}

/** The hono environment of every control-plane router. */
export interface ControlEnv {
  Variables: ControlVariables;
}
