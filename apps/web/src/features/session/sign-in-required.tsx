import { LockKeyhole } from 'lucide-react';
import Link from 'next/link';
import { Button } from '@/components/ui/button';

/** The clear page a visitor without a session gets instead of the dashboard. */
export function SignInRequired() {
  return (
    <main id="main" className="grid min-h-dvh place-items-center p-6">
      <div className="flex max-w-sm flex-col items-center gap-3 text-center">
        <LockKeyhole className="size-8 text-muted-foreground" aria-hidden />
        <h1 className="text-lg font-semibold">Sign in to the Action Registry</h1>
        <p className="text-sm text-muted-foreground">
          This registry requires an admin token. Ask an administrator for one, or create it on the
          server with <code className="font-mono">pnpm registry token create --name you</code>.
        </p>
        <Button asChild>
          <Link href="/sign-in">Sign in with a token</Link>
        </Button>
      </div>
    </main>
  );
}
