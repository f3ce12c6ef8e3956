import type { Metadata } from 'next';
import { BatchView } from '@/features/batch/batch-view';

export const metadata: Metadata = { title: 'Batch test-fire' };

export default function BatchPage() {
  return <BatchView />;
}
