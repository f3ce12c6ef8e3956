'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { rawPayloadFormSchema } from './forms/action-payload-form';

interface RawPayloadFormProps {
  id: string;
  required: string[];
  initial: string;
  onChange: (json: string) => void;
  onSubmit: (payload: Record<string, unknown>) => void;
}

/** The whole payload as one JSON object, for shapes the field form cannot express. */
export function RawPayloadForm({ id, required, initial, onChange, onSubmit }: RawPayloadFormProps) {
  const schema = useMemo(() => rawPayloadFormSchema(required), [required]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { json: initial } });
  const error = form.formState.errors.json?.message;
  return (
    <form
      id={id}
      noValidate
      onSubmit={form.handleSubmit(({ json }) => onSubmit(json))}
      className="flex flex-col gap-1.5"
    >
      <Label htmlFor={`${id}-json`}>Payload (JSON object)</Label>
      <Textarea
        id={`${id}-json`}
        rows={10}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-json-error` : undefined}
        {...form.register('json', { onChange: (event) => onChange(event.target.value) })}
      />
      {error && (
        <p id={`${id}-json-error`} className="text-destructive text-xs">
          Payload {error}
        </p>
      )}
    </form>
  );
}
