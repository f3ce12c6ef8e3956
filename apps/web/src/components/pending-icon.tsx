import { Loader2, type LucideIcon } from 'lucide-react';

/** A button's icon, or a spinner in its place while the button's request runs. */
export function PendingIcon({ pending, icon: Icon }: { pending: boolean; icon?: LucideIcon }) {
  if (pending) return <Loader2 className="animate-spin" aria-hidden />;
  return Icon ? <Icon aria-hidden /> : null;
}
