'use client';

import type { AdminToken } from '@registry/contracts';
import { Ban } from 'lucide-react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';

/**
 * Revokes a token after a confirmation; revoking the one this browser signed in with ends its
 * session too, and the confirmation says so first.
 */
export function RevokeTokenButton({
  token,
  signedInWith,
}: {
  token: AdminToken;
  signedInWith: boolean;
}) {
  const utils = trpc.useUtils();
  const revoke = trpc.tokens.revoke.useMutation({
    onSuccess: () => {
      notifyDone(`Revoked ${token.name}`);
      // Its session ended with it: the sign-in page is where this browser stands now.
      if (signedInWith) window.location.assign('/sign-in');
      else return utils.tokens.list.invalidate();
    },
    onError: (error) => notifyFailed(`Could not revoke ${token.name}`, error),
  });
  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmDialog
        trigger={
          <Button
            variant="outline"
            size="sm"
            disabled={revoke.isPending}
            aria-label={`Revoke ${token.name}`}
          >
            <PendingIcon pending={revoke.isPending} icon={Ban} />
            Revoke
          </Button>
        }
        title={`Revoke ${token.name}?`}
        description={
          signedInWith
            ? `This browser signed in with ${token.name}: revoking it signs you out at once, and every request made with it is refused from then on.`
            : `Every request made with ${token.name} (${token.prefix}) is refused from then on, and its dashboard sessions end. This cannot be undone.`
        }
        confirmLabel="Revoke token"
        onConfirm={() => revoke.mutate({ id: token.id })}
      />
      {revoke.error && <ApiErrorAlert error={revoke.error} title="Could not revoke the token" />}
    </div>
  );
}
