'use client';

import type { Plugin } from '@registry/contracts';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';

/** Deletes the plugin after a confirmation naming what goes with it, then opens the list. */
export function DeletePluginButton({ plugin }: { plugin: Plugin }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const remove = trpc.plugins.delete.useMutation({
    onSuccess: async () => {
      notifyDone(`Deleted ${plugin.name}`, 'Its execution history stays.');
      await Promise.all([utils.plugins.list.invalidate(), utils.actions.invalidate()]);
      router.push('/plugins');
    },
    onError: (error) => notifyFailed(`Could not delete ${plugin.name}`, error),
  });
  const actions = plugin.actions_count;
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="outline" size="sm" disabled={remove.isPending}>
            <PendingIcon pending={remove.isPending} icon={Trash2} />
            Delete
          </Button>
        }
        title={`Delete ${plugin.name}?`}
        description={`Its ${actions} registered action${actions === 1 ? '' : 's'} leave the catalog with it, and its API key and signing secret stop working at once. Its execution history stays.`}
        confirmLabel="Delete plugin"
        onConfirm={() => remove.mutate({ slug: plugin.slug })}
      />
      {remove.error && <ApiErrorAlert error={remove.error} title="Could not delete the plugin" />}
    </>
  );
}
