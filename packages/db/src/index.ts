export type { CreateDbOptions, Db, SqlPool } from './client';
export { createDb, createPool, inTransaction } from './client';
export { DEFAULT_TENANT_ID } from './default-tenant';
export type { ActionExecution, Plugin, PrismaClient } from './generated/prisma/client';
export { Prisma } from './generated/prisma/client';
export { newSigningSecret } from './signing-secret';
export { prismaSqlRunner, type SqlRunner } from './sql-runner';
