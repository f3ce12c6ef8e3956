import type { Prisma } from './generated/prisma/client';

/**
 * What plain-SQL statements run on: the pool, a `pg` client inside a transaction, or a Prisma
 * transaction (so a platform action's writes and its outcome commit together).
 */
export interface SqlRunner {
  query<R extends object>(query: {
    text: string;
    values?: unknown[];
  }): Promise<{ rows: R[]; rowCount?: number | null }>;
}

/** A Prisma transaction as a runner, for plain SQL that must commit with Prisma writes. */
export function prismaSqlRunner(tx: Prisma.TransactionClient): SqlRunner {
  return {
    async query<R extends object>({ text, values = [] }: { text: string; values?: unknown[] }) {
      const rows = await tx.$queryRawUnsafe<R[]>(text, ...values);
      return { rows, rowCount: rows.length };
    },
  };
}
