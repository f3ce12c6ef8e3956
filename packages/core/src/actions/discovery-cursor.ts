import { AppError } from '../errors/app-error';

/**
 * Where a discovery page ended: a platform catalog index, or a plugin action's place; in a
 * health-sorted list's ranked part, the action's rank, plugin slug ('' for a platform action)
 * and action type.
 */
export type DiscoveryPosition =
  | { source: 'platform'; index: number }
  | { source: 'plugin'; slug: string; position: number }
  | RankedPosition;

export interface RankedPosition {
  source: 'ranked';
  rank: number;
  slug: string;
  action_type: string;
}

export function encodeDiscoveryCursor(position: DiscoveryPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeDiscoveryCursor(cursor: string): DiscoveryPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (value?.source === 'platform' && Number.isInteger(value.index)) return value;
    if (
      value?.source === 'plugin' &&
      typeof value.slug === 'string' &&
      Number.isInteger(value.position)
    ) {
      return value;
    }
    if (
      value?.source === 'ranked' &&
      Number.isFinite(value.rank) &&
      typeof value.slug === 'string' &&
      typeof value.action_type === 'string'
    ) {
      return value;
    }
  } catch {
    // Falls through to the caller's mistake below.
  }
  throw AppError.validation([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
}
