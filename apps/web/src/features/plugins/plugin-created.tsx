'use client';

import { type CreatedPlugin, ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import Link from 'next/link';
import { SecretValue } from '@/components/secret-value';
import { StatusBadge } from '@/components/status-badge';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { trpc } from '@/trpc/trpc';
import { EndpointOwnership } from './endpoint-ownership';

/**
 * A plugin just added: its API key and signing secret, shown this once, and the next step —
 * its endpoint proving it holds the secret — with the button and the command that ask for it.
 */
export function PluginCreated({ plugin, onDone }: { plugin: CreatedPlugin; onDone: () => void }) {
  // The proof changes the plugin's status: follow it live rather than the answer to `create`.
  const live = trpc.plugins.get.useQuery({ slug: plugin.slug }).data ?? plugin;
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const verifyCommand = `curl -X POST ${origin}/api/plugins/${plugin.slug}/verify -H "Authorization: Bearer ${plugin.api_key}"`;
  return (
    <div className="flex flex-col gap-4">
      <Alert variant="success">
        <AlertTitle>Plugin {plugin.name} added</AlertTitle>
        <p className="mt-1">
          Copy its API key and signing secret now: they are not shown again. Rotate them on the
          plugin's page if they are lost.
        </p>
      </Alert>
      <SecretValue label="API key" value={plugin.api_key} />
      <SecretValue label="Signing secret" value={plugin.signing_secret} />
      <section aria-labelledby="next-step" className="flex flex-col gap-2">
        <h3 id="next-step" className="font-semibold text-sm">
          Next step: prove the endpoint
        </h3>
        {plugin.api_endpoint ? (
          <>
            <p className="text-muted-foreground text-sm">
              Its actions can be dispatched once{' '}
              <code className="font-mono">
                {plugin.api_endpoint}
                {ENDPOINT_VERIFICATION_PATH}
              </code>{' '}
              answers the registry's challenge, signed with this secret (the plugin SDK does it).
              When the plugin server runs with the secret, verify here or from the server:
            </p>
            <div className="flex flex-wrap items-start gap-3">
              <StatusBadge status={live.status} />
              <EndpointOwnership plugin={live} />
            </div>
            <code className="break-all rounded-md border bg-muted/50 px-2 py-1.5 font-mono text-xs">
              {verifyCommand}
            </code>
          </>
        ) : (
          <p className="text-muted-foreground text-sm">
            It has no API endpoint: give it one (Edit, on its page) before it can serve actions.
          </p>
        )}
      </section>
      <div className="flex flex-wrap gap-2">
        <Button asChild>
          <Link href={`/plugins/${plugin.slug}`}>Open {plugin.name}</Link>
        </Button>
        <Button variant="outline" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}
