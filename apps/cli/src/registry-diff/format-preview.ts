import {
  type ActionFieldChange,
  breakingChangeLines,
  type RegistrationPreview,
} from '@registry/contracts';

/** Longest value printed beside a changed field; longer ones (schemas) show as `…`. */
const SHOWN_VALUE_LENGTH = 40;

/**
 * A preview as a person reads it: the actions added, removed and changed (each changed field
 * by path), then every breaking change under its action with that action's use, then the
 * verdict and the rule that gave it.
 */
export function formatPreview(preview: RegistrationPreview): string {
  const { diff, breaking_policy: policy } = preview;
  const source = policy.source === 'plugin' ? "the plugin's own" : "the server's default";
  const against = preview.revision === 0 ? 'its registered set' : `revision ${preview.revision}`;
  const lines = [
    `Plugin ${preview.plugin_slug}: this registration compared with ${against} (breaking policy ${policy.rule}, ${source})`,
  ];
  for (const type of diff.added) lines.push(`  + ${type}  (added)`);
  for (const type of diff.removed) lines.push(`  - ${type}  (removed)`);
  for (const action of diff.changed) {
    lines.push(`  ~ ${action.action_type}`);
    for (const change of action.changes) lines.push(`      ${fieldChange(change)}`);
  }
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    lines.push('  No changes.');
  }
  const breaking = preview.breaking_changes;
  if (breaking.length > 0) {
    lines.push(`Breaking changes (${breaking.length}):`);
    lines.push(...breakingChangeLines(breaking, preview.affected).map((line) => `  ${line}`));
  }
  lines.push(
    preview.would_accept
      ? '✓ Registering it would be accepted.'
      : `✗ Registering it would be refused (409): it breaks callers of ${preview.refused_for.join(', ')}. ` +
          'Keep those actions compatible, or register with "allow_breaking": true.',
  );
  return lines.join('\n');
}

function fieldChange({ path, change, before, after }: ActionFieldChange): string {
  const what = change === 'changed' ? `changed (${shown(before)} → ${shown(after)})` : change;
  return `${path || '(action)'}: ${what}`;
}

function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? 'nothing';
  return json.length > SHOWN_VALUE_LENGTH ? '…' : json;
}
