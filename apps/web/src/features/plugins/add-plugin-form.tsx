'use client';

import type { CreatedPlugin } from '@registry/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { showApiIssues } from '@/lib/show-api-issues';
import { trpc } from '@/trpc/trpc';
import { PluginFormFields } from './plugin-form-fields';
import {
  EMPTY_PLUGIN_FORM,
  PLUGIN_FORM_FIELDS,
  type PluginFormValues,
  pluginFormResolver,
  ZAddPluginFormSchema,
} from './plugin-form-schema';

/** Creates a plugin through `plugins.create`; the caller shows its key and secret once. */
export function AddPluginForm({
  onCreated,
  onCancel,
}: {
  onCreated: (plugin: CreatedPlugin) => void;
  onCancel: () => void;
}) {
  const utils = trpc.useUtils();
  const form = useForm<PluginFormValues, unknown, z.output<typeof ZAddPluginFormSchema>>({
    resolver: pluginFormResolver(ZAddPluginFormSchema),
    defaultValues: EMPTY_PLUGIN_FORM,
  });
  const create = trpc.plugins.create.useMutation({
    onSuccess: async (plugin) => {
      notifyDone(`Added ${plugin.name}`, 'Copy its API key and signing secret now.');
      onCreated(plugin);
      await utils.plugins.list.invalidate();
    },
    onError: (error) => {
      notifyFailed('Could not add the plugin', error);
      showApiIssues(error, PLUGIN_FORM_FIELDS, form.setError);
    },
  });
  const submit = form.handleSubmit((request) => create.mutate(request));
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PluginFormFields
        register={form.register}
        errors={form.formState.errors}
        idPrefix="add-plugin"
      />
      {create.error && <ApiErrorAlert error={create.error} title="Could not add the plugin" />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={create.isPending}>
          <PendingIcon pending={create.isPending} />
          Add plugin
        </Button>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
