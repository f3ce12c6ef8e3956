'use client';

import type { Plugin } from '@registry/contracts';
import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { fromLocalDateTime, toLocalDateTime } from '@/lib/local-date-time';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';

const DAY_MS = 86_400_000;

/**
 * Delivers again the plugin's dead events and the events it failed since a time (24 h ago by
 * default), after the operator confirms: the plugin receives them a second time.
 */
export function RecoverEventsForm({ plugin }: { plugin: Pick<Plugin, 'slug' | 'name'> }) {
  const id = useId();
  const utils = trpc.useUtils();
  const [since, setSince] = useState(() =>
    toLocalDateTime(new Date(Date.now() - DAY_MS).toISOString()),
  );
  const recover = trpc.plugins.recover.useMutation({
    onSuccess: (answer) => {
      notifyDone(recoveredMessage(answer.recovered, answer.limit));
      return Promise.all([utils.plugins.invalidate(), utils.executions.invalidate()]);
    },
    onError: (error) => notifyFailed('Could not recover events', error),
  });
  const sinceIso = fromLocalDateTime(since);
  const sinceText = sinceIso ? new Date(sinceIso).toLocaleString() : '';
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-2 border-t pt-4">
      <h3 id={`${id}-title`} className="font-medium text-[13px]">
        Recover events
      </h3>
      <p className="text-muted-foreground text-xs">
        Delivers again this plugin's dead events, and the events it failed, that ended since:
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-since`}>Since</Label>
          <Input
            id={`${id}-since`}
            type="datetime-local"
            className="w-auto"
            value={since}
            onChange={(event) => setSince(event.target.value)}
          />
        </div>
        <ConfirmDialog
          trigger={
            <Button variant="outline" className="h-9" disabled={recover.isPending || !sinceIso}>
              <PendingIcon pending={recover.isPending} icon={RotateCcw} />
              Recover
            </Button>
          }
          title={`Recover events of ${plugin.name}?`}
          description={`${plugin.name}'s dead events, and the events it failed, since ${sinceText} are queued and sent to it again, with their original webhook-id.`}
          confirmLabel="Recover events"
          onConfirm={() => sinceIso && recover.mutate({ slug: plugin.slug, since: sinceIso })}
        />
      </div>
      <div aria-live="polite">
        {recover.data && (
          <p role="status" className="text-sm">
            {recoveredMessage(recover.data.recovered, recover.data.limit)}
          </p>
        )}
        {recover.error && <ApiErrorAlert error={recover.error} title="Could not recover events" />}
      </div>
    </section>
  );
}

function recoveredMessage(recovered: number, limit: number): string {
  if (recovered === 0) return 'No dead or failed events in that time: nothing was queued.';
  const queued = `${recovered} event${recovered === 1 ? '' : 's'} queued again`;
  return recovered < limit ? `${queued}.` : `${queued}, the most at once: recover again for more.`;
}
