import type { Prisma } from '@registry/db';
import type { z } from 'zod';
import type { ActionHints } from './action-hints';

export interface PlatformContext {
  /** The database, or the transaction the action runs in (its writes commit with its outcome). */
  db: Prisma.TransactionClient;
  tenantId: string;
}

/** A built-in action of the platform: its catalog entry, its payload schema and its work. */
export interface PlatformAction<S extends z.ZodObject = z.ZodObject> {
  action_type: string;
  title: string;
  description: string;
  category: string;
  hints: ActionHints;
  input: S;
  run(ctx: PlatformContext, input: z.output<S>): Promise<unknown>;
}

/** Keeps each action's `run` typed by its own schema. */
export function definePlatformAction<S extends z.ZodObject>(
  action: PlatformAction<S>,
): PlatformAction {
  return action as unknown as PlatformAction;
}
