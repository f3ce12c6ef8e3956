import type { Execution } from '@registry/contracts';
import { inTransaction } from '@registry/db';
import { AppError } from '../errors/app-error';
import { pluginNotFound } from '../errors/plugin-not-found';
import { findPluginId } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { getExecution } from './execution-queries';
import { requeueFailures } from './store';

type Deps = Pick<RegistryDeps, 'db' | 'sql' | 'queue' | 'notifications'>;

/**
 * Delivers a failed or dead event again, from a fresh retry schedule, with its `webhook-id`.
 * Refused (409) for an event that is not over or that succeeded.
 */
export async function redeliverExecution(
  deps: Deps,
  tenantId: string,
  id: string,
): Promise<Execution> {
  const current = await getExecution(deps, tenantId, id);
  const requeued = await requeue(deps, tenantId, { ids: [id] });
  if (requeued === 0) {
    throw AppError.conflict(
      current.dry_run
        ? `Execution ${id} is a dry run: dispatch the event for real instead`
        : `Execution ${id} is ${current.status}: only failed or dead events can be redelivered`,
    );
  }
  return getExecution(deps, tenantId, id);
}

/** Most events one recovery puts back on the queue; call again for more. */
export const RECOVER_LIMIT = 10_000;

/**
 * Delivers again a plugin's dead events, and those its plugin failed (a call was made), whose
 * failure came at or after `since`. Events refused before any call (a caller's bad payload)
 * are left alone: sending them again would fail the same way.
 */
export async function recoverPluginEvents(
  deps: Deps,
  tenantId: string,
  slug: string,
  since: Date,
): Promise<{ plugin_slug: string; recovered: number; limit: number }> {
  const pluginId = await findPluginId(deps.db, tenantId, slug);
  if (!pluginId) throw pluginNotFound(slug);
  const recovered = await requeue(deps, tenantId, {
    pluginId,
    since,
    limit: RECOVER_LIMIT,
  });
  return { plugin_slug: slug, recovered, limit: RECOVER_LIMIT };
}

async function requeue(
  deps: Deps,
  tenantId: string,
  where: Parameters<typeof requeueFailures>[2],
): Promise<number> {
  await deps.queue.prepare();
  const rows = await inTransaction(deps.sql, async (tx) => {
    const requeued = await requeueFailures(tx, tenantId, where);
    await deps.queue.enqueue(
      tx,
      requeued.map((row) => ({
        id: row.job_id,
        executionId: row.id,
        pluginId: row.plugin_id,
        maxInFlight: row.max_in_flight ?? undefined,
      })),
    );
    if (requeued.length > 0) await deps.notifications.notify(tx);
    return requeued;
  });
  await deps.queue.forgetDeadLetters(rows.filter((row) => row.was === 'dead').map((row) => row.id));
  return rows.length;
}
