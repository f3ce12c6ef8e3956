import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';

export const metadata: Metadata = { title: 'API reference' };

const ENDPOINTS = [
  ['GET', '/api/plugins/actions', 'Discover actions (?category=, ?plugin=, ?search=)'],
  ['POST', '/api/plugins/{slug}/register-actions', "Register a plugin's actions"],
  ['POST', '/api/plugins/events/automation', 'Dispatch a batch of automation events'],
  ['GET', '/api/plugins/events/automation', 'Health: platform and plugin actions, circuits'],
  ['GET, POST, PUT, PATCH', '/api/plugins', 'List, create and update plugins'],
  ['GET, PUT, PATCH, DELETE', '/api/plugins/{slug}', 'Read, change or remove one plugin'],
  ['GET', '/api/plugins/{slug}/test', "Test a plugin's connectivity"],
  ['POST', '/api/plugins/{slug}/rotate-secret', "Rotate a plugin's signing secret (shown once)"],
  ['GET', '/api/metrics', 'Prometheus metrics: dispatched events, attempts, retries, circuits'],
  ['GET, POST', '/api/trpc/*', 'Typed tRPC API (AppRouter from @registry/api)'],
] as const;

export default function ApiReferencePage() {
  return (
    <>
      <PageHeader
        title="API reference"
        description="The REST endpoints automations and plugins call, and the typed tRPC API this dashboard uses."
      />
      <div className="rounded-lg border">
        <Table aria-label="Endpoints">
          <TableHeader>
            <TableRow>
              <TableHead>Method</TableHead>
              <TableHead>Path</TableHead>
              <TableHead>What</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {ENDPOINTS.map(([method, path, what]) => (
              <TableRow key={path}>
                <TableCell className="font-mono text-xs">{method}</TableCell>
                <TableCell className="break-all font-mono text-xs">{path}</TableCell>
                <TableCell>{what}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
