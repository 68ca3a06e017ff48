import type { Context } from 'hono';
import type { ControlEnv } from '../control-env.js';
import type { LayoutProps } from './layout.js';

/** The per-request parts of every page: the CSP nonce and who is signed in. */
export function frameOf(c: Context<ControlEnv>): Pick<LayoutProps, 'nonce' | 'who'> {
  return { nonce: c.get('nonce'), who: { actor: c.get('actor'), role: c.get('role') } };
}
