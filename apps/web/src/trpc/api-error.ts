import type { ValidationIssue } from '@registry/contracts';
import { TRPCClientError } from '@trpc/client';

export interface ApiErrorDetails {
  message: string;
  /** The API's error code (`VALIDATION_ERROR`, `NOT_FOUND`, ...), when it gave one. */
  appCode?: string;
  /** One entry per offending field, as the API named them. */
  issues: ValidationIssue[];
}

/** What the API said about a failed call: its message, code and field issues. */
export function describeApiError(error: unknown): ApiErrorDetails {
  if (error instanceof TRPCClientError) {
    const data = error.data as { appCode?: string; issues?: ValidationIssue[] } | undefined;
    return { message: error.message, appCode: data?.appCode, issues: data?.issues ?? [] };
  }
  return { message: error instanceof Error ? error.message : 'Something went wrong', issues: [] };
}
