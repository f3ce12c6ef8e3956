import type { ActionDefinition } from '@registry/contracts';
import { fieldSummary } from './field-summary';

/** An action's required and optional fields, each with its type and constraints. */
export function ActionFieldList({ action }: { action: ActionDefinition }) {
  const properties = action.input_schema?.properties ?? {};
  const fields = [
    ...action.required_fields.map((name) => ({ name, required: true })),
    ...action.optional_fields.map((name) => ({ name, required: false })),
  ];
  if (fields.length === 0) {
    return <p className="text-muted-foreground text-sm">Takes no fields.</p>;
  }
  return (
    <ul aria-label={`Fields of ${action.title}`} className="flex flex-col gap-1 text-sm">
      {fields.map(({ name, required }) => (
        <li key={name} className="flex flex-wrap items-baseline gap-x-2">
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{name}</code>
          <span className={required ? 'font-medium text-xs' : 'text-muted-foreground text-xs'}>
            {required ? 'required' : 'optional'}
          </span>
          <span className="min-w-0 break-words text-muted-foreground text-xs">
            {fieldSummary(Object.hasOwn(properties, name) ? properties[name] : undefined)}
          </span>
        </li>
      ))}
    </ul>
  );
}
