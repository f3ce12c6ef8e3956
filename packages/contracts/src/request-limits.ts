/**
 * Bounds of one API request, REST and tRPC alike: the server refuses more, and the typed
 * clients split their batches to stay within them.
 */

/** Large enough for a batch of 1,000 events with sizeable payloads. */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Calls one tRPC request may batch. The server runs a batch's calls at once, so this bounds
 * the work one request starts; the dashboard batches a handful.
 */
export const MAX_TRPC_BATCH_CALLS = 20;
