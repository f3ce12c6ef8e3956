import { createHash, randomBytes } from 'node:crypto';

/** A new secret: a recognisable prefix and 256 random bits. */
export function generateSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * What is stored instead of a secret. A fast hash suffices for 256-bit random secrets (nothing
 * to brute-force); slow password hashes are for secrets people choose.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The first characters of a secret, enough to tell secrets apart in a list. */
export function secretPrefix(secret: string, visible = 6): string {
  const at = /^[a-z]+_[a-z]+_/.exec(secret)?.[0].length ?? 0;
  return `${secret.slice(0, at + visible)}…`;
}
