import type { ActionFieldChange } from '@registry/contracts';

/** Each field of an action that changed, with its value before and after. */
export function FieldChangeList({ changes }: { changes: ActionFieldChange[] }) {
  return (
    <ul className="ml-4 flex flex-col gap-1 border-l pl-3">
      {changes.map((change) => (
        <li key={change.path} className="min-w-0 text-xs">
          <code className="break-all font-mono">{change.path}</code>{' '}
          <span className="text-muted-foreground">{change.change}</span>
          {change.change !== 'added' && <Value label="before" value={change.before} />}
          {change.change !== 'removed' && <Value label="after" value={change.after} />}
        </li>
      ))}
    </ul>
  );
}

function Value({ label, value }: { label: 'before' | 'after'; value: unknown }) {
  const tone = label === 'before' ? 'bg-red-50 text-red-900' : 'bg-emerald-50 text-emerald-900';
  return (
    <span className="mt-0.5 flex min-w-0 items-baseline gap-1.5">
      <span className="w-10 shrink-0 text-muted-foreground">{label}</span>
      <code className={`min-w-0 break-words rounded px-1 font-mono ${tone}`}>
        {oneLineJson(value)}
      </code>
    </span>
  );
}

/** JSON on one line, with a space after each `,` and `:`, so long values wrap between items. */
function oneLineJson(value: unknown): string {
  return JSON.stringify(value ?? null, null, 1).replace(/\n\s*/g, ' ');
}
