'use client';

import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { TitledSection } from '@/components/titled-section';
import { Skeleton } from '@/components/ui/skeleton';
import { trpc } from '@/trpc/trpc';
import { RegistrationComparison } from './registration-comparison';
import { RegistrationRevisionList } from './registration-revision-list';

/** Every accepted registration of the plugin's actions, and a diff between any two of them. */
export function RegistrationHistorySection({ slug }: { slug: string }) {
  const history = trpc.plugins.registrations.useQuery({ slug });
  const revisions = history.data?.registrations;
  return (
    <TitledSection id="registration-history" title="Registration history">
      {history.error && <ApiErrorAlert error={history.error} title="Could not load the history" />}
      {history.isPending && <Skeleton className="h-24" />}
      {revisions?.length === 0 && (
        <EmptyState title="No registrations yet">
          Each set of actions the plugin registers is kept here as a revision.
        </EmptyState>
      )}
      {revisions && revisions.length > 0 && (
        <>
          {/* Keyed by the latest revision: a new registration starts a new default comparison. */}
          <RegistrationComparison key={revisions[0]?.revision} slug={slug} revisions={revisions} />
          <RegistrationRevisionList revisions={revisions} />
        </>
      )}
    </TitledSection>
  );
}
