import { CircleAlert } from 'lucide-react';
import { describeApiError } from '@/trpc/api-error';
import { Alert, AlertTitle } from './ui/alert';

/** An API failure as the API described it: its message and each field it named. */
export function ApiErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { message, appCode, issues } = describeApiError(error);
  return (
    <Alert variant="destructive" data-testid="api-error">
      <AlertTitle>
        <CircleAlert aria-hidden />
        {title ?? 'The request failed'}
        {appCode && <code className="font-mono font-normal text-xs">{appCode}</code>}
      </AlertTitle>
      {issues.length > 0 ? (
        <ul className="mt-1.5 space-y-0.5 pl-6">
          {issues.map((issue) => (
            <li key={`${issue.field}:${issue.message}`}>
              <code className="font-mono font-semibold">{issue.field}</code>: {issue.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 pl-6">{message}</p>
      )}
    </Alert>
  );
}
