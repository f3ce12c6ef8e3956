'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Badge } from '@/components/ui/badge';
import { Label } from '@/components/ui/label';
import { TypedFieldInput } from './field-value-input';
import { payloadFieldsFormSchema } from './forms/action-payload-form';
import type { PayloadField } from './forms/payload-field';

interface PayloadFieldsFormProps {
  id: string;
  fields: PayloadField[];
  initial: string[];
  onChange: (values: string[]) => void;
  onSubmit: (payload: Record<string, unknown>) => void;
}

/**
 * One input per declared field, typed by the action's input schema when it has one; required
 * ones are marked and checked before anything is sent.
 */
export function PayloadFieldsForm({
  id,
  fields,
  initial,
  onChange,
  onSubmit,
}: PayloadFieldsFormProps) {
  const schema = useMemo(() => payloadFieldsFormSchema(fields), [fields]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { values: initial } });
  const values = form.watch('values');
  if (fields.length === 0) {
    return (
      <form id={id} onSubmit={form.handleSubmit(onSubmit)}>
        <p className="text-muted-foreground">
          This action declares no fields. Use JSON mode to send a payload anyway.
        </p>
      </form>
    );
  }
  return (
    <form id={id} noValidate onSubmit={form.handleSubmit(onSubmit)} className="flex flex-col gap-3">
      {fields.map((field, index) => {
        const error = form.formState.errors.values?.[index]?.message;
        const inputId = `${id}-${index}`;
        const describedBy = [
          field.description && `${inputId}-hint`,
          error && `${inputId}-error`,
        ].filter(Boolean);
        return (
          <div key={field.name} className="flex flex-col gap-1.5">
            <Label htmlFor={inputId}>
              <span className="font-mono">{field.name}</span>
              {field.required ? (
                <Badge variant="warning">required</Badge>
              ) : (
                <span className="font-normal text-muted-foreground text-xs">optional</span>
              )}
            </Label>
            <TypedFieldInput
              id={inputId}
              field={field}
              value={values[index] ?? ''}
              aria-required={field.required}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
              placeholder={field.required ? 'JSON or text' : 'leave blank to omit'}
              {...form.register(`values.${index}`, {
                onChange: () => onChange(form.getValues('values')),
              })}
            />
            {field.description && (
              <p id={`${inputId}-hint`} className="text-muted-foreground text-xs">
                {field.description}
              </p>
            )}
            {error && (
              <p id={`${inputId}-error`} className="text-destructive text-xs">
                {field.name} {error}
              </p>
            )}
          </div>
        );
      })}
    </form>
  );
}
