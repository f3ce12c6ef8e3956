/** `2026-03-02T10:00:00.000Z` ↔ the local `2026-03-02T11:00` a datetime-local input shows. */
export function toLocalDateTime(iso: string | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '';
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The ISO time of a datetime-local input's value, read in the browser's time zone. */
export function fromLocalDateTime(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}
