'use client';

import { BookOpen, Menu, Workflow } from 'lucide-react';
import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { SignOutButton } from '@/features/session/sign-out-button';
import { NavLinks } from './nav-links';
import { Button } from './ui/button';
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from './ui/sheet';

function Brand() {
  return (
    <Link
      href="/"
      className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-2 focus-visible:ring-ring"
    >
      <Workflow className="size-4" aria-hidden />
      Action Registry
    </Link>
  );
}

function ApiReferenceLink() {
  return (
    <Link
      href="/api-reference"
      className="flex h-8 items-center gap-2 rounded-md px-2 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
    >
      <BookOpen className="size-4" aria-hidden />
      API reference
    </Link>
  );
}

/** Who is signed in: a note in protected local mode, else a way out. */
function SessionFooter({ localMode }: { localMode: boolean }) {
  if (!localMode) return <SignOutButton />;
  return (
    <p className="px-2 text-xs text-muted-foreground">
      Local mode: this machine acts as the admin until a token is created.
    </p>
  );
}

/** The pages, then the API reference and the session, as the sidebar and the menu show them. */
function MainNav({ localMode, onNavigate }: { localMode: boolean; onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="flex flex-1 flex-col justify-between">
      <NavLinks onNavigate={onNavigate} />
      <div className="flex flex-col gap-1">
        <ApiReferenceLink />
        <SessionFooter localMode={localMode} />
      </div>
    </nav>
  );
}

/** Sidebar navigation on wide screens; a top bar with a slide-in menu at phone width. */
export function AppShell({ children, localMode }: { children: ReactNode; localMode: boolean }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[220px_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-background focus:px-3 focus:py-2 focus:ring-2 focus:ring-ring"
      >
        Skip to content
      </a>
      {/* The outer box stretches with the page (its background and border); the inner one sticks. */}
      <div className="hidden border-r bg-muted/40 md:block">
        <aside className="sticky top-0 flex h-dvh flex-col gap-4 p-3">
          <div className="px-2 pt-1">
            <Brand />
          </div>
          <MainNav localMode={localMode} />
        </aside>
      </div>
      <header className="sticky top-0 z-40 flex h-12 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur md:hidden">
        <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
          <SheetTrigger asChild>
            <Button variant="ghost" size="icon" aria-label="Open menu">
              <Menu aria-hidden />
            </Button>
          </SheetTrigger>
          <SheetContent>
            <SheetTitle className="mb-4 px-2 font-semibold">Action Registry</SheetTitle>
            <MainNav localMode={localMode} onNavigate={() => setMenuOpen(false)} />
          </SheetContent>
        </Sheet>
        <Brand />
      </header>
      <main id="main" className="min-w-0 px-4 py-5 md:px-8 md:py-6">
        {children}
      </main>
    </div>
  );
}
