'use client';

import { Search } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Input } from '@/components/ui/input';
import { useDebouncedCommit } from '@/lib/use-debounced-commit';

/** Search box that updates the URL once typing pauses; `/` focuses it from anywhere. */
export function CatalogSearch({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const [text, setText] = useDebouncedCommit(value, onChange);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const focusOnSlash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, [contenteditable]')) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener('keydown', focusOnSlash);
    return () => window.removeEventListener('keydown', focusOnSlash);
  }, []);
  return (
    <div className="relative w-full sm:max-w-sm">
      <Search
        className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-muted-foreground"
        aria-hidden
      />
      <Input
        ref={input}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Search type, title or description"
        aria-label="Search actions"
        aria-keyshortcuts="/"
        className="pr-8 pl-8"
      />
      <kbd className="pointer-events-none absolute top-2 right-2 hidden rounded border bg-muted px-1.5 font-mono text-muted-foreground text-xs sm:block">
        /
      </kbd>
    </div>
  );
}
