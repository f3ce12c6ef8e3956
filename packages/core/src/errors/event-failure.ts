import type { EventErrorCode } from '@registry/contracts';

/** Why one event of a batch failed. It fails that event only, never the batch. */
export class EventFailure extends Error {
  override readonly name = 'EventFailure';

  constructor(
    readonly code: EventErrorCode,
    message: string,
    readonly httpStatus?: number,
    /** How long the plugin asked us to wait before trying again (`Retry-After`). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
