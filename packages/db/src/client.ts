import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type Db = PrismaClient;

export interface CreateDbOptions {
  /** Connections in the pool; pg's default of 10 suits one app process. */
  maxConnections?: number;
}

/** A Prisma client over node-postgres: the same code path for real and embedded PostgreSQL. */
export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
  });
  return new PrismaClient({ adapter });
}
