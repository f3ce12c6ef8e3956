'use client';

import type { Plugin } from '@registry/contracts';
import { KeyRound, RefreshCw } from 'lucide-react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { PendingIcon } from '@/components/pending-icon';
import { SecretValue } from '@/components/secret-value';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { trpc } from '@/trpc/trpc';

/**
 * The plugin's API key and signing secret, rotated on request: each new value is shown once.
 * A new key replaces the old at once; the old secret keeps signing (both signatures are sent)
 * for the grace period the API answers with, so the plugin server can switch without a gap.
 */
export function CredentialsCard({ plugin }: { plugin: Pick<Plugin, 'slug' | 'name'> }) {
  const rotateKey = trpc.plugins.rotateKey.useMutation({
    onSuccess: () => notifyDone('API key rotated', 'Copy the new key now: it is shown only here.'),
    onError: (error) => notifyFailed('Could not rotate the key', error),
  });
  const rotateSecret = trpc.plugins.rotateSecret.useMutation({
    onSuccess: () =>
      notifyDone(
        'Signing secret rotated',
        'The previous secret keeps signing for its grace period.',
      ),
    onError: (error) => notifyFailed('Could not rotate the secret', error),
  });
  const validUntil = rotateSecret.data?.previous_secret_valid_until;
  return (
    <Card aria-labelledby="plugin-credentials">
      <CardHeader>
        <CardTitle id="plugin-credentials">Credentials</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <p className="text-muted-foreground text-sm">
          The API key authenticates the plugin to the registry (only its hash is kept); the signing
          secret signs every call the registry makes to it. Neither is shown again: a rotated one is
          shown here once.
        </p>
        <div className="flex flex-wrap gap-2">
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm" disabled={rotateKey.isPending}>
                <PendingIcon pending={rotateKey.isPending} icon={KeyRound} />
                Rotate key
              </Button>
            }
            title={`Rotate the API key of ${plugin.name}?`}
            description="The current key is refused from the moment the new one is issued: update the plugin server right away."
            confirmLabel="Rotate key"
            onConfirm={() => rotateKey.mutate({ slug: plugin.slug })}
          />
          <ConfirmDialog
            trigger={
              <Button variant="outline" size="sm" disabled={rotateSecret.isPending}>
                <PendingIcon pending={rotateSecret.isPending} icon={RefreshCw} />
                Rotate secret
              </Button>
            }
            title={`Rotate the signing secret of ${plugin.name}?`}
            description="Calls are signed with both the new and the current secret for 24 hours, then with the new one only: the plugin server has a day to switch."
            confirmLabel="Rotate secret"
            onConfirm={() => rotateSecret.mutate({ slug: plugin.slug })}
          />
        </div>
        <div aria-live="polite" className="flex flex-col gap-3">
          {rotateKey.data && (
            <div className="flex flex-col gap-1" data-testid="new-api-key">
              <SecretValue label="New API key" value={rotateKey.data.api_key} />
              <p className="text-muted-foreground text-xs">
                Shown only now. The previous key no longer works.
              </p>
            </div>
          )}
          {rotateSecret.data && (
            <div className="flex flex-col gap-1" data-testid="new-signing-secret">
              <SecretValue label="New signing secret" value={rotateSecret.data.signing_secret} />
              <p className="text-muted-foreground text-xs">
                Shown only now.{' '}
                {validUntil
                  ? `The previous secret keeps signing calls until ${new Date(validUntil).toLocaleString()}; after that only this one does.`
                  : 'There was no previous secret: only this one signs.'}
              </p>
            </div>
          )}
          {rotateKey.error && (
            <ApiErrorAlert error={rotateKey.error} title="Could not rotate the key" />
          )}
          {rotateSecret.error && (
            <ApiErrorAlert error={rotateSecret.error} title="Could not rotate the secret" />
          )}
        </div>
      </CardContent>
    </Card>
  );
}
