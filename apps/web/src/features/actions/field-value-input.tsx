'use client';

import type { ComponentProps } from 'react';
import { Input } from '@/components/ui/input';
import { NativeSelect } from '@/components/ui/native-select';
import { type PayloadField, parseFieldValue } from './forms/payload-field';

/** What a typed value will be sent as, so `0` vs `"0"` is never a surprise. */
export function jsonTypeOf(text: string): string {
  const value = parseFieldValue(text);
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

type FieldValueInputProps = ComponentProps<'input'> & { value: string; typeLabel?: string };

export function FieldValueInput({ value, typeLabel, ...props }: FieldValueInputProps) {
  return (
    <div className="relative">
      <Input value={value} className="pr-16 font-mono text-[13px]" {...props} />
      <span
        className="pointer-events-none absolute top-2.5 right-2.5 text-muted-foreground text-xs"
        data-testid="value-type"
      >
        {typeLabel ?? jsonTypeOf(value)}
      </span>
    </div>
  );
}

type InputProps = Omit<ComponentProps<'input'>, 'value'>;
type SelectProps = Omit<ComponentProps<'select'>, 'value'>;
type TypedFieldInputProps = Omit<InputProps & SelectProps, 'value'> & {
  field: PayloadField;
  value: string;
};

/**
 * The control for one payload field: typed by the action's input schema (text, number,
 * true/false, a list of choices), else JSON-typed text.
 */
export function TypedFieldInput({ field, value, placeholder, ...props }: TypedFieldInputProps) {
  const unset = field.required ? 'Choose…' : 'Not set';
  switch (field.kind) {
    case 'number':
    case 'integer':
      return (
        <Input
          type="number"
          step={field.kind === 'integer' ? 1 : 'any'}
          value={value}
          placeholder={placeholder}
          className="font-mono text-[13px]"
          {...(props as InputProps)}
        />
      );
    case 'boolean':
    case 'choice': {
      const options = field.kind === 'boolean' ? [true, false] : (field.choices ?? []);
      return (
        <NativeSelect value={value} {...(props as SelectProps)}>
          <option value="">{unset}</option>
          {options.map((option) => {
            const text = field.kind === 'boolean' ? String(option) : JSON.stringify(option);
            return (
              <option key={text} value={text}>
                {typeof option === 'string' ? option : JSON.stringify(option)}
              </option>
            );
          })}
        </NativeSelect>
      );
    }
    case 'string':
      return (
        <FieldValueInput
          value={value}
          typeLabel="string"
          placeholder={field.required ? 'text' : 'leave blank to omit'}
          {...(props as InputProps)}
        />
      );
    default:
      return <FieldValueInput value={value} placeholder={placeholder} {...(props as InputProps)} />;
  }
}
