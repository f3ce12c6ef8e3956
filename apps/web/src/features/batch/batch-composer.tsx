'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { DiscoveredAction, DispatchRequest } from '@registry/contracts';
import { Play, Plus, Trash2 } from 'lucide-react';
import { useMemo } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { DryRunToggle } from '@/components/dry-run-toggle';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Textarea } from '@/components/ui/textarea';
import { ActionPicker } from './action-picker';
import {
  type BatchFormValues,
  batchFormSchema,
  catalogKey,
  payloadTemplate,
} from './batch-form-schema';

const EMPTY_EVENT = { action_type: '', payload: '{}' };

/** Composes events from the catalog; runs them as one dispatch request. */
export function BatchComposer({
  actions,
  running,
  dryRun,
  onDryRunChange,
  onRun,
}: {
  actions: DiscoveredAction[];
  running: boolean;
  dryRun: boolean;
  onDryRunChange: (dryRun: boolean) => void;
  onRun: (request: DispatchRequest) => void;
}) {
  const catalog = useMemo(() => new Map(actions.map((a) => [catalogKey(a), a])), [actions]);
  const schema = useMemo(() => batchFormSchema(catalog), [catalog]);
  const form = useForm<BatchFormValues, unknown, DispatchRequest>({
    resolver: zodResolver(schema),
    defaultValues: { flow_execution_id: '', events: [EMPTY_EVENT, EMPTY_EVENT] },
  });
  const events = useFieldArray({ control: form.control, name: 'events' });
  const errors = form.formState.errors;
  return (
    <form noValidate onSubmit={form.handleSubmit(onRun)} className="flex flex-col gap-4">
      <ol className="flex flex-col gap-3">
        {events.fields.map((field, index) => {
          const error = errors.events?.[index];
          return (
            <li
              key={field.id}
              className="grid gap-2 rounded-lg border p-3 sm:grid-cols-[16rem_minmax(0,1fr)_auto]"
            >
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`event-${index}-action`}>Event {index + 1} action</Label>
                <Controller
                  control={form.control}
                  name={`events.${index}.action_type`}
                  render={({ field: picker }) => (
                    <ActionPicker
                      id={`event-${index}-action`}
                      actions={actions}
                      value={picker.value}
                      invalid={Boolean(error?.action_type)}
                      onChange={(key) => {
                        picker.onChange(key);
                        const payload = form.getValues(`events.${index}.payload`).trim();
                        const action = catalog.get(key);
                        if (action && (payload === '' || payload === '{}')) {
                          form.setValue(`events.${index}.payload`, payloadTemplate(action));
                        }
                      }}
                    />
                  )}
                />
                {error?.action_type && (
                  <p className="text-destructive text-xs">
                    events[{index}].action_type: {error.action_type.message}
                  </p>
                )}
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor={`event-${index}-payload`}>Payload</Label>
                <Textarea
                  id={`event-${index}-payload`}
                  rows={3}
                  className="min-h-16"
                  aria-invalid={error?.payload ? true : undefined}
                  {...form.register(`events.${index}.payload`)}
                />
                {error?.payload && (
                  <p className="text-destructive text-xs">
                    events[{index}].payload: {error.payload.message}
                  </p>
                )}
              </div>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                className="self-end"
                aria-label={`Remove event ${index + 1}`}
                disabled={events.fields.length === 1}
                onClick={() => events.remove(index)}
              >
                <Trash2 aria-hidden />
              </Button>
            </li>
          );
        })}
      </ol>
      {errors.events?.root && (
        <p className="text-destructive text-xs">events: {errors.events.root.message}</p>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Button type="button" variant="outline" onClick={() => events.append(EMPTY_EVENT)}>
          <Plus aria-hidden />
          Add event
        </Button>
        <div className="flex min-w-56 flex-1 flex-col gap-1.5">
          <Label htmlFor="flow-execution-id">Flow execution id (optional)</Label>
          <Input
            id="flow-execution-id"
            placeholder="generated when blank"
            aria-invalid={errors.flow_execution_id ? true : undefined}
            {...form.register('flow_execution_id')}
          />
          {errors.flow_execution_id && (
            <p className="text-destructive text-xs">
              flow_execution_id: {errors.flow_execution_id.message}
            </p>
          )}
        </div>
        <DryRunToggle checked={dryRun} onChange={onDryRunChange} />
        <Button type="submit" disabled={running}>
          <PendingIcon pending={running} icon={Play} />
          Run batch
        </Button>
      </div>
    </form>
  );
}
