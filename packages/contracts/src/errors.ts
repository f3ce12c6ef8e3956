import { z } from 'zod';
import { ZAffectedActionSchema, ZBreakingChangeSchema } from './registration-history';

/** Request-level error codes, shared by REST bodies and tRPC error data. */
export const API_ERROR_CODES = [
  'VALIDATION_ERROR',
  'MALFORMED_JSON',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_ERROR',
] as const;
export const ZApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ZApiErrorCodeSchema>;

/** The REST error body: `error` is a readable sentence naming the field; `issues` lists each. */
export const ZRestErrorBodySchema = z.object({
  success: z.literal(false),
  error: z.string(),
  code: ZApiErrorCodeSchema,
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  /** A registration refused for breaking callers (409): what would break, and who calls it. */
  breaking_changes: z.array(ZBreakingChangeSchema).optional(),
  affected: z.array(ZAffectedActionSchema).optional(),
});
export type RestErrorBody = z.output<typeof ZRestErrorBodySchema>;
