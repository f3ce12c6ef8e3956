'use client';

import type { Plugin } from '@registry/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { showApiIssues } from '@/lib/show-api-issues';
import { trpc } from '@/trpc/trpc';
import { PluginFormFields } from './plugin-form-fields';
import {
  PLUGIN_FORM_FIELDS,
  type PluginFormValues,
  pluginFormResolver,
  pluginFormValues,
  ZEditPluginFormSchema,
} from './plugin-form-schema';

/**
 * Changes a plugin through `plugins.update`. A new api_endpoint has proven nothing yet: the
 * plugin waits in pending verification until it answers the challenge, and the form says so.
 */
export function EditPluginForm({ plugin, onDone }: { plugin: Plugin; onDone: () => void }) {
  const utils = trpc.useUtils();
  const form = useForm<PluginFormValues, unknown, z.output<typeof ZEditPluginFormSchema>>({
    resolver: pluginFormResolver(ZEditPluginFormSchema),
    defaultValues: pluginFormValues(plugin),
  });
  const update = trpc.plugins.update.useMutation({
    onSuccess: async (updated) => {
      notifyDone(
        `Saved ${updated.name}`,
        updated.status === 'pending_verification'
          ? 'Pending verification until its endpoint answers the ownership challenge.'
          : undefined,
      );
      utils.plugins.get.setData({ slug: plugin.slug }, updated);
      onDone();
      await Promise.all([utils.plugins.list.invalidate(), utils.actions.invalidate()]);
    },
    onError: (error) => {
      notifyFailed('Could not save the plugin', error);
      showApiIssues(error, PLUGIN_FORM_FIELDS, form.setError);
    },
  });
  const endpoint = form.watch('api_endpoint').trim();
  const repointing = endpoint !== '' && endpoint !== (plugin.api_endpoint ?? '');
  const submit = form.handleSubmit((fields) => update.mutate({ slug: plugin.slug, ...fields }));
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <PluginFormFields
        register={form.register}
        errors={form.formState.errors}
        idPrefix="edit-plugin"
        editing
      />
      {repointing && (
        <Alert data-testid="repoint-warning">
          A new endpoint must prove it holds this plugin's signing secret: until it answers the
          ownership challenge the plugin is <strong>pending verification</strong> and its actions
          cannot be dispatched.
        </Alert>
      )}
      {update.error && <ApiErrorAlert error={update.error} title="Could not save the plugin" />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={update.isPending}>
          <PendingIcon pending={update.isPending} />
          Save changes
        </Button>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
