'use client';

import type { Plugin } from '@registry/contracts';
import { BadgeCheck, ShieldQuestion } from 'lucide-react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { TimeAgo } from '@/components/time-ago';
import { Button } from '@/components/ui/button';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';

/**
 * Whether the plugin's api_endpoint has proven it holds the plugin's signing secret, and a
 * button to send the challenge again (a pending plugin becomes active on the right answer).
 */
export function EndpointOwnership({ plugin }: { plugin: Plugin }) {
  const utils = trpc.useUtils();
  const verify = trpc.plugins.verify.useMutation({
    onSuccess: (answer) => {
      if (answer.verified) notifyDone('Endpoint verified', answer.message);
      else notifyFailed('Endpoint not verified', answer.message);
      return Promise.all([
        utils.plugins.get.invalidate({ slug: plugin.slug }),
        utils.plugins.list.invalidate(),
        utils.actions.invalidate(),
      ]);
    },
    onError: (error) => notifyFailed('Could not send the challenge', error),
  });
  const check = plugin.endpoint_verification;
  if (!check) return <span className="text-muted-foreground">no endpoint</span>;
  const failure = verify.data && !verify.data.verified ? verify.data.message : check.error;
  return (
    <div className="flex flex-col items-start gap-1.5">
      {check.verified ? (
        <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
          <BadgeCheck className="size-4" aria-hidden /> Verified <TimeAgo iso={check.verified_at} />
        </span>
      ) : (
        <span className="inline-flex items-center gap-1 text-amber-700 dark:text-amber-400">
          <ShieldQuestion className="size-4" aria-hidden /> Not verified
        </span>
      )}
      {!check.verified && failure && (
        <span className="break-words text-destructive text-xs" role="status">
          {failure}
        </span>
      )}
      {!check.verified && (
        <Button
          variant="outline"
          size="sm"
          disabled={verify.isPending}
          onClick={() => verify.mutate({ slug: plugin.slug })}
        >
          <PendingIcon pending={verify.isPending} />
          Verify endpoint
        </Button>
      )}
      {verify.error && <ApiErrorAlert error={verify.error} />}
    </div>
  );
}
