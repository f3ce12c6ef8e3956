import type { OutputMismatch } from '@registry/contracts';

/** A successful answer that breaks the action's output schema: each field and what is wrong. */
export function OutputMismatchNotice({ issues }: { issues: OutputMismatch }) {
  return (
    <div
      className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-950"
      data-testid="output-mismatch"
    >
      <p>The plugin did the work, but its answer does not fit the action's output schema:</p>
      <ul className="mt-1 list-disc pl-5">
        {issues.map((issue) => (
          <li key={issue.field}>
            <code className="font-mono text-xs">{issue.field}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
