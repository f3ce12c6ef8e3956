'use client';

import { LogOut } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';

/** Ends the session: the cookie is cleared and the dashboard asks for a token again. */
export function SignOutButton() {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      className="justify-start gap-2 px-2 text-muted-foreground"
      onClick={async () => {
        await fetch('/api/session', { method: 'DELETE' });
        router.replace('/sign-in');
        router.refresh();
      }}
    >
      <LogOut className="size-4" aria-hidden />
      Sign out
    </Button>
  );
}
