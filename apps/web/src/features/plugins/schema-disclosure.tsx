import { ChevronRight } from 'lucide-react';
import { JsonBlock } from '@/components/json-block';

/**
 * A JSON Schema folded under its name: a native `<details>`, so Enter and Space open it and
 * screen readers announce it as expandable without any script.
 */
export function SchemaDisclosure({ title, schema }: { title: string; schema: unknown }) {
  return (
    <details className="group rounded-md border">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1.5 font-medium text-sm outline-none hover:bg-muted/50 focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight className="size-4 transition-transform group-open:rotate-90" aria-hidden />
        {title}
      </summary>
      {/* Unfolded on request, it shows whole: no inner scroll box to reach by keyboard. */}
      <JsonBlock value={schema} className="m-2 mt-0 max-h-none" />
    </details>
  );
}
