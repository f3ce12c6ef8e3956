import { EventFailure } from '../errors/event-failure';
import type { PlatformAction } from '../platform/platform-action';
import { runPlatformAction } from '../platform/run-platform-action';
import type { RegistryDeps } from '../registry-deps';

/** Carries the action's answer out of the transaction it rolls back. */
class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('dry run: rolled back');
  }
}

/**
 * Runs a platform action for real inside a transaction, then rolls it back: the answer is what
 * the action would have returned (the product it would create, with the id it would get), and
 * no table changes. Its failures (a payload it refuses, a missing record) throw as in a real run.
 */
export async function dryRunPlatformAction(
  deps: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  action: PlatformAction,
  payload: Record<string, unknown>,
): Promise<unknown> {
  try {
    await deps.db.$transaction(async (db) => {
      throw new RolledBack(await runPlatformAction(action, { db, tenantId }, payload));
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
  throw new EventFailure('INTERNAL_ERROR', 'The dry run was not rolled back');
}
