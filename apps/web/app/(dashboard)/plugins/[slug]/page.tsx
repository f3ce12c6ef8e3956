import type { Metadata } from 'next';
import { PluginDetailView } from '@/features/plugins/plugin-detail-view';

export const metadata: Metadata = { title: 'Plugin' };

export default function PluginPage() {
  return <PluginDetailView />;
}
