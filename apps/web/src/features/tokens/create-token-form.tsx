'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ZCreateAdminTokenRequestSchema } from '@registry/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { FormField } from '@/components/form-field';
import { PendingIcon } from '@/components/pending-icon';
import { SecretValue } from '@/components/secret-value';
import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { notifyDone, notifyFailed } from '@/lib/notify';
import { showApiIssues } from '@/lib/show-api-issues';
import { trpc } from '@/trpc/trpc';

type TokenForm = z.input<typeof ZCreateAdminTokenRequestSchema>;
const FIELDS = ['name', 'expires_in'] as const;

/** Creates an admin token through `tokens.create` and shows its secret this once. */
export function CreateTokenForm({ localMode }: { localMode: boolean }) {
  const utils = trpc.useUtils();
  const form = useForm<TokenForm, unknown, z.output<typeof ZCreateAdminTokenRequestSchema>>({
    resolver: zodResolver(ZCreateAdminTokenRequestSchema),
    defaultValues: { name: '', expires_in: undefined },
  });
  const create = trpc.tokens.create.useMutation({
    onSuccess: async (created) => {
      notifyDone(`Created ${created.name}`, 'Copy the token now: it is shown only here.');
      form.reset();
      await utils.tokens.list.invalidate();
    },
    onError: (error) => {
      notifyFailed('Could not create the token', error);
      showApiIssues(error, FIELDS, form.setError);
    },
  });
  // The contract turns `30d` into milliseconds; the API takes the text and does the same.
  const submit = form.handleSubmit(() => create.mutate(form.getValues()));
  const errors = form.formState.errors;
  return (
    <div className="flex flex-col gap-4">
      {localMode && (
        <Alert>
          This registry runs in local mode. Once a token exists, every request needs one, this
          browser included: keep the new token to sign in with.
        </Alert>
      )}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
        <div className="w-64">
          <FormField id="token-name" label="Name" error={errors.name?.message}>
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                placeholder="ci-deploy"
                {...form.register('name')}
              />
            )}
          </FormField>
        </div>
        <div className="w-48">
          <FormField
            id="token-expires-in"
            label="Expires in"
            hint="e.g. 90m, 12h, 30d; blank: never."
            error={errors.expires_in?.message}
          >
            {(control) => (
              <Input
                {...control}
                autoComplete="off"
                // A blank lifetime means "never expires": the contract's field is then absent.
                {...form.register('expires_in', { setValueAs: (value) => value || undefined })}
              />
            )}
          </FormField>
        </div>
        <Button type="submit" className="mt-6" disabled={create.isPending}>
          <PendingIcon pending={create.isPending} />
          Create token
        </Button>
      </form>
      {create.error && <ApiErrorAlert error={create.error} title="Could not create the token" />}
      {create.data && (
        <div className="flex flex-col gap-3" data-testid="created-token">
          <Alert variant="success">
            <AlertTitle>Token {create.data.name} created</AlertTitle>
            <p className="mt-1">Copy it now: it is not shown again.</p>
          </Alert>
          <SecretValue label="Admin token" value={create.data.token} />
        </div>
      )}
    </div>
  );
}
