import type { RegisterActionsRequest, RegistrationPreview } from '@registry/contracts';
import { pluginNotFound } from '../errors/plugin-not-found';
import { readRegisteredActions } from '../plugins/registered-actions';
import { findRegistrationHead } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { breakingRuleOf, judgeBreakingChanges } from './breaking-policy';
import { diffRegistrations } from './diff-registrations';
import { refuseUncompilableSchemas } from './uncompilable-schemas';

/**
 * What registering `request` would do now, judged by the code registration runs (the same
 * schema checks, diff, classification and rule), storing nothing: whether it would be
 * accepted, what it would break and for whom. A body registration would refuse as invalid is
 * refused here the same way (400).
 */
export async function previewRegistration(
  { sql, registration }: Pick<RegistryDeps, 'sql' | 'registration'>,
  tenantId: string,
  slug: string,
  request: RegisterActionsRequest,
): Promise<RegistrationPreview> {
  refuseUncompilableSchemas(request);
  const head = await findRegistrationHead(sql, tenantId, slug);
  if (!head) throw pluginNotFound(slug);
  const previous = readRegisteredActions(head.registered_actions).actions;
  const diff = diffRegistrations(previous, request.actions);
  const rule = breakingRuleOf({ registration }, head);
  const target = { tenantId, pluginId: head.id };
  const verdict = await judgeBreakingChanges({ sql }, target, diff.breaking_changes, rule.rule);
  const refused = request.allow_breaking ? [] : verdict.refused;
  return {
    plugin_slug: slug,
    revision: head.revision,
    would_accept: refused.length === 0,
    breaking_policy: rule,
    breaking_changes: diff.breaking_changes,
    affected: verdict.affected,
    refused_for: refused.map((action) => action.action_type),
    diff,
  };
}
