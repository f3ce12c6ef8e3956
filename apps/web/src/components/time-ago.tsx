const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", with the exact time on hover and for machines. */
export function TimeAgo({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted-foreground">never</span>;
  const elapsed = new Date(iso).getTime() - Date.now();
  const [unit, size] = UNITS.find(([, ms]) => Math.abs(elapsed) >= ms) ?? ['second', 1_000];
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} className="whitespace-nowrap">
      {relative.format(Math.round(elapsed / size), unit)}
    </time>
  );
}
