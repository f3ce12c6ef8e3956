'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { ZSignInRequestSchema } from '@registry/contracts';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

type SignIn = z.input<typeof ZSignInRequestSchema>;

/** Exchanges an admin token for a dashboard session: an httpOnly cookie holding its id. */
export function SignInForm() {
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<SignIn>({
    resolver: zodResolver(ZSignInRequestSchema),
    defaultValues: { token: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(values),
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      setFailure(body.error ?? `Sign-in failed (HTTP ${response.status})`);
      return;
    }
    router.replace('/actions');
    router.refresh();
  });
  const error = form.formState.errors.token?.message;
  return (
    <form onSubmit={submit} className="flex w-full flex-col gap-3" noValidate>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="token">Admin token</Label>
        <Input
          id="token"
          type="password"
          autoComplete="off"
          placeholder="par_admin_…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-error' : undefined}
          {...form.register('token')}
        />
        {error && (
          <p id="token-error" className="text-sm text-destructive">
            {error}
          </p>
        )}
      </div>
      {failure && <Alert variant="destructive">{failure}</Alert>}
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
