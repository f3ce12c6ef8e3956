import { toast } from 'sonner';
import { describeApiError } from '@/trpc/api-error';

/** A toast saying what a change did. */
export function notifyDone(title: string, description?: string) {
  toast.success(title, { description });
}

/** A toast saying a change failed, with the API's reason; it stays twice as long as a success. */
export function notifyFailed(title: string, error: unknown) {
  toast.error(title, { description: describeApiError(error).message, duration: 8_000 });
}
