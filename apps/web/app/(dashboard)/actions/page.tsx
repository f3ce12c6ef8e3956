import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CatalogView } from '@/features/actions/catalog-view';

export const metadata: Metadata = { title: 'Actions' };

export default function ActionsPage() {
  return (
    <Suspense>
      <CatalogView />
    </Suspense>
  );
}
