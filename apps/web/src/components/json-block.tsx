import { cn } from '@/lib/cn';

/** A JSON value, pretty-printed, scrolling within its box instead of widening the page. */
export function JsonBlock({ value, className }: { value: unknown; className?: string }) {
  return (
    <pre
      className={cn(
        'max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/50 p-3 font-mono text-[12.5px] leading-relaxed',
        className,
      )}
    >
      {value === undefined ? '—' : JSON.stringify(value, null, 2)}
    </pre>
  );
}
