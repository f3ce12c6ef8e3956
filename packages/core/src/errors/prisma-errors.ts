/** Prisma's "unique constraint failed" and "foreign key constraint failed" error codes. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2002';
}

export function isForeignKeyViolation(error: unknown): boolean {
  return prismaCode(error) === 'P2003';
}

function prismaCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
