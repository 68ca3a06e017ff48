import { UnderstudyError } from '@understudy/core';
import type { Transaction } from 'kysely';
import type { RoutingWrite } from './routing-repository.js';
import type { Database } from './schema.js';

/**
 * A new canary's stable must be what its route serves as the canary is stored. The caller read the
 * route before; a promotion committed since (another controller, the API) made its candidate the
 * primary, and a canary on the version it replaced would send the route's traffic back there on
 * every step and on rollback. Read after the insert: on PostgreSQL the insert has waited for a
 * racing promotion of the route's live canary to commit (the live-route index), so this read sees it.
 */
export async function refuseStaleStable(trx: Transaction<Database>, route: string, stable: string): Promise<void> {
  const served = await trx.selectFrom('routing').select('primary_version').where('route', '=', route).executeTakeFirst();
  if (served !== undefined && served.primary_version !== stable)
    throw new UnderstudyError(
      'conflict',
      `route ${route} serves ${served.primary_version} now, not ${stable} (a promotion committed meanwhile); start the canary again`,
    );
}

/**
 * A canary change moves its route's primary only to its own candidate (a promotion). Any other
 * write (a step, a rollback, an abort) leaves the primary as the route has it: a rollback from a
 * canary whose stable the route no longer serves removes the candidate, and never sends the
 * route's traffic back to a replaced (perhaps retired) version.
 */
export async function keepPrimary(trx: Transaction<Database>, write: RoutingWrite, candidate: string): Promise<RoutingWrite> {
  if (write.primary === candidate) return write;
  const served = await trx.selectFrom('routing').select('primary_version').where('route', '=', write.route).executeTakeFirst();
  return served === undefined || served.primary_version === write.primary ? write : { ...write, primary: served.primary_version };
}
