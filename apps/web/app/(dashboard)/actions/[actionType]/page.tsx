import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActionDetailView } from '@/features/actions/action-detail-view';

export const metadata: Metadata = { title: 'Action' };

export default function ActionPage() {
  return (
    <Suspense>
      <ActionDetailView />
    </Suspense>
  );
}
