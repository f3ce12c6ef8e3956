'use client';

import type { RegistrationRevision } from '@registry/contracts';
import { useId, useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Skeleton } from '@/components/ui/skeleton';
import { trpc } from '@/trpc/trpc';
import { RegistrationDiffView } from './registration-diff-view';

/**
 * Any two revisions side by side, the latest and the one before it to begin with. The diff is
 * the registry's own (plugins.registrationDiff), so it reads exactly as each revision's does.
 */
export function RegistrationComparison({
  slug,
  revisions,
}: {
  slug: string;
  revisions: RegistrationRevision[];
}) {
  const [to, setTo] = useState(revisions[0]?.revision ?? 0);
  const [from, setFrom] = useState(revisions[1]?.revision ?? 0);
  const diff = trpc.plugins.registrationDiff.useQuery(
    { slug, from, to },
    { placeholderData: (previous) => previous },
  );
  return (
    <div className="flex flex-col gap-3 rounded-lg border p-3">
      <div className="flex flex-wrap items-end gap-3">
        <RevisionSelect label="Compare" value={from} onChange={setFrom} revisions={revisions} />
        <RevisionSelect label="with" value={to} onChange={setTo} revisions={revisions} />
      </div>
      {diff.error && <ApiErrorAlert error={diff.error} title="Could not compare these revisions" />}
      {diff.isPending && <Skeleton className="h-20" />}
      {diff.data && <RegistrationDiffView diff={diff.data} />}
    </div>
  );
}

function RevisionSelect({
  label,
  value,
  onChange,
  revisions,
}: {
  label: string;
  value: number;
  onChange: (revision: number) => void;
  revisions: RegistrationRevision[];
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="w-auto"
      >
        {revisions.map(({ revision }) => (
          <option key={revision} value={revision}>
            Revision {revision}
          </option>
        ))}
        <option value={0}>Before the first</option>
      </NativeSelect>
    </div>
  );
}
