'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';

export type SearchFilters<K extends string> = Partial<Record<K, string>>;

/**
 * Filters kept in the URL's query string, so a link reproduces the view. Values go to the API
 * as typed; a bad one comes back as the API's field error rather than being silently dropped.
 */
export function useSearchFilters<K extends string>(keys: readonly K[]) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const filters = useMemo(() => {
    const present = keys.flatMap((key) => {
      const value = params.get(key);
      return value ? [[key, value] as const] : [];
    });
    return Object.fromEntries(present) as SearchFilters<K>;
  }, [params, keys]);
  const setFilters = useCallback(
    (changes: Partial<Record<K, string | undefined>>) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  return [filters, setFilters] as const;
}
