import type { RegisterActionsRequest, RegisterActionsResponse } from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { pluginNotFound } from '../errors/plugin-not-found';
import { readRegisteredActions } from '../plugins/registered-actions';
import { findRegistrationHead, storeRegistration } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { recordActionTypeProviders } from '../routing/action-type-providers';
import { actionSetChanges } from './action-set-changes';
import { breakingRuleOf, enforceBreakingPolicy } from './breaking-policy';
import { diffRegistrations } from './diff-registrations';
import { exampleProblems } from './example-problems';
import { refuseUncompilableSchemas } from './uncompilable-schemas';

/**
 * Replaces a plugin's registered actions with a validated set, atomically, and stores it as the
 * plugin's next revision with what it changed. A set that breaks callers the policy protects
 * is refused (409) and changes nothing, unless the request says `allow_breaking`; the plugin's
 * own `breaking_policy`, or else the server's, says which callers it protects. The set is
 * compared with the current one, then written only if that is still current (one statement, no
 * connection held across round trips); a registration that lost the race compares again with the set that won. A rejected
 * request never reaches here. Then the plugin's action types are recorded as provided by it
 * (the first registration of a type decides which plugin receives its events sent without
 * plugin_id); should that fail, the request fails and the plugin registers again.
 */
export async function registerActions(
  { sql, logger, registration }: Pick<RegistryDeps, 'sql' | 'logger' | 'registration'>,
  tenantId: string,
  slug: string,
  request: RegisterActionsRequest,
  credential = 'unknown',
): Promise<RegisterActionsResponse> {
  refuseUncompilableSchemas(request);
  const unfitExamples = exampleProblems(request);
  if (unfitExamples.length > 0) throw AppError.validation(unfitExamples);
  const registeredAt = new Date().toISOString();
  const stored = JSON.stringify({ actions: request.actions, registered_at: registeredAt });
  for (;;) {
    const head = await findRegistrationHead(sql, tenantId, slug);
    if (!head) throw pluginNotFound(slug);
    const previous = readRegisteredActions(head.registered_actions).actions;
    const diff = diffRegistrations(previous, request.actions);
    const breaking = diff.breaking_changes;
    if (!request.allow_breaking) {
      const target = { tenantId, pluginId: head.id, slug };
      const { rule } = breakingRuleOf({ registration }, head);
      await enforceBreakingPolicy({ sql }, target, breaking, rule);
    }
    const written = await storeRegistration(sql, {
      pluginId: head.id,
      replaces: head.revision,
      stored,
      registeredAt,
      credential,
      actions: JSON.stringify(request.actions),
      diff: JSON.stringify(diff),
      breaking: breaking.length > 0,
    });
    if (!written) continue;
    await recordActionTypeProviders(sql, head.id);
    const changes = actionSetChanges(diff, request.actions);
    const count = request.actions.length;
    logger.info({ tenantId, plugin: slug, count, changes }, 'registered plugin actions');
    return {
      success: true,
      message: `Registered ${count} action${count === 1 ? '' : 's'} for plugin: ${slug}`,
      plugin: { id: head.id, slug, name: head.name },
      actions_count: count,
      actions: request.actions,
      changes,
      registered_at: registeredAt,
      revision: head.revision + 1,
      breaking_changes: breaking,
    };
  }
}
