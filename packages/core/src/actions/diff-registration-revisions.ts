import {
  type ActionDefinition,
  type RegistrationDiff,
  type RegistrationDiffQuery,
  ZActionDefinitionFieldsSchema,
} from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { pluginNotFound } from '../errors/plugin-not-found';
import { findRegistrationHead, findRegistrationSets } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { diffRegistrations } from './diff-registrations';

const ZStoredSetSchema = ZActionDefinitionFieldsSchema.array();

/**
 * What changed between any two revisions of a plugin's registrations, by the same rules as each
 * revision's own diff. Revision 0 is the empty set before the first registration.
 */
export async function diffRegistrationRevisions(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  slug: string,
  { from, to }: RegistrationDiffQuery,
): Promise<RegistrationDiff> {
  const head = await findRegistrationHead(sql, tenantId, slug);
  if (!head) throw pluginNotFound(slug);
  const sets = await findRegistrationSets(
    sql,
    head.id,
    [from, to].filter((revision) => revision > 0),
  );
  const setOf = (field: 'from' | 'to', revision: number): ActionDefinition[] => {
    if (revision === 0) return [];
    const stored = sets.get(revision);
    if (stored === undefined) {
      throw AppError.notFound(`${field}: plugin ${slug} has no registration revision ${revision}`);
    }
    return ZStoredSetSchema.parse(stored);
  };
  return diffRegistrations(setOf('from', from), setOf('to', to));
}
