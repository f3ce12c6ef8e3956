'use client';

import { Toaster as Sonner } from 'sonner';

/**
 * Where every toast shows: one polite live region for the whole app, so a screen reader hears
 * what a button did; the form or card beside the button keeps the detail.
 */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton />;
}
