import type { Metadata } from 'next';
import { OverviewView } from '@/features/overview/overview-view';

export const metadata: Metadata = { title: 'Overview' };

/** The dashboard opens on the overview: how delivery goes, and what needs the operator. */
export default function HomePage() {
  return <OverviewView />;
}
