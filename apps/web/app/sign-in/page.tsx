import { Workflow } from 'lucide-react';
import type { Metadata } from 'next';
import { SignInForm } from '@/features/session/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

export default function SignInPage() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center p-6">
      <div className="flex w-full max-w-sm flex-col gap-5">
        <div className="flex items-center gap-2 font-semibold">
          <Workflow className="size-4" aria-hidden />
          Action Registry
        </div>
        <div>
          <h1 className="text-lg font-semibold">Sign in</h1>
          <p className="text-sm text-muted-foreground">
            Paste an admin token. It opens a session of 12 hours; the browser keeps only the
            session's id, in a cookie no page script can read.
          </p>
        </div>
        <SignInForm />
      </div>
    </main>
  );
}
