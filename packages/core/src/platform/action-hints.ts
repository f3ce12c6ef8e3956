import type { ActionDefinition } from '@registry/contracts';

/** What a caller (an MCP client, say) may assume about calling a platform action. */
export type ActionHints = Pick<ActionDefinition, 'read_only' | 'destructive' | 'idempotent'>;

/** Makes something new each call (a product, an order, a message sent). */
export const CREATES: ActionHints = { read_only: false, destructive: false, idempotent: false };
/** Sets fields of something that exists: what they held before is lost; the same call again changes nothing. */
export const OVERWRITES: ActionHints = { read_only: false, destructive: true, idempotent: true };
/** Removes something; removing it again changes nothing. */
export const DELETES: ActionHints = { read_only: false, destructive: true, idempotent: true };
