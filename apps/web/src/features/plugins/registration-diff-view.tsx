import type { BreakingChange, RegistrationDiff } from '@registry/contracts';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { FieldChangeList } from './field-change-list';

/** What changed between two revisions: actions added, removed and changed, breaking ones marked. */
export function RegistrationDiffView({ diff }: { diff: RegistrationDiff }) {
  const breakingOf = (actionType: string) =>
    diff.breaking_changes.filter((change) => change.action_type === actionType);
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    return (
      <EmptyState title="No differences">Both revisions register the same actions.</EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="registration-diff">
      {diff.added.length > 0 && (
        <DiffGroup title="Added actions">
          {diff.added.map((actionType) => (
            <li key={actionType}>
              <ActionName actionType={actionType} sign="+" />
            </li>
          ))}
        </DiffGroup>
      )}
      {diff.removed.length > 0 && (
        <DiffGroup title="Removed actions">
          {diff.removed.map((actionType) => (
            <li key={actionType}>
              <ActionName actionType={actionType} sign="−" />
              <BreakingReasons changes={breakingOf(actionType)} />
            </li>
          ))}
        </DiffGroup>
      )}
      {diff.changed.length > 0 && (
        <DiffGroup title="Changed actions">
          {diff.changed.map(({ action_type, changes }) => (
            <li key={action_type} className="flex flex-col gap-1">
              <ActionName actionType={action_type} sign="~" />
              <BreakingReasons changes={breakingOf(action_type)} />
              <FieldChangeList changes={changes} />
            </li>
          ))}
        </DiffGroup>
      )}
    </div>
  );
}

function DiffGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-1.5">
      <h3 className="font-medium text-muted-foreground text-xs uppercase tracking-wide">{title}</h3>
      <ul className="flex flex-col gap-2">{children}</ul>
    </section>
  );
}

function ActionName({ actionType, sign }: { actionType: string; sign: string }) {
  return (
    <code className="break-all font-medium font-mono text-[13px]">
      <span aria-hidden className="mr-1 inline-block w-3 text-muted-foreground">
        {sign}
      </span>
      {actionType}
    </code>
  );
}

/** Why callers of the action may break: each reason the registry found. */
function BreakingReasons({ changes }: { changes: BreakingChange[] }) {
  if (changes.length === 0) return null;
  return (
    <ul className="ml-4 flex flex-col gap-1">
      {changes.map((change) => (
        <li key={`${change.change}:${change.path}`} className="break-words text-red-800 text-xs">
          <Badge variant="destructive" className="mr-1.5">
            breaking
          </Badge>
          {change.detail}
        </li>
      ))}
    </ul>
  );
}
