'use client';

import type { DiscoveredAction } from '@registry/contracts';
import { Zap } from 'lucide-react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { DryRunToggle } from '@/components/dry-run-toggle';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { trpc } from '@/trpc/trpc';
import { EventResultCard } from './event-result-card';
import { payloadFromFieldValues } from './forms/action-payload-form';
import {
  formatTypedFieldValue,
  type PayloadField,
  parseFieldValue,
  payloadFieldsOf,
} from './forms/payload-field';
import { PayloadFieldsForm } from './payload-fields-form';
import { RawPayloadForm } from './raw-payload-form';

type Mode = 'fields' | 'json';
const FORM_ID = 'test-fire';

/** Fires one event at the action through dispatch, exactly as an automation would. */
export function TestFirePanel({ action }: { action: DiscoveredAction }) {
  const fields = useMemo(() => payloadFieldsOf(action), [action]);
  const [mode, setMode] = useState<Mode>('fields');
  // Schema defaults start filled in; clearing one leaves the field out.
  const [values, setValues] = useState<string[]>(() =>
    fields.map((field) => formatTypedFieldValue(field, field.default)),
  );
  const [json, setJson] = useState('{}');
  const [dryRun, setDryRun] = useState(false);
  const utils = trpc.useUtils();
  const dispatch = trpc.automation.dispatch.useMutation({
    onSuccess: () => utils.executions.invalidate(),
  });

  const switchMode = (next: string) => {
    if (next === 'json') setJson(JSON.stringify(payloadFromFieldValues(fields, values), null, 2));
    else setValues(valuesOf(fields, json) ?? values);
    setMode(next as Mode);
  };
  const fire = (payload: Record<string, unknown>) =>
    dispatch.mutate({
      events: [{ action_type: action.action_type, plugin_id: action.plugin_id, payload }],
      ...(dryRun ? { dry_run: true } : {}),
    });
  const submitOnModEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      (document.getElementById(FORM_ID) as HTMLFormElement | null)?.requestSubmit();
    }
  };
  const result = dispatch.data?.results[0];

  return (
    <Card aria-labelledby="test-fire-title">
      <Tabs value={mode} onValueChange={switchMode}>
        <CardHeader>
          <CardTitle id="test-fire-title">Test-fire</CardTitle>
          <TabsList aria-label="Payload input">
            <TabsTrigger value="fields">Fields</TabsTrigger>
            <TabsTrigger value="json">JSON</TabsTrigger>
          </TabsList>
        </CardHeader>
        <CardContent className="flex flex-col gap-4" onKeyDown={submitOnModEnter}>
          <TabsContent value="fields">
            <PayloadFieldsForm
              id={FORM_ID}
              fields={fields}
              initial={values}
              onChange={setValues}
              onSubmit={fire}
            />
          </TabsContent>
          <TabsContent value="json">
            <RawPayloadForm
              id={FORM_ID}
              required={action.required_fields}
              initial={json}
              onChange={setJson}
              onSubmit={fire}
            />
          </TabsContent>
          <div className="flex items-center gap-3">
            <Button type="submit" form={FORM_ID} disabled={dispatch.isPending}>
              <PendingIcon pending={dispatch.isPending} icon={Zap} />
              {dispatch.isPending ? 'Firing…' : 'Fire action'}
            </Button>
            <span className="hidden text-muted-foreground text-xs sm:inline">
              or <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd>
            </span>
            <div className="ml-auto">
              <DryRunToggle checked={dryRun} onChange={setDryRun} />
            </div>
          </div>
          <section aria-live="polite" aria-label="Result">
            {dispatch.error && (
              <ApiErrorAlert error={dispatch.error} title="Dispatch refused the event" />
            )}
            {result && <EventResultCard result={result} />}
          </section>
        </CardContent>
      </Tabs>
    </Card>
  );
}

/** The field texts for a JSON payload, or undefined when the JSON is not an object yet. */
function valuesOf(fields: PayloadField[], json: string): string[] | undefined {
  const parsed = parseFieldValue(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const payload = parsed as Record<string, unknown>;
  return fields.map((field) => formatTypedFieldValue(field, payload[field.name]));
}
