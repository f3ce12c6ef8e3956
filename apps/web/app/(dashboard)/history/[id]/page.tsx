import type { Metadata } from 'next';
import { ExecutionDetailView } from '@/features/history/execution-detail-view';

export const metadata: Metadata = { title: 'Execution' };

export default function ExecutionPage() {
  return <ExecutionDetailView />;
}
