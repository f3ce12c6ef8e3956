import './globals.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Toaster } from '@/components/toaster';
import { TrpcProvider } from '@/trpc/trpc-provider';

export const metadata: Metadata = {
  title: { default: 'Plugin Action Registry', template: '%s · Plugin Action Registry' },
  description: 'Browse, test-fire and watch the actions plugins and the platform perform.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcProvider>{children}</TrpcProvider>
        <Toaster />
      </body>
    </html>
  );
}
