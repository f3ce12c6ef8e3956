import type { ActionDefinition } from '@registry/contracts';
import { EmptyState } from '@/components/empty-state';
import { TitledSection } from '@/components/titled-section';
import { PluginActionCard } from './plugin-action-card';

const NOT_CALLABLE_BECAUSE: Record<string, string> = {
  pending_verification: 'Waiting for the endpoint ownership proof',
  disabled: 'Disabled',
};

/** The plugin's registered actions, each with its fields and schemas. */
export function PluginActionsSection({
  actions,
  pluginId,
  status,
}: {
  actions: ActionDefinition[];
  pluginId: string;
  status: string;
}) {
  const active = status === 'active';
  return (
    <TitledSection id="registered-actions" title={`Registered actions (${actions.length})`}>
      {!active && (
        <p className="text-muted-foreground text-sm">
          {NOT_CALLABLE_BECAUSE[status] ?? 'Inactive'}: these actions are hidden from the catalog
          and cannot be dispatched.
        </p>
      )}
      {actions.length === 0 ? (
        <EmptyState title="No actions registered">
          The plugin has not registered any actions yet.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-3">
          {actions.map((action) => (
            <PluginActionCard
              key={action.action_type}
              action={action}
              pluginId={pluginId}
              active={active}
            />
          ))}
        </div>
      )}
    </TitledSection>
  );
}
