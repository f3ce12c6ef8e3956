'use client';

import { Toaster as Sonner } from 'sonner';

/**
 * Where every toast shows: one polite live region for the whole app, so a screen reader hears
 * what a button did; the form or card beside the button keeps the detail. Not `richColors`:
 * its green on pale green measured below the 4.5:1 contrast axe asks of text.
 */
export function Toaster() {
  return <Sonner position="bottom-right" closeButton />;
}
