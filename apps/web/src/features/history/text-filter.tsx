'use client';

import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { useDebouncedCommit } from '@/lib/use-debounced-commit';

/** A labelled text filter that commits once typing pauses; `suggestions` feed a datalist. */
export function TextFilter({
  id,
  label,
  value,
  onChange,
  suggestions,
  placeholder,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  suggestions?: string[];
  placeholder?: string;
}) {
  const [text, setText] = useDebouncedCommit(value, onChange);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        list={suggestions ? `${id}-options` : undefined}
        placeholder={placeholder}
        className="font-mono text-[13px]"
      />
      {suggestions && (
        <datalist id={`${id}-options`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
    </div>
  );
}
