import { toast } from 'sonner';
import { describeApiError } from '@/trpc/api-error';

/** A toast saying what a change did. */
export function notifyDone(title: string, description?: string) {
  toast.success(title, { description });
}

/**
 * A toast saying a change failed, with the reason (given, or the API's); it stays twice as long
 * as a success.
 */
export function notifyFailed(title: string, reason: unknown) {
  const description = typeof reason === 'string' ? reason : describeApiError(reason).message;
  toast.error(title, { description, duration: 8_000 });
}
