import type { ActionDefinition } from '@registry/contracts';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { actionHref } from '@/features/actions/action-href';
import { ActionFieldList } from './action-field-list';
import { SchemaDisclosure } from './schema-disclosure';

/**
 * One registered action as its callers need it: what it does, the fields it takes and its
 * schemas. Only an active plugin's actions link to their (callable) action page.
 */
export function PluginActionCard({
  action,
  pluginId,
  active,
}: {
  action: ActionDefinition;
  pluginId: string;
  active: boolean;
}) {
  const headingId = `action-${action.action_type}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-2 rounded-lg border p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="min-w-0">
          {active ? (
            <Link
              href={actionHref({ action_type: action.action_type, plugin_id: pluginId })}
              className="rounded font-medium outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
            >
              {action.title}
            </Link>
          ) : (
            <span className="font-medium">{action.title}</span>
          )}
          <span className="block break-all font-mono text-muted-foreground text-xs">
            {action.action_type}
          </span>
        </h3>
        <div className="flex flex-wrap gap-1">
          {action.deprecated && <Badge variant="warning">deprecated</Badge>}
          <Badge variant="outline">{action.category}</Badge>
        </div>
      </div>
      {action.deprecated && <DeprecationNote action={action} />}
      {action.description && <p className="text-sm">{action.description}</p>}
      <ActionFieldList action={action} />
      {action.input_schema && (
        <SchemaDisclosure title="Input schema" schema={action.input_schema} />
      )}
      {action.output_schema && (
        <SchemaDisclosure title="Output schema" schema={action.output_schema} />
      )}
    </article>
  );
}

function DeprecationNote({ action }: { action: ActionDefinition }) {
  if (!action.replaced_by && !action.sunset) return null;
  return (
    <p className="text-amber-900 text-xs">
      {action.replaced_by && (
        <>
          Use <code className="font-mono">{action.replaced_by}</code> instead.{' '}
        </>
      )}
      {action.sunset && <>May be removed after {action.sunset}.</>}
    </p>
  );
}
